import { expect, type Locator, type Page } from '@playwright/test';

/** "Iniciar conversa": contact, channel, and the refusal with its next step. */
export class StartDialog {
  readonly dialog: Locator;

  constructor(readonly page: Page) {
    this.dialog = page.getByRole('dialog', { name: 'Iniciar conversa' });
  }

  async choose(contactName: string, channelLabel: string): Promise<void> {
    await expect(this.dialog).toBeVisible();
    const contact = this.dialog.getByRole('combobox', { name: 'Contato' });
    await contact.click();
    await contact.fill(contactName);
    await this.page
      .getByRole('option', { name: new RegExp(`^${contactName}`) })
      .first()
      .click();
    await this.dialog.getByRole('combobox', { name: 'Canal' }).click();
    await this.page.getByRole('option', { name: channelLabel, exact: true }).click();
  }

  get denial(): Locator {
    return this.dialog.getByTestId('start-denial');
  }

  async startWithText(text: string): Promise<void> {
    await this.dialog.getByRole('textbox', { name: 'Mensagem' }).fill(text);
    await this.dialog.getByRole('button', { name: 'Iniciar conversa' }).click();
  }

  async openTemplatePicker(): Promise<void> {
    await this.dialog.getByRole('button', { name: 'Enviar modelo de mensagem' }).click();
  }

  async cancel(): Promise<void> {
    await this.dialog.getByRole('button', { name: 'Cancelar' }).click();
    await expect(this.dialog).toBeHidden();
  }
}
