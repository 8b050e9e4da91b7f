import type { BrowserContext, Page } from '@playwright/test';

export type NotificationSpyOptions = {
  /** `Notification.permission` when the page loads. */
  initial: NotificationPermission;
  /** What the agent answers when asked; `default` is a prompt closed without an answer. */
  answer: NotificationPermission;
};

export type ShownNotification = { title: string; body: string; tag: string };

type SpyState = { asked: number; shown: ShownNotification[] };
type Clickable = { onclick: ((event: Event) => void) | null };

declare global {
  // Augmenting the global Window needs an interface: a type alias cannot merge.
  // eslint-disable-next-line @typescript-eslint/consistent-type-definitions
  interface Window {
    __notificationSpy?: SpyState;
    __shownNotifications?: Clickable[];
  }
}

/**
 * Headless Chromium answers a permission prompt by itself, so an init script puts a
 * `Notification` in its place that answers as the test says and records what the app shows.
 */
export async function spyOnNotifications(
  context: BrowserContext,
  options: NotificationSpyOptions,
): Promise<void> {
  await context.addInitScript(({ initial, answer }) => {
    const state: SpyState = { asked: 0, shown: [] };
    const instances: Clickable[] = [];
    window.__notificationSpy = state;
    window.__shownNotifications = instances;
    let permission = initial;
    class SpyNotification extends EventTarget {
      onclick: ((event: Event) => void) | null = null;
      constructor(title: string, options?: NotificationOptions) {
        super();
        state.shown.push({ title, body: options?.body ?? '', tag: options?.tag ?? '' });
        instances.push(this);
      }
      static get permission(): NotificationPermission {
        return permission;
      }
      static requestPermission(): Promise<NotificationPermission> {
        state.asked += 1;
        permission = answer;
        return Promise.resolve(permission);
      }
      close(): void {
        // Nothing is on screen to close.
      }
    }
    Object.defineProperty(window, 'Notification', { value: SpyNotification, configurable: true });
  }, options);
}

export async function notificationSpy(page: Page): Promise<SpyState> {
  return page.evaluate(() => window.__notificationSpy ?? { asked: -1, shown: [] });
}

/** The agent clicks the `index`th notification the app showed. */
export async function clickNotification(page: Page, index: number): Promise<void> {
  await page.evaluate((i) => {
    window.__shownNotifications?.[i]?.onclick?.(new Event('click'));
  }, index);
}
