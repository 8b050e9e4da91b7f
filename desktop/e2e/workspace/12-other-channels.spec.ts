import { expect, test, type Locator, type Page } from '@playwright/test';
import { createApiClient } from '../../renderer/api/trpc-client';
import {
  ACCOUNTS,
  CHANNELS,
  DEMO_PASSWORD,
  contactWrites,
  saveScreenshot,
  serverUrl,
  signIn,
} from './support/atendo';
import { StartDialog } from './pages/start-dialog';

/**
 * The server tells contacts apart by their address on each channel, so a contact who writes on
 * two channels is one contact only when it has an address on both: the supervisor registers
 * one such contact through the API first, as an integration or a contact merge would.
 */
async function contactOnTwoChannels(): Promise<{ name: string; phone: string; visitor: string }> {
  const stamp = `${Date.now() % 100_000}`.padStart(5, '0');
  const phone = `551197${stamp}1`;
  const visitor = `visitante-${stamp}`;
  const name = `Cliente Dois Canais ${stamp}`;
  let token: string | null = null;
  const api = createApiClient({ serverUrl: serverUrl(), getToken: () => token });
  token = (await api.auth.login.mutate({ email: ACCOUNTS.carla.email, password: DEMO_PASSWORD }))
    .token;
  await api.contact.create.mutate({
    name,
    addresses: [
      { channelId: CHANNELS.receptivo, address: phone },
      { channelId: CHANNELS.webchat, address: visitor },
    ],
  });
  return { name, phone, visitor };
}

/** The line under the contact's name: phone, channel, team and owner. */
const whereLine = (page: Page): Locator => page.getByTestId('conversation-title').locator('..');

/** Waits for the menu's opening fade to end, so the screenshot shows it as the agent reads it. */
async function menuScreenshot(page: Page, name: string): Promise<void> {
  await expect(page.getByTestId('other-channels')).toHaveCSS('opacity', '1');
  await saveScreenshot(page, name);
}

const otherChannel = (page: Page, channelName: string): Locator =>
  page.getByTestId('other-channel').filter({ hasText: channelName });

test('the same contact on another channel opens from the menu, or says why not', async ({
  browser,
}) => {
  const contact = await contactOnTwoChannels();
  // Receptivo routes to Suporte, the web chat to Vendas; neither has a bot menu.
  const byPhone = await contactWrites(CHANNELS.receptivo, 'Oi, liguei e não consegui falar.', {
    name: contact.name,
    address: contact.phone,
  });
  await contactWrites(CHANNELS.webchat, 'Estou no site também.', {
    name: contact.name,
    address: contact.visitor,
  });

  // Bruno works in both teams: the web chat conversation waiting in Vendas is his to open.
  const bruno = await signIn(browser, 'bruno');
  const view = bruno.workspace.conversation;
  // Both wait in his queue under the same name: he takes the receptivo one.
  await bruno.workspace.showTab('Em espera');
  await bruno.page.locator(`[data-conversation-id="${byPhone.conversationId}"]`).click();
  await expect(view.title).toHaveText(contact.name);
  await expect(whereLine(bruno.page)).toContainText('WhatsApp Receptivo');

  await view.panelButton('Conversas em outros canais').click();
  const webchat = otherChannel(bruno.page, 'Chat do site');
  await expect(webchat).toBeEnabled();
  await expect(webchat).toContainText('Em espera');
  await menuScreenshot(bruno.page, 'other-channels-menu');
  await webchat.click();

  await expect(whereLine(bruno.page)).toContainText('Chat do site');
  await expect(view.state).toHaveText('Em espera');
  await expect(view.messages('Estou no site também.')).toBeVisible();

  // And back: from the web chat conversation the receptivo one is listed as Bruno's.
  await view.panelButton('Conversas em outros canais').click();
  const receptivo = otherChannel(bruno.page, 'WhatsApp Receptivo');
  await expect(receptivo).toContainText('Em atendimento · com você');
  await receptivo.click();
  await expect(whereLine(bruno.page)).toContainText('WhatsApp Receptivo');
  await expect(view.messages('Oi, liguei e não consegui falar.')).toBeVisible();

  // Ana (Suporte only) reaches the contact on WhatsApp; the other two are not hers to open.
  const ana = await signIn(browser, 'ana');
  await ana.workspace.openStartDialog();
  const start = new StartDialog(ana.page);
  await start.choose(contact.name, 'WhatsApp Atendo');
  await start.openTemplatePicker();
  await ana.workspace.conversation.sendTemplate('retomada_atendimento', ['Cliente', 'Ana']);
  await expect(whereLine(ana.page)).toContainText('WhatsApp Atendo');

  await ana.workspace.conversation.panelButton('Conversas em outros canais').click();
  const brunos = otherChannel(ana.page, 'WhatsApp Receptivo');
  await expect(brunos).toBeDisabled();
  await expect(brunos.getByTestId('other-channel-reason')).toHaveText(
    'Em atendimento com Bruno Lima — peça a transferência ao supervisor.',
  );
  const vendas = otherChannel(ana.page, 'Chat do site');
  await expect(vendas).toBeDisabled();
  // Not hers to read: the server names who holds it and nothing else, not even the queue.
  await expect(vendas.getByTestId('other-channel-reason')).toHaveText(
    'Mais alguém da empresa já está falando com este contato — peça a transferência ao supervisor.',
  );
  await menuScreenshot(ana.page, 'other-channels-disabled');

  await ana.context.close();
  await bruno.context.close();
});
