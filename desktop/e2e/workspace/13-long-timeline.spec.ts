import { expect, test, type Locator, type Page } from '@playwright/test';
import {
  CHANNELS,
  contactWrites,
  saveScreenshot,
  signIn,
  type WritingContact,
} from './support/atendo';

/** Messages the contact has written before the agent opens the conversation. */
const TOTAL = 1_000;
/** How many older messages each scroll to the top adds (TIMELINE_PAGE in the renderer). */
const PAGE = 200;

const label = (n: number): string => `Mensagem ${String(n).padStart(4, '0')}`;

/**
 * The contact writes messages 2…TOTAL after the first, one at a time as the channel adapter
 * would report them, so the numbers are also the reading order.
 */
async function seedHistory(contact: WritingContact): Promise<void> {
  for (let n = 2; n <= TOTAL; n += 1) await contactWrites(CHANNELS.receptivo, label(n), contact);
}

/**
 * The first bubble whose top is inside the timeline: its row index in the rendered list and its
 * distance from the timeline's top edge.
 */
async function firstVisibleBubble(scroller: Locator): Promise<{ index: number; top: number }> {
  return scroller.evaluate((element) => {
    const edge = element.getBoundingClientRect().top;
    const bubbles = [...element.querySelectorAll('[data-testid="message"]')];
    const first = bubbles
      .map((bubble) => ({
        index: Number(bubble.closest('[data-index]')?.getAttribute('data-index') ?? Number.NaN),
        top: bubble.getBoundingClientRect().top - edge,
      }))
      .filter((bubble) => bubble.top >= 0)
      .sort((a, b) => a.top - b.top)[0];
    return { index: first?.index ?? Number.NaN, top: first?.top ?? Number.NaN };
  });
}

const scrollTo = (scroller: Locator, where: 'top' | 'end') =>
  scroller.evaluate((element, to) => {
    element.scrollTop = to === 'top' ? 0 : element.scrollHeight;
  }, where);

const mountedBubbles = (page: Page) => page.getByTestId('message').count();

test('a long conversation mounts only what is on screen and loads older messages on scroll', async ({
  browser,
}) => {
  test.setTimeout(240_000);
  const contact = await contactWrites(CHANNELS.receptivo, label(1));
  const seeding = Date.now();
  await seedHistory(contact);
  test.info().annotations.push({
    type: 'seed',
    description: `${TOTAL} messages in ${Date.now() - seeding} ms`,
  });

  const ana = await signIn(browser, 'ana');
  const view = ana.workspace.conversation;
  await ana.workspace.take(contact.name);
  await expect(view.title).toHaveText(contact.name);
  const scroller = ana.page.getByTestId('timeline-scroll');

  // It opens at the latest message, with far fewer bubbles in the DOM than messages.
  await expect(view.messages(label(TOTAL))).toBeInViewport();
  expect(await mountedBubbles(ana.page)).toBeLessThan(60);
  await saveScreenshot(ana.page, 'long-timeline-latest');

  // Reaching the top loads an older page above. The bubble that was on top (the first row) stays
  // on top, in place, now that a page of older rows sits before it.
  await scrollTo(scroller, 'top');
  await expect.poll(async () => (await firstVisibleBubble(scroller)).index).toBe(PAGE);
  const reading = await firstVisibleBubble(scroller);
  expect(reading.top).toBeGreaterThanOrEqual(0);
  expect(reading.top).toBeLessThan(24);

  // Scrolling up page after page reaches the contact's first message.
  await expect
    .poll(
      async () => {
        await scrollTo(scroller, 'top');
        return view.messages(label(1)).count();
      },
      { timeout: 60_000, intervals: [400] },
    )
    .toBe(1);
  await expect(view.messages(label(1))).toBeInViewport();
  expect(await mountedBubbles(ana.page)).toBeLessThan(60);

  // While the agent reads old messages, a new one does not pull them away: a button offers it.
  await contactWrites(CHANNELS.receptivo, 'Chegou enquanto você lia', contact);
  const newMessages = ana.page.getByRole('button', { name: 'Novas mensagens' });
  await expect(newMessages).toBeVisible();
  await expect(view.messages(label(1))).toBeInViewport();
  await saveScreenshot(ana.page, 'long-timeline-new-messages');
  await newMessages.click();
  await expect(view.messages('Chegou enquanto você lia')).toBeInViewport();
  await expect(newMessages).toBeHidden();

  // At the end, a new message is followed and shows at once.
  await scrollTo(scroller, 'end');
  await contactWrites(CHANNELS.receptivo, 'Mais uma no fim', contact);
  await expect(view.messages('Mais uma no fim')).toBeInViewport();
  await expect(newMessages).toBeHidden();

  // The agent's own reply brings them to the end, wherever they were reading.
  await scrollTo(scroller, 'top');
  await expect(view.messages(label(1))).toBeInViewport();
  await view.send('Resposta da Ana no fim da conversa longa');
  await expect(view.messages('Resposta da Ana no fim da conversa longa')).toBeInViewport();
  await expect(newMessages).toBeHidden();
  await saveScreenshot(ana.page, 'long-timeline-end');

  await ana.context.close();
});
