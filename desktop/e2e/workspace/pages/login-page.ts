import { expect, type Page } from '@playwright/test';

/** The sign-in screen (pt-BR labels: the browser locale is pt-BR in the config). */
export class LoginPage {
  constructor(readonly page: Page) {}

  async goto(url: string): Promise<void> {
    await this.page.goto(url);
    await expect(this.page.getByRole('form', { name: 'Entrar no Atendo' })).toBeVisible();
  }

  get serverUrl() {
    return this.page.getByLabel('Endereço do servidor');
  }

  async signIn(
    email: string,
    password: string,
    presence: 'Disponível' | 'Ausente' = 'Disponível',
  ): Promise<void> {
    await this.page.getByLabel('E-mail').fill(email);
    await this.page.getByLabel('Senha', { exact: true }).fill(password);
    await this.page.getByText(presence, { exact: true }).click();
    await this.page.getByRole('button', { name: 'Entrar' }).click();
  }

  get error() {
    return this.page.getByRole('alert');
  }
}
