import { expect, type Locator, type Page } from '@playwright/test';

/** The "Administração" console: a left navigation of sections, forms in dialogs. */
export class AdminPage {
  constructor(readonly page: Page) {}

  get region(): Locator {
    return this.page.getByRole('region', { name: 'Administração' });
  }

  async open(): Promise<void> {
    await this.page.getByText('Administração', { exact: true }).click();
    await expect(this.region).toBeVisible();
  }

  async section(name: 'Agentes' | 'Equipes' | 'Canais'): Promise<void> {
    await this.region
      .getByRole('navigation', { name: 'Seções da administração' })
      .getByText(name, { exact: true })
      .click();
    await expect(this.region.getByRole('heading', { name, exact: true })).toBeVisible();
  }

  dialog(name: string | RegExp): Locator {
    return this.page.getByRole('dialog', { name });
  }

  row(table: string, text: string): Locator {
    return this.region
      .getByRole('table', { name: table })
      .getByRole('row')
      .filter({ hasText: text });
  }

  /** Opens a row's "…" menu and picks an item. */
  async rowAction(name: string, item: string): Promise<void> {
    await this.region.getByRole('button', { name: `Ações para ${name}` }).click();
    await this.page.getByRole('menuitem', { name: item }).click();
  }

  /** Picks an option of a Mantine Select / MultiSelect inside `scope`. */
  async pick(scope: Locator, label: string, option: string): Promise<void> {
    // A required field's label ends with Mantine's " *".
    const escaped = label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    await scope.getByLabel(new RegExp(`^${escaped}( \\*)?$`)).click();
    await this.page.getByRole('option', { name: option, exact: true }).click();
    // A MultiSelect keeps its list open for more picks; leaving the field closes it.
    await this.page.keyboard.press('Tab');
  }

  notice(text: string): Locator {
    return this.page.getByTestId('notice').filter({ hasText: text });
  }

  async screenshot(name: string): Promise<void> {
    await this.page.screenshot({ path: `docs/screenshots/${name}.png` });
  }
}
