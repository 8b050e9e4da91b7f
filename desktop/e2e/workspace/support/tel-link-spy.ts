import type { BrowserContext, Page } from '@playwright/test';

declare global {
  // Augmenting the global Window needs an interface: a type alias cannot merge.
  // eslint-disable-next-line @typescript-eslint/consistent-type-definitions
  interface Window {
    __dialledLinks?: string[];
    __dialledTargets?: string[];
  }
}

/**
 * The browser build dials by clicking a `tel:` link, which hands the number to the OS's
 * softphone. Page routes cannot see a link that leaves the browser, so an init script records
 * softphone links that are clicked and keeps them from reaching the OS; other links behave.
 */
export async function spyOnDialledLinks(context: BrowserContext): Promise<void> {
  await context.addInitScript(() => {
    const links: string[] = [];
    const targets: string[] = [];
    window.__dialledLinks = links;
    window.__dialledTargets = targets;
    HTMLAnchorElement.prototype.click = function clickUnlessSoftphone(this: HTMLAnchorElement) {
      if (/^(tel|sip|callto):/i.test(this.href)) {
        links.push(this.href);
        targets.push(this.target);
      }
      // A dispatched click runs a link's activation as click() does.
      else this.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true }));
    };
  });
}

export async function dialledLinks(page: Page): Promise<string[]> {
  return page.evaluate(() => [...(window.__dialledLinks ?? [])]);
}

/** The browsing context each softphone link was opened in (its `target`). */
export async function dialledTargets(page: Page): Promise<string[]> {
  return page.evaluate(() => [...(window.__dialledTargets ?? [])]);
}
