import { expect, type Locator, type Page } from '@playwright/test';

/** The open conversation: header, top panel, window banner, timeline and composer. */
export class ConversationPage {
  constructor(readonly page: Page) {}

  get title(): Locator {
    return this.page.getByTestId('conversation-title');
  }

  get state(): Locator {
    return this.page.getByTestId('conversation-state');
  }

  get composer(): Locator {
    return this.page.getByRole('textbox', { name: 'Mensagem' });
  }

  get windowBanner(): Locator {
    return this.page.getByTestId('window-banner');
  }

  messages(text?: string | RegExp): Locator {
    const all = this.page.getByTestId('message');
    return text === undefined ? all : all.filter({ hasText: text });
  }

  outbox(text?: string | RegExp): Locator {
    const all = this.page.getByTestId('outbox-message');
    return text === undefined ? all : all.filter({ hasText: text });
  }

  systemEvents(text?: string | RegExp): Locator {
    const all = this.page.getByTestId('system-event');
    return text === undefined ? all : all.filter({ hasText: text });
  }

  async send(text: string): Promise<void> {
    await this.composer.fill(text);
    await this.composer.press('Enter');
  }

  panelButton(name: string): Locator {
    return this.page
      .getByRole('toolbar', { name: 'Ações do atendimento' })
      .getByRole('button', { name, exact: true });
  }

  /** Fills the template picker (first template matching `name`) and sends it. */
  async sendTemplate(name: string, params: readonly string[]): Promise<void> {
    const dialog = this.page.getByRole('dialog', { name: 'Modelo de mensagem' });
    await expect(dialog).toBeVisible();
    // The list entry comes first; once a template is chosen its name also heads the preview.
    await dialog.getByText(name, { exact: true }).first().click();
    for (const [index, value] of params.entries()) {
      await dialog.getByLabel(`Parâmetro {{${index + 1}}}`).fill(value);
    }
    await expect(dialog.getByTestId('template-preview')).toContainText(params[0] ?? '');
    await dialog.getByRole('button', { name: 'Enviar modelo' }).click();
    await expect(dialog).toBeHidden();
  }

  async attach(file: { name: string; mimeType: string; buffer: Buffer }): Promise<void> {
    await this.page.getByTestId('composer-file-input').setInputFiles(file);
    await expect(this.page.getByText(`Pronto para enviar: ${file.name}`)).toBeVisible();
    await this.page.getByRole('button', { name: 'Enviar mensagem' }).click();
  }

  async transfer(input: { team?: string; agent?: string; note?: string }): Promise<void> {
    await this.panelButton('Transferir').click();
    const dialog = this.page.getByRole('dialog', { name: 'Transferir atendimento' });
    if (input.team !== undefined) {
      await dialog.getByRole('combobox', { name: 'Equipe' }).click();
      await this.page.getByRole('option', { name: input.team, exact: true }).click();
    }
    if (input.agent !== undefined) {
      await dialog.getByRole('combobox', { name: 'Agente (opcional)' }).click();
      await this.page.getByRole('option', { name: new RegExp(`^${input.agent}`) }).click();
    }
    if (input.note !== undefined)
      await dialog.getByLabel('Observação para quem recebe').fill(input.note);
    await dialog.getByRole('button', { name: 'Transferir' }).click();
    await expect(dialog).toBeHidden();
  }

  async invite(agentName: string): Promise<void> {
    await this.panelButton('Convidar colaboradores').click();
    const dialog = this.page.getByRole('dialog', { name: 'Convidar colaboradores' });
    await dialog.getByRole('combobox', { name: 'Agentes' }).click();
    await this.page.getByRole('option', { name: new RegExp(`^${agentName}`) }).click();
    // The multi-select keeps its list open for more picks; clicking elsewhere closes it.
    await dialog.getByText('Os convidados participam temporariamente', { exact: false }).click();
    await dialog.getByRole('button', { name: 'Convidar' }).click();
    await expect(dialog).toBeHidden();
  }

  async toggleTag(tagName: string): Promise<void> {
    await this.panelButton('Tags').click();
    await this.page.getByRole('checkbox', { name: tagName }).click();
    await this.page.keyboard.press('Escape');
  }

  /** Opens the close dialog; `path` picks a nested disposition through its search box. */
  async close(path?: { search: string; leaf: string }): Promise<Locator> {
    await this.panelButton('Finalizar atendimento').click();
    const dialog = this.page.getByRole('dialog', { name: 'Finalizar atendimento' });
    if (path !== undefined) {
      await dialog.getByRole('textbox', { name: 'Buscar tabulação' }).fill(path.search);
      await dialog.getByRole('radio', { name: path.leaf }).click();
    }
    return dialog;
  }

  async openHistory(): Promise<Locator> {
    await this.panelButton('Histórico').click();
    const drawer = this.page.getByRole('dialog', { name: 'Histórico do contato' });
    await expect(drawer).toBeVisible();
    return drawer;
  }
}
