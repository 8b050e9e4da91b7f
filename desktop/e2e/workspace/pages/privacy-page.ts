import { expect, type Download, type Locator, type Page } from '@playwright/test';

/** The admin's "Privacidade (LGPD)" screen: data subjects, retention and the access log. */
export class PrivacyPage {
  constructor(readonly page: Page) {}

  get region(): Locator {
    return this.page.getByRole('region', { name: 'Privacidade (LGPD)' });
  }

  async open(): Promise<void> {
    // A page of the admin console since the console exists.
    await this.page.getByText('Administração', { exact: true }).click();
    await this.page
      .getByRole('navigation', { name: 'Seções da administração' })
      .getByText('Privacidade', { exact: true })
      .click();
    await expect(this.region).toBeVisible();
  }

  async tab(name: 'Titulares' | 'Retenção' | 'Registro de acessos'): Promise<void> {
    await this.region.getByRole('tab', { name }).click();
  }

  async search(query: string): Promise<void> {
    await this.region.getByLabel('Buscar titular').fill(query);
    await this.region.getByRole('button', { name: 'Buscar', exact: true }).click();
  }

  subject(name: string): Locator {
    return this.region.getByRole('listitem', { name });
  }

  async exportData(name: string): Promise<Download> {
    const download = this.page.waitForEvent('download');
    await this.region.getByRole('button', { name: `Exportar os dados de ${name}` }).click();
    return download;
  }

  eraseDialog(name: string): Locator {
    return this.page.getByRole('dialog', { name: `Eliminar os dados de ${name}` });
  }

  async startErasing(name: string): Promise<Locator> {
    await this.region.getByRole('button', { name: `Eliminar os dados de ${name}` }).click();
    const dialog = this.eraseDialog(name);
    await expect(dialog).toBeVisible();
    return dialog;
  }

  logRows(text?: string | RegExp): Locator {
    const rows = this.region.getByTestId('access-log-row');
    return text === undefined ? rows : rows.filter({ hasText: text });
  }
}
