import { expect, type Locator, type Page } from '@playwright/test';
import { ConversationPage } from './conversation-page';

/** The conversation list ("Em espera" / "Em atendimento"), header and notices. */
export class WorkspacePage {
  readonly conversation: ConversationPage;

  constructor(readonly page: Page) {
    this.conversation = new ConversationPage(page);
  }

  async waitUntilReady(): Promise<void> {
    await expect(this.page.getByRole('region', { name: 'Lista de atendimentos' })).toBeVisible();
  }

  tab(name: 'Em espera' | 'Em atendimento'): Locator {
    return this.page.getByRole('tab', { name: new RegExp(name) });
  }

  async showTab(name: 'Em espera' | 'Em atendimento'): Promise<void> {
    await this.tab(name).click();
  }

  tabCount(name: 'Em espera' | 'Em atendimento'): Locator {
    return this.tab(name).getByTestId('tab-count');
  }

  /** A row of the visible tab, by the contact's name. */
  row(contactName: string): Locator {
    return this.page.getByTestId('conversation-row').filter({ hasText: contactName });
  }

  /** Clicks a queued conversation, which takes it. */
  async take(contactName: string): Promise<void> {
    await this.showTab('Em espera');
    await this.row(contactName).click();
  }

  async open(contactName: string): Promise<void> {
    await this.showTab('Em atendimento');
    await this.row(contactName).click();
    await expect(this.conversation.title).toHaveText(contactName);
  }

  notice(text: string | RegExp): Locator {
    return this.page.getByTestId('notice').filter({ hasText: text });
  }

  get offlineBanner(): Locator {
    return this.page.getByTestId('offline-banner');
  }

  async openStartDialog(): Promise<void> {
    await this.page.getByRole('button', { name: 'Iniciar conversa' }).click();
  }

  async openMonitoring(): Promise<void> {
    await this.page.getByText('Monitoramento', { exact: true }).click();
  }
}
