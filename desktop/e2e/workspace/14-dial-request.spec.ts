import { expect, test, type Page } from '@playwright/test';
import { CHANNELS, contactWrites, signIn } from './support/atendo';
import { installDesktopStandIn, type DesktopStandIn } from './support/desktop-stand-in';
import { dialledLinks, dialledTargets, spyOnDialledLinks } from './support/tel-link-spy';

/**
 * Calls. In a browser the top panel's call button clicks a `tel:` link (the OS hands it to the
 * softphone). The dial-request dialog only exists in the desktop shell: main receives a `tel:`
 * link from the OS and asks the renderer to confirm; the browser build never raises it. Those
 * tests run the workspace under a stand-in of the desktop preload and main
 * (support/desktop-stand-in.ts), with main's own link parser and dial planner.
 */

const dialog = (page: Page, e164: string) =>
  page.getByRole('dialog', { name: `Ligar para ${e164}?` });

/** A contact that wrote on WhatsApp Receptivo (its address is its phone); Ana takes it. */
async function anaTakesContactWithPhone(
  page: Page,
  signed: { take: (n: string) => Promise<void> },
) {
  const contact = await contactWrites(CHANNELS.receptivo, 'Podem me ligar, por favor?');
  await signed.take(contact.name);
  await expect(page.getByTestId('conversation-title')).toHaveText(contact.name);
  return { ...contact, e164: `+${contact.address}` };
}

/** `+5511912345678` as a person writes it on a web page: `(11) 91234-5678`, percent-encoded. */
const asWrittenOnAPage = (e164: string) =>
  `tel:(${e164.slice(3, 5)})%20${e164.slice(5, 10)}-${e164.slice(10)}`;

test('in a browser the call button hands the contact’s E.164 number to the softphone once', async ({
  browser,
}) => {
  const ana = await signIn(browser, 'ana', spyOnDialledLinks);
  const contact = await anaTakesContactWithPhone(ana.page, ana.workspace);

  await ana.workspace.conversation.panelButton('Ligar para o contato').click();
  await expect(ana.workspace.notice(`Chamando ${contact.e164}…`)).toBeVisible();
  expect(await dialledLinks(ana.page)).toEqual([`tel:${contact.e164}`]);
  // Opened in a hidden frame, never in the workspace's own window (issue #11: the tab froze).
  expect(await dialledTargets(ana.page)).toEqual(['atendo-dial-handoff']);
  await expect(ana.page.locator('iframe[name="atendo-dial-handoff"]')).toBeHidden();
  // The browser build has no dial-request dialog: the agent's own click is the confirmation.
  await expect(ana.page.getByRole('dialog')).toHaveCount(0);
  await ana.context.close();
});

test('a real tel: hand-off never blocks the page: it answers and keeps its address', async ({
  browser,
}) => {
  // No spy: Chromium gets the tel: link for real, as a browser without a softphone would.
  const ana = await signIn(browser, 'ana');
  const contact = await anaTakesContactWithPhone(ana.page, ana.workspace);
  const address = ana.page.url();
  for (let i = 0; i < 3; i += 1) {
    await ana.workspace.conversation.panelButton('Ligar para o contato').click({ timeout: 5_000 });
  }
  await expect(ana.workspace.notice(`Chamando ${contact.e164}…`).first()).toBeVisible();
  expect(ana.page.url()).toBe(address);
  // The page still runs: its clock ticks and the composer takes typing.
  const ticks = await ana.page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        let count = 0;
        const timer = setInterval(() => {
          count += 1;
          if (count === 5) {
            clearInterval(timer);
            resolve(count);
          }
        }, 20);
      }),
  );
  expect(ticks).toBe(5);
  await ana.workspace.conversation.composer.fill('Liguei e caiu na caixa postal.', {
    timeout: 5_000,
  });
  await ana.page.reload();
  await expect(ana.workspace.conversation.title).toHaveText(contact.name);
  await ana.context.close();
});

test('a contact without a phone cannot be called from the top panel', async ({ browser }) => {
  // The web chat routes to Vendas, which Bruno works in; a visitor has no phone.
  const bruno = await signIn(browser, 'bruno');
  const contact = await contactWrites(CHANNELS.webchat, 'Só pelo chat, obrigado.');
  await bruno.workspace.take(contact.name);
  await expect(bruno.workspace.conversation.title).toHaveText(contact.name);
  await expect(
    bruno.workspace.conversation.panelButton('O contato não tem telefone cadastrado'),
  ).toBeDisabled();
  await bruno.context.close();
});

test.describe('desktop shell: a tel: link from the OS', () => {
  let main: DesktopStandIn;
  const signInDesktop = (browser: Parameters<typeof signIn>[0]) =>
    signIn(browser, 'ana', async (context) => {
      main = await installDesktopStandIn(context);
    });

  test('shows whose number it is, opens their conversation and dials only on Ligar', async ({
    browser,
  }) => {
    const ana = await signInDesktop(browser);
    const contact = await anaTakesContactWithPhone(ana.page, ana.workspace);
    const other = await anaTakesContactWithPhone(ana.page, ana.workspace);
    await expect(ana.workspace.conversation.title).toHaveText(other.name);

    const decision = await main.openLink(asWrittenOnAPage(contact.e164));
    expect(decision).toEqual({ ok: true, request: { number: contact.e164, scheme: 'tel' } });
    const asking = dialog(ana.page, contact.e164);
    await expect(asking).toContainText(`Este número pertence a ${contact.name}.`);
    await expect(asking).toContainText('Nada é discado até você clicar em Ligar.');
    await expect(asking.getByRole('button', { name: 'Adicionar contato' })).toHaveCount(0);
    // The contact's open conversation comes up behind the dialog.
    await expect(ana.workspace.conversation.title).toHaveText(contact.name);

    await ana.page.keyboard.press('Escape');
    await expect(asking).toBeHidden();
    expect(main.dials).toEqual([]);

    await main.openLink(`callto:${contact.e164}`);
    await asking.getByRole('button', { name: 'Ligar', exact: true }).click();
    await expect(asking).toBeHidden();
    await expect(ana.workspace.notice(`Chamando ${contact.e164}…`)).toBeVisible();
    expect(main.dials).toEqual([{ kind: 'uri', url: `tel:${contact.e164}` }]);
    await ana.context.close();
  });

  test('an unknown number offers to add a contact with that phone', async ({ browser }) => {
    const ana = await signInDesktop(browser);
    const e164 = `+55319${String(Date.now()).slice(-8)}`;
    await main.openLink(`tel:${e164}`);
    const asking = dialog(ana.page, e164);
    await expect(asking).toContainText('Nenhum contato tem este número ainda.');

    await asking.getByRole('button', { name: 'Adicionar contato' }).click();
    const form = ana.page.getByRole('dialog', { name: 'Adicionar contato' });
    await expect(form.getByRole('textbox', { name: 'Telefones 1' })).toHaveValue(e164);
    expect(main.dials).toEqual([]);
    await ana.context.close();
  });

  test('hostile links are refused, and a hostile number that gets through is not dialled', async ({
    browser,
  }) => {
    const ana = await signInDesktop(browser);
    const hostile = [
      'tel:+5511987654321;rm=-rf',
      'tel:+55119876abc54321',
      'tel:+5511987654321?body=oi',
      'tel://+5511987654321',
      'tel:+55%0A11987654321',
      'tel:+5511987654321%3Bx',
      'callto:+5511987654321@evil.example',
    ];
    for (const raw of hostile) {
      expect((await main.openLink(raw)).ok, raw).toBe(false);
    }
    await expect(ana.page.getByRole('dialog')).toHaveCount(0);

    // Main never sends such a request; if one arrived anyway, main's dialer still refuses it.
    const smuggled = '+5511987654321;ls';
    await main.send('event:dial-request', { number: smuggled, scheme: 'tel' });
    await dialog(ana.page, smuggled).getByRole('button', { name: 'Ligar', exact: true }).click();
    await expect(ana.workspace.notice('Não foi possível iniciar a ligação')).toBeVisible();
    expect(main.dials).toEqual([]);
    await ana.context.close();
  });
});
