import {
  type AgentContext,
  type AtendoBridge,
  type EventChannel,
  type EventPayload,
  type InvokeArgs,
  type InvokeChannel,
  type InvokeRequest,
  type InvokeResponse,
} from '@atendo/shared/ipc/contract';
import { DEFAULT_SETTINGS, UserSettings, type ResolvedSettings } from '@atendo/shared/ipc/settings';
import { normalisePhone } from '@atendo/shared/phone';
import { handOffSoftphoneLink } from './tel-handoff';
import { clearSession, loadSession, saveSession } from '../session/session-storage';

/**
 * What the workspace gets in a plain browser: the same API as the desktop bridge, done with
 * what a browser has. Notifications use the Notification API, calls go through a `tel:` link
 * (the OS hands it to whatever softphone is registered), the badge becomes a title counter.
 */
export type BrowserEnvironment = {
  window: Window;
  storage: Storage;
};

const SETTINGS_KEY = 'atendo.desktop-settings';
const SAFE_EXTERNAL = /^(https:|mailto:|tel:|sip:|callto:)/i;

type Handlers = {
  [C in InvokeChannel]: (
    request: InvokeRequest<C>,
  ) => InvokeResponse<C> | Promise<InvokeResponse<C>>;
};

function loadUser(storage: Storage): UserSettings {
  try {
    const parsed = UserSettings.safeParse(JSON.parse(storage.getItem(SETTINGS_KEY) ?? '{}'));
    return parsed.success ? parsed.data : {};
  } catch {
    return {};
  }
}

function resolved(user: UserSettings): ResolvedSettings {
  const d = DEFAULT_SETTINGS;
  return {
    settings: {
      ...d,
      serverUrl: user.serverUrl ?? d.serverUrl,
      defaultCountry: user.defaultCountry ?? d.defaultCountry,
      dialer: { ...d.dialer, ...user.dialer, kind: 'uri' },
      notifications: { ...d.notifications, ...user.notifications },
      // No machine policy reaches a browser, and a browser is more often shared than an
      // installed app: the sign-out dialog offers erasing ticked (docs/deployment.md).
      clearLocalDataOnSignOut: 'default',
    },
    locked: ['dialer.kind', 'dialer.commandPath', 'dialer.httpTemplate'],
  };
}

function baseTitle(doc: Document): string {
  return doc.title.replace(/^\(\d+\+?\) /, '');
}

export function createBrowserBridge({ window: win, storage }: BrowserEnvironment): AtendoBridge {
  const listeners = new Map<EventChannel, Set<(payload: unknown) => void>>();
  const emit = <C extends EventChannel>(channel: C, payload: EventPayload<C>) => {
    listeners.get(channel)?.forEach((listener) => {
      listener(payload);
    });
  };
  let agent: AgentContext | null = null;
  const handlers: Handlers = {
    'app:info': () => ({ version: 'web', platform: win.navigator.platform, shell: 'browser' }),
    'settings:get': () => resolved(loadUser(storage)),
    'settings:update': (patch) => {
      const user = UserSettings.parse({ ...loadUser(storage), ...patch });
      storage.setItem(SETTINGS_KEY, JSON.stringify(user));
      const next = resolved(user);
      emit('event:settings-changed', next);
      return next;
    },
    'dialer:call': ({ number }) => {
      const { settings } = resolved(loadUser(storage));
      const phone = normalisePhone(number, settings.defaultCountry);
      if (!phone.ok)
        return { ok: false, reason: 'invalid-input', details: { why: 'not-a-phone-number' } };
      handOffSoftphoneLink(win.document, `${settings.dialer.uriScheme}:${phone.e164}`);
      return { ok: true, via: 'uri', number: phone.e164 };
    },
    'shell:open-external': ({ url }) => {
      if (!SAFE_EXTERNAL.test(url)) return { ok: false };
      win.open(url, '_blank', 'noopener,noreferrer');
      return { ok: true };
    },
    'notifications:event': (event) => {
      const settings = resolved(loadUser(storage)).settings.notifications;
      if (settings.doNotDisturb || agent?.presence === 'offline') {
        return { shown: false, reason: 'do-not-disturb' };
      }
      if (!win.document.hidden && event.kind === 'new-message') {
        return { shown: false, reason: 'window-focused' };
      }
      if (typeof Notification === 'undefined' || Notification.permission !== 'granted') {
        return { shown: false, reason: 'permission' };
      }
      const n = new Notification(event.title, {
        body: event.body,
        tag: `${event.kind}:${event.conversationId}`,
      });
      n.onclick = () => {
        win.focus();
        emit('event:notification-click', { conversationId: event.conversationId });
      };
      return { shown: true, reason: 'shown' };
    },
    'agent:context': (context) => {
      agent = context;
      return { ok: true };
    },
    'badge:set': ({ queued, unread }) => {
      const count = queued + unread;
      const title = baseTitle(win.document);
      win.document.title = count > 0 ? `(${count > 99 ? '99+' : count}) ${title}` : title;
      return { ok: true };
    },
    'window:focus': () => {
      win.focus();
      return { ok: true };
    },
    // The browser build keeps the session in localStorage, as it always did.
    'session:load': () => ({ session: loadSession(storage) }),
    'session:save': (session) => {
      saveSession(session, storage);
      return { ok: true, protection: 'browser-storage' };
    },
    'session:clear': () => {
      clearSession(storage);
      return { ok: true };
    },
  };

  async function invoke<C extends InvokeChannel>(channel: C, ...request: InvokeArgs<C>) {
    const handler = handlers[channel] as (
      r: unknown,
    ) => InvokeResponse<C> | Promise<InvokeResponse<C>>;
    return handler(request[0]);
  }

  return {
    invoke,
    on: <C extends EventChannel>(channel: C, listener: (payload: EventPayload<C>) => void) => {
      // emit() only ever sends a channel's own payload type to that channel's listeners.
      const wrapped = (payload: unknown) => {
        listener(payload as EventPayload<C>);
      };
      const set = listeners.get(channel) ?? new Set();
      listeners.set(channel, set);
      set.add(wrapped);
      return () => {
        set.delete(wrapped);
      };
    },
  };
}
