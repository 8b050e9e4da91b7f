import { expect, type Locator, type Page } from '@playwright/test';

/** "Sair" from the account menu, and the dialog it opens. */
export class SignOutDialog {
  readonly dialog: Locator;

  constructor(readonly page: Page) {
    this.dialog = page.getByRole('dialog', { name: 'Sair do Atendo' });
  }

  async open(): Promise<void> {
    await this.page.getByRole('button', { name: /^Conta de / }).click();
    await this.page.getByRole('menuitem', { name: 'Sair' }).click();
    await expect(this.dialog).toBeVisible();
  }

  get erase(): Locator {
    return this.dialog.getByRole('checkbox', {
      name: 'Apagar também os dados do Atendo deste computador',
    });
  }

  /** "Sair" or "Apagar e sair", whichever the choice made it. */
  get confirm(): Locator {
    return this.dialog.getByRole('button', { name: /^(Sair|Apagar e sair)$/ });
  }

  /** Waits for the login screen the sign-out leads to. */
  async confirmAndWait(): Promise<void> {
    await this.confirm.click();
    await expect(this.page.getByRole('form', { name: 'Entrar no Atendo' })).toBeVisible();
  }

  get notice(): Locator {
    return this.page.getByTestId('signed-out-notice');
  }
}
