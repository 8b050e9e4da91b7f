import { expect, type Locator, type Page } from '@playwright/test';

/** The admin console ("Administração") as an admin drives it, pt-BR labels. */
export class AdminConsole {
  constructor(readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.getByText('Administração', { exact: true }).first().click();
    await expect(this.nav).toBeVisible();
  }

  get nav(): Locator {
    return this.page.getByRole('navigation', { name: 'Seções da administração' });
  }

  async section(name: string): Promise<void> {
    await this.nav.getByText(name, { exact: true }).click();
    await expect(this.page.getByRole('heading', { name, exact: true })).toBeVisible();
  }

  dialog(name: string | RegExp): Locator {
    return this.page.getByRole('dialog', { name });
  }

  /** Picks one option of a Mantine Select or MultiSelect, found by its label. */
  async pick(scope: Locator | Page, label: string, option: string): Promise<void> {
    await scope
      .getByRole('combobox', { name: label, exact: true })
      .or(scope.getByRole('textbox', { name: label, exact: true }))
      .first()
      .click();
    await this.page.getByRole('option', { name: option, exact: true }).click();
  }

  async chooseTeam(team: string): Promise<void> {
    await this.pick(this.page, 'Equipe', team);
  }

  /** A screenshot for docs/, without the corner notices the last saves left. */
  async screenshot(name: string): Promise<void> {
    const notices = this.page.getByTestId('notice');
    while ((await notices.count()) > 0) {
      // A success notice may leave on its own between the count and the click.
      await notices
        .first()
        .getByRole('button')
        .first()
        .click({ timeout: 2_000 })
        .catch(() => undefined);
    }
    await expect(notices).toHaveCount(0);
    await this.page.screenshot({ path: `docs/screenshots/${name}.png` });
  }
}
