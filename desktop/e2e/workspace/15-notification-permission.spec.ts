import { expect, test, type Page } from '@playwright/test';
import { CHANNELS, contactWrites, signIn } from './support/atendo';
import { installDesktopStandIn } from './support/desktop-stand-in';
import { clickNotification, notificationSpy, spyOnNotifications } from './support/notification-spy';

/**
 * In a browser, notifications need the agent's permission, asked from a click on the header's
 * "Ativar notificações" button; it shows while the answer is open and goes once answered.
 */

const enableButton = (page: Page) => page.getByRole('button', { name: 'Ativar notificações' });
/** The header is on screen, so a missing button is missing and not merely not rendered yet. */
const headerReady = (page: Page) =>
  expect(page.getByRole('button', { name: 'Iniciar conversa' })).toBeVisible();

test('asked from a click: before the answer nothing is shown, after a yes queue arrivals are', async ({
  browser,
}) => {
  const ana = await signIn(browser, 'ana', (context) =>
    spyOnNotifications(context, { initial: 'default', answer: 'granted' }),
  );
  await expect(enableButton(ana.page)).toBeVisible();
  expect((await notificationSpy(ana.page)).asked).toBe(0);

  // Receptivo waits in Suporte, Ana's team: an arrival while permission is still open.
  const before = await contactWrites(CHANNELS.receptivo, 'Chegou antes da permissão.');
  await ana.workspace.showTab('Em espera');
  await expect(ana.workspace.row(before.name)).toBeVisible();
  expect((await notificationSpy(ana.page)).shown).toEqual([]);

  await enableButton(ana.page).click();
  await expect(enableButton(ana.page)).toHaveCount(0);
  expect((await notificationSpy(ana.page)).asked).toBe(1);

  const after = await contactWrites(CHANNELS.receptivo, 'Chegou depois da permissão.');
  await expect(ana.workspace.row(after.name)).toBeVisible();
  await expect.poll(async () => (await notificationSpy(ana.page)).shown.length).toBe(1);
  const [shown] = (await notificationSpy(ana.page)).shown;
  expect(shown?.title).toBe('Novo atendimento em espera');
  expect(shown?.tag).toBe(`queue-arrival:${after.conversationId}`);
  // The body names the contact, even when the conversation syncs a moment before its contact.
  expect(shown?.body).toBe(`${after.name}: Chegou depois da permissão.`);

  // Clicking it brings the conversation up on screen, still waiting: a click is not a take.
  await ana.workspace.showTab('Em atendimento');
  await clickNotification(ana.page, 0);
  await expect(ana.workspace.conversation.title).toHaveText(after.name);
  await expect(ana.workspace.conversation.state).toHaveText('Em espera');
  await ana.context.close();
});

test.describe('the button goes once the agent answers either way', () => {
  for (const answer of ['granted', 'denied'] as const) {
    test(`answered ${answer}`, async ({ browser }) => {
      const ana = await signIn(browser, 'ana', (context) =>
        spyOnNotifications(context, { initial: 'default', answer }),
      );
      await enableButton(ana.page).click();
      await expect(enableButton(ana.page)).toHaveCount(0);
      await ana.context.close();
    });
  }

  test('a prompt closed without an answer leaves the button for another try', async ({
    browser,
  }) => {
    const ana = await signIn(browser, 'ana', (context) =>
      spyOnNotifications(context, { initial: 'default', answer: 'default' }),
    );
    await enableButton(ana.page).click();
    await expect.poll(async () => (await notificationSpy(ana.page)).asked).toBe(1);
    await expect(enableButton(ana.page)).toBeVisible();
    await ana.context.close();
  });
});

test.describe('no button when there is nothing to ask', () => {
  test('permission already denied', async ({ browser }) => {
    const ana = await signIn(browser, 'ana', (context) =>
      spyOnNotifications(context, { initial: 'denied', answer: 'denied' }),
    );
    await headerReady(ana.page);
    await expect(enableButton(ana.page)).toHaveCount(0);
    await ana.context.close();
  });

  test('permission granted by the browser itself', async ({ browser }) => {
    const ana = await signIn(browser, 'ana', (context) =>
      context.grantPermissions(['notifications']),
    );
    await headerReady(ana.page);
    expect(await ana.page.evaluate(() => Notification.permission)).toBe('granted');
    await expect(enableButton(ana.page)).toHaveCount(0);
    await ana.context.close();
  });

  test('the desktop shell, whose notifications need no permission', async ({ browser }) => {
    const ana = await signIn(browser, 'ana', async (context) => {
      await spyOnNotifications(context, { initial: 'default', answer: 'granted' });
      await installDesktopStandIn(context);
    });
    await headerReady(ana.page);
    await expect(enableButton(ana.page)).toHaveCount(0);
    await ana.context.close();
  });
});
