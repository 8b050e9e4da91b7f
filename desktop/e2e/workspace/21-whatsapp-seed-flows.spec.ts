import { expect, test } from '@playwright/test';
import { StartDialog } from './pages/start-dialog';
import { CHANNELS, serverUrl, signIn } from './support/atendo';

/*
 * The seed's flow on WhatsApp, with Meta played by the local fake Graph API: the contact writes
 * (a signed webhook), chooses in the bot menu, is told they are in the queue, Ana takes and
 * replies (the contact reads "*Ana:*" above her text), closes with a tabulação, and the contact
 * rates, comments and is thanked, without a new conversation opening in the bot.
 */

const NUMBERS = { [CHANNELS.whatsapp]: '5511940000000', [CHANNELS.receptivo]: '5511940000001' };

type GraphSend = { type: string; to: string; text?: { body: string } };

async function whatsappWrites(
  channelId: typeof CHANNELS.whatsapp | typeof CHANNELS.receptivo,
  contact: { waId: string; name: string },
  text: string,
): Promise<void> {
  const response = await fetch(`${serverUrl()}/__e2e/whatsapp`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      channelId,
      phoneNumberId: NUMBERS[channelId],
      from: contact.waId,
      profileName: contact.name,
      text,
    }),
  });
  expect(response.status, await response.clone().text()).toBe(200);
}

/** The texts the fake Graph API was asked to send to this contact, in order. */
async function textsTo(waId: string): Promise<string[]> {
  const response = await fetch(`${serverUrl()}/__e2e/whatsapp/sends`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ to: waId }),
  });
  const { sends } = (await response.json()) as { sends: GraphSend[] };
  return sends.map((s) => s.text?.body ?? `(${s.type})`);
}

const freshContact = (name: string) => {
  const stamp = String(Date.now() % 100_000_000).padStart(8, '0');
  return { waId: `55119${stamp}`, name: `${name} ${stamp.slice(-4)}` };
};

test('a WhatsApp contact is served as the seed describes, through the Graph API', async ({
  browser,
}) => {
  const ana = await signIn(browser, 'ana');
  const view = ana.workspace.conversation;
  const contact = freshContact('Renata WhatsApp');

  await whatsappWrites(CHANNELS.whatsapp, contact, 'Olá, preciso da segunda via do boleto');
  await expect.poll(() => textsTo(contact.waId)).toEqual([expect.stringContaining('Suporte')]);
  await whatsappWrites(CHANNELS.whatsapp, contact, '1');
  await expect
    .poll(() => textsTo(contact.waId))
    .toEqual([expect.stringContaining('Suporte'), 'Aguardando um atendente…']);

  await ana.workspace.take(contact.name);
  await expect(view.title).toHaveText(contact.name);
  await view.send('Olá! Vou gerar a segunda via para você.');
  await expect
    .poll(async () => (await textsTo(contact.waId)).at(-1))
    .toBe('*Ana:*\nOlá! Vou gerar a segunda via para você.');
  // The timeline keeps what Ana wrote; only the contact's copy names her.
  await expect(view.messages('Vou gerar a segunda via')).toBeVisible();
  await ana.page.screenshot({ path: 'docs/screenshots/whatsapp-seed-reply.png' });

  const dialog = await view.close({ search: 'cobr', leaf: 'Cobrança' });
  await dialog.getByRole('button', { name: 'Finalizar atendimento' }).click();
  await expect(dialog).toBeHidden();
  await expect
    .poll(async () => (await textsTo(contact.waId)).at(-1))
    .toContain('Como você avalia este atendimento?');

  await whatsappWrites(CHANNELS.whatsapp, contact, '5');
  await whatsappWrites(CHANNELS.whatsapp, contact, 'A Ana resolveu rapidinho');
  await expect
    .poll(async () => (await textsTo(contact.waId)).slice(-2))
    .toEqual([
      'Obrigado pela sua avaliação!',
      'Obrigado pelo comentário! Se precisar de algo mais, é só enviar uma mensagem.',
    ]);
  await expect(view.state).toHaveText(/Finalizado/);
  // The comment went to the rated conversation: nothing new waits in the queue or the bot.
  await ana.workspace.showTab('Em espera');
  await expect(ana.workspace.row(contact.name)).toHaveCount(0);
  await ana.context.close();
});

test('starting a conversation: reachable channels, the team, and the other number’s window', async ({
  browser,
}) => {
  const bruno = await signIn(browser, 'bruno');
  const start = new StartDialog(bruno.page);
  const contact = freshContact('Otávio Receptivo');
  // The contact writes to the demo's other number: that window does not open this one's.
  await whatsappWrites(CHANNELS.receptivo, contact, 'Bom dia, é sobre o meu pedido');

  await bruno.workspace.openStartDialog();
  await start.choose(contact.name, 'WhatsApp Atendo');
  await expect(start.dialog.getByTestId('start-template-needed')).toHaveText(
    /O contato escreveu para outro número há \d+ (s|min); por este número é preciso um modelo\./,
  );
  // Bruno is in Suporte and Vendas: he chooses the team of the conversation he starts.
  await expect(start.dialog.getByRole('combobox', { name: 'Equipe do atendimento' })).toBeVisible();
  // The contact never opened the web chat: the option is there, disabled, with the reason.
  await start.dialog.getByRole('combobox', { name: 'Canal' }).click();
  const webchat = bruno.page.getByRole('option', {
    name: 'Chat do site — o contato nunca usou o chat do site',
  });
  await expect(webchat).toHaveAttribute('data-combobox-disabled', 'true');
  await bruno.page.screenshot({ path: 'docs/screenshots/start-reachable-channels.png' });
  await bruno.page.keyboard.press('Escape');
  await bruno.page.screenshot({ path: 'docs/screenshots/start-other-number-window.png' });
  await start.cancel();
  await bruno.context.close();
});
