import type { BrowserContext } from '@playwright/test';
import {
  INVOKE_CONTRACT,
  isInvokeChannel,
  type EventChannel,
  type EventPayload,
  type NotificationEvent,
} from '@atendo/shared/ipc/contract';
import type { StoredSession } from '@atendo/shared/ipc/session';
import {
  DEFAULT_SETTINGS,
  type DesktopSettings,
  type ResolvedSettings,
} from '@atendo/shared/ipc/settings';
import { planDial, type DialAction } from '../../../main/dialer/dial-plan';
import { parseTelLink, type TelLinkDecision } from '../../../main/tel-link';

/**
 * The desktop shell without Electron (its binary cannot be downloaded here): an init script
 * puts a `window.atendo` with the preload's shape on the page, and its requests are answered
 * in the test process by the main process's own pure parts (the contract's schemas,
 * `parseTelLink`, `planDial`). Only what would touch the OS is recorded instead: the dial
 * action main would run and the notification events it would route. Main's session vault is
 * a variable here: what the renderer stores through the bridge, checked by the contract's schema
 * as main checks it (main encrypts it with safeStorage, see main/session-vault.ts).
 */
export type DesktopStandIn = {
  /** The dial actions main would have run, in order. */
  readonly dials: DialAction[];
  readonly notifications: NotificationEvent[];
  /** A tel:/callto: link from the OS, handled as main's links.ts does: parsed, then sent. */
  openLink: (raw: string) => Promise<TelLinkDecision>;
  /** Sends an event to the renderer as main would, without main's checks. */
  send: <C extends EventChannel>(channel: C, payload: EventPayload<C>) => Promise<void>;
  /** The session main holds for the renderer, or null. */
  storedSession: () => StoredSession | null;
};

export type StandInOptions = {
  /** Settings as machine policy resolved them (the rest are the defaults). */
  settings?: Partial<DesktopSettings>;
  locked?: ResolvedSettings['locked'];
};

const RESOLVED: ResolvedSettings = { settings: DEFAULT_SETTINGS, locked: [] };

declare global {
  // Augmenting the global Window needs an interface: a type alias cannot merge.
  // eslint-disable-next-line @typescript-eslint/consistent-type-definitions
  interface Window {
    __atendoMain?: (channel: string, request: unknown) => Promise<unknown>;
    __atendoSend?: (channel: string, payload: unknown) => void;
  }
}

/** The preload, in the page: every invoke goes to the test process, events come back. */
function preloadStandIn(): void {
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  window.__atendoSend = (channel, payload) => {
    listeners.get(channel)?.forEach((listener) => {
      listener(payload);
    });
  };
  const bridge = {
    invoke: (channel: string, request?: unknown) => {
      const main = window.__atendoMain;
      if (main === undefined) return Promise.reject(new Error('main is not connected'));
      return main(channel, request);
    },
    on: (channel: string, listener: (payload: unknown) => void) => {
      const set = listeners.get(channel) ?? new Set();
      listeners.set(channel, set);
      set.add(listener);
      return () => {
        set.delete(listener);
      };
    },
  };
  Object.defineProperty(window, 'atendo', { value: bridge });
}

type Answer = (request: unknown) => unknown;

function mainHandlers(
  record: { dials: DialAction[]; notifications: NotificationEvent[] },
  resolved: ResolvedSettings,
  vault: { session: StoredSession | null },
): Record<string, Answer> {
  return {
    'app:info': () => ({ version: 'e2e', platform: process.platform, shell: 'electron' }),
    'settings:get': () => resolved,
    'settings:update': () => resolved,
    'session:load': () => ({ session: vault.session }),
    'session:save': (request) => {
      vault.session = INVOKE_CONTRACT['session:save'].request.parse(request);
      return { ok: true, protection: 'encrypted' };
    },
    'session:clear': () => {
      vault.session = null;
      return { ok: true };
    },
    'dialer:call': (request) => {
      const { number } = INVOKE_CONTRACT['dialer:call'].request.parse(request);
      const plan = planDial(number, RESOLVED.settings.dialer, RESOLVED.settings.defaultCountry);
      if (!plan.ok) return plan;
      record.dials.push(plan.action);
      return { ok: true, via: plan.action.kind, number: plan.number };
    },
    'notifications:event': (request) => {
      record.notifications.push(INVOKE_CONTRACT['notifications:event'].request.parse(request));
      return { shown: true, reason: 'shown' };
    },
  };
}

/** Installs the stand-in on a context; call before its pages open. */
export async function installDesktopStandIn(
  context: BrowserContext,
  options: StandInOptions = {},
): Promise<DesktopStandIn> {
  const dials: DialAction[] = [];
  const notifications: NotificationEvent[] = [];
  const resolved: ResolvedSettings = {
    settings: { ...RESOLVED.settings, ...options.settings },
    locked: options.locked ?? [],
  };
  const vault: { session: StoredSession | null } = { session: null };
  const handlers = mainHandlers({ dials, notifications }, resolved, vault);
  await context.exposeFunction('__atendoMain', (channel: string, request: unknown) => {
    // Like main's ipc.ts: unknown channels are refused, every request is parsed.
    if (!isInvokeChannel(channel)) throw new Error(`unknown channel ${channel}`);
    const handler = handlers[channel];
    if (handler !== undefined) return handler(request);
    INVOKE_CONTRACT[channel].request.parse(request);
    return { ok: true };
  });
  await context.addInitScript(preloadStandIn);
  const send = async <C extends EventChannel>(channel: C, payload: EventPayload<C>) => {
    const [page] = context.pages();
    if (page === undefined) throw new Error('the desktop stand-in has no page yet');
    await page.evaluate(
      ([c, p]) => {
        window.__atendoSend?.(c, p);
      },
      [channel, payload] as const,
    );
  };
  return {
    dials,
    notifications,
    send,
    storedSession: () => vault.session,
    openLink: async (raw) => {
      const decision = parseTelLink(raw, RESOLVED.settings.defaultCountry);
      if (decision.ok) await send('event:dial-request', decision.request);
      return decision;
    },
  };
}
