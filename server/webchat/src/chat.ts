import type {
  VisitorConversationState,
  VisitorEvent,
  VisitorMessage,
} from '../../src/channels/webchat/protocol';
import type { WidgetConfig } from '../../src/channels/webchat/widget-config';
import { WidgetApiError, type WidgetApi } from './api';
import {
  errorText,
  pickLocale,
  rateLimitedText,
  translator,
  type LimitedAction,
  type StringKey,
} from './i18n';
import { h } from './dom';
import { createFileActions } from './files';
import { buildView, renderMessage, type WidgetView } from './view';

type Stored = { token: string; visitorId: string };

export type ChatSetup = {
  host: HTMLElement;
  api: WidgetApi;
  /** Where the visitor's token is kept, per channel, so a reload continues the conversation. */
  storageKey: string;
  /** The channel's settings from the admin console; null when they could not be read. */
  config: WidgetConfig | null;
};

/**
 * The chat itself, built once the channel's settings are known, so it speaks the language the
 * admin chose (the browser's only when the settings could not be read) and asks the channel's
 * own pre-chat questions, without re-labelling anything in front of the visitor.
 */
export function runChat({ host, api, storageKey, config }: ChatSetup): void {
  const locale = config?.language ?? pickLocale(navigator.language);
  const t = translator(locale);
  const view = buildView(host, t, config?.preChatFields ?? []);
  // A file that cannot be opened says so; a refused token ends the session like any request.
  const files = createFileActions(api, t, (error, quiet) => {
    if (isRefusedToken(error)) forgetSession(error.reason);
    else if (!quiet) view.error.textContent = t('fileFailed');
  });
  // Thumbnails' object URLs are revoked as soon as their bubble leaves the list.
  new MutationObserver(() => {
    files.release(view.list);
  }).observe(view.list, { childList: true });
  const seen = new Set<string>();
  let source: { close: () => void } | null = null;
  let connection = 0;
  let retryDelay = 1000;
  let csatScore = 0;

  const readStored = (): Stored | null => {
    try {
      const parsed: unknown = JSON.parse(localStorage.getItem(storageKey) ?? 'null');
      if (parsed && typeof parsed === 'object' && 'token' in parsed && 'visitorId' in parsed) {
        return parsed as Stored;
      }
    } catch {
      // A corrupt entry is treated as no session: the visitor fills the form again.
    }
    return null;
  };

  const isRefusedToken = (error: unknown): error is WidgetApiError =>
    error instanceof WidgetApiError && error.code === 'unauthenticated';

  /** A refused token sends the visitor back to the form; anything else is shown where it happened. */
  const showError = (error: unknown, action: LimitedAction = 'message') => {
    if (isRefusedToken(error)) {
      forgetSession(error.reason);
      return;
    }
    if (error instanceof WidgetApiError && error.code === 'rate-limited') {
      view.error.textContent = rateLimitedText(locale, action, error.retryAfterSeconds);
      return;
    }
    const code = error instanceof WidgetApiError ? error.code : 'error';
    // A refused pre-chat answer (a phone that is not one) is named and focused.
    const question = view.extraInputs.find(
      (q) => error instanceof WidgetApiError && code === 'invalid-input' && q.key === error.field,
    );
    if (question) question.input.focus();
    view.error.textContent = question
      ? t('checkField').replace('{field}', question.label)
      : errorText(locale, code);
  };

  const STATE_TEXT: Partial<Record<VisitorConversationState, StringKey>> = {
    queued: 'queued',
    active: 'active',
    closed: 'closed',
  };

  function showState(state: VisitorConversationState | null) {
    const key = state ? STATE_TEXT[state] : undefined;
    view.status.textContent = key ? t(key) : '';
    view.csat.hidden = state !== 'awaiting_csat';
  }

  function addMessage(message: VisitorMessage) {
    if (seen.has(message.id)) return;
    seen.add(message.id);
    view.list.append(renderMessage(message, t, files.actions));
    view.list.scrollTop = view.list.scrollHeight;
    if (message.direction === 'outbound') api.ack([message.id]).catch(ignoreUnlessRefused);
  }

  // A lost acknowledgement only leaves a message 'sent'; a refused token still ends the session.
  const ignoreUnlessRefused = (error: unknown) => {
    if (isRefusedToken(error)) forgetSession(error.reason);
  };

  function onEvent(event: VisitorEvent) {
    retryDelay = 1000;
    if (event.type === 'message') addMessage(event.message);
    else if (event.type === 'state') showState(event.state);
    else showState('awaiting_csat');
  }

  /** After any drop we reload the transcript first, so nothing sent meanwhile is missed. */
  async function connect() {
    const generation = ++connection;
    source?.close();
    source = null;
    try {
      const transcript = await api.transcript();
      transcript.messages.forEach(addMessage);
      showState(transcript.state);
      view.error.textContent = '';
    } catch (error) {
      if (isRefusedToken(error)) forgetSession(error.reason);
      else scheduleReconnect();
      return;
    }
    // A newer connect() started while this one awaited the transcript: let that one win.
    if (generation !== connection) return;
    source = api.events(
      onEvent,
      // The server ended the stream because the token expired: back to the form at once.
      (end) => {
        forgetSession(end.reason);
      },
      (refused) => {
        source?.close();
        source = null;
        if (isRefusedToken(refused)) forgetSession(refused.reason);
        else scheduleReconnect();
      },
    );
  }

  function scheduleReconnect() {
    view.status.textContent = t('reconnecting');
    const delay = retryDelay;
    retryDelay = Math.min(retryDelay * 2, 30_000);
    // A session forgotten or restarted meanwhile has moved the generation on: nothing to resume.
    const generation = connection;
    setTimeout(
      () => {
        if (generation === connection) void connect();
      },
      delay + Math.random() * 500,
    );
  }

  /**
   * Forgets a token the server refused (expired, or not ours): the stored session, the live
   * stream and the old conversation on screen go, and the start form comes back with a line
   * saying why, rather than sends that fail quietly.
   */
  function forgetSession(reason: string | null) {
    connection += 1;
    source?.close();
    source = null;
    localStorage.removeItem(storageKey);
    api.setToken(null);
    seen.clear();
    view.list.replaceChildren();
    showState(null);
    view.intro.hidden = false;
    view.composer.hidden = true;
    view.error.textContent = t(reason === 'expired' ? 'sessionExpired' : 'unauthenticated');
  }

  function startChat(stored: Stored) {
    api.setToken(stored.token);
    view.intro.hidden = true;
    view.composer.hidden = false;
    void connect();
  }

  view.launcher.addEventListener('click', () => {
    view.panel.hidden = !view.panel.hidden;
  });
  view.closeButton.addEventListener('click', () => {
    view.panel.hidden = true;
  });

  view.intro.addEventListener('submit', (event) => {
    event.preventDefault();
    const fields = Object.fromEntries(view.extraInputs.map(({ key, input }) => [key, input.value]));
    const input = { name: view.nameInput.value, email: view.emailInput.value, locale, fields };
    api.openSession(input).then(
      (session) => {
        const stored = { token: session.token, visitorId: session.visitorId };
        localStorage.setItem(storageKey, JSON.stringify(stored));
        startChat(stored);
      },
      (error: unknown) => {
        showError(error, 'session');
      },
    );
  });

  view.composer.addEventListener('submit', (event) => {
    event.preventDefault();
    const text = view.textInput.value.trim();
    if (!text) return;
    view.textInput.value = '';
    // The same id on a retry lets the server store the message once. Refused (too fast, or
    // offline for good), the text comes back to the box unless the visitor typed anew.
    sendWithRetry(
      crypto.randomUUID(),
      (id) => api.send(id, text),
      'message',
      (error) => {
        if (!isRefusedToken(error) && view.textInput.value === '') view.textInput.value = text;
      },
    );
  });

  view.fileInput.addEventListener('change', () => {
    const file = view.fileInput.files?.[0];
    view.fileInput.value = '';
    if (file) sendWithRetry(crypto.randomUUID(), (id) => api.upload(id, file), 'file');
  });

  const isNetworkError = (error: unknown): boolean =>
    !(error instanceof WidgetApiError) || error.code === 'network';

  /**
   * Retries a request that never got an answer (a dropped keep-alive connection, a flaky mobile
   * network) with backoff. Messages keep their client id across attempts, so the server stores
   * each once; other refusals are shown at once.
   */
  async function withRetry(send: () => Promise<unknown>, attempt = 0): Promise<void> {
    try {
      await send();
      view.error.textContent = '';
    } catch (error) {
      if (!isNetworkError(error) || attempt >= 4) throw error;
      await new Promise((resolve) => setTimeout(resolve, 1000 * 2 ** attempt));
      await withRetry(send, attempt + 1);
    }
  }

  function sendWithRetry(
    id: string,
    send: (id: string) => Promise<unknown>,
    action: LimitedAction,
    onFailed: (error: unknown) => void = () => undefined,
  ) {
    withRetry(() => send(id)).catch((error: unknown) => {
      onFailed(error);
      showError(error, action);
    });
  }

  for (const button of view.scoreButtons) {
    button.addEventListener('click', () => {
      csatScore = Number(button.dataset.score);
      for (const other of view.scoreButtons) {
        other.setAttribute('aria-pressed', String(other === button));
      }
      view.csatSend.disabled = false;
    });
  }

  view.csatSend.addEventListener('click', () => {
    view.csatSend.disabled = true;
    const thank = () => {
      view.csat.hidden = true;
      // A line in the conversation, not the status bar, which the 'closed' state replaces.
      view.list.append(h('div', { class: 'msg system', role: 'note' }, [t('csatThanks')]));
    };
    let tries = 0;
    withRetry(() => {
      tries += 1;
      return api.answerCsat(csatScore, view.csatComment.value.trim());
    }).then(thank, (error: unknown) => {
      // A retry after a lost response finds the rating already recorded: that is success.
      if (tries > 1 && error instanceof WidgetApiError && error.code === 'csat-not-pending')
        thank();
      else {
        view.csatSend.disabled = false;
        showError(error);
      }
    });
  });

  const stored = readStored();
  if (stored) startChat(stored);
  applyLook(host, view, config);
}

/** The channel's colours and greeting; the defaults stay without settings. */
function applyLook(host: HTMLElement, view: WidgetView, config: WidgetConfig | null): void {
  if (config === null) return;
  host.style.setProperty('--atendo-primary', config.colors.primary);
  host.style.setProperty('--atendo-on-primary', config.colors.text);
  if (config.greeting !== '') view.greeting.textContent = config.greeting;
}
