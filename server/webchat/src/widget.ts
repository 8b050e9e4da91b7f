import type { WidgetConfig } from '../../src/channels/webchat/widget-config';
import { createApi } from './api';
import { runChat } from './chat';

/**
 * The contact-facing web chat. One script tag embeds it:
 * `<script src="https://atendo.example/webchat/widget.js" data-channel="KEY" async></script>`.
 * It keeps the visitor token in localStorage so a reload continues the same conversation.
 */

/** How long the widget waits for its channel's settings before it starts with the defaults. */
const CONFIG_WAIT_MS = 3000;

const script = document.currentScript as HTMLScriptElement | null;
const channelKey = script?.dataset.channel ?? '';
const base = script ? new URL(script.src).origin : window.location.origin;
const api = createApi(base, channelKey);
const host = document.createElement('div');
host.setAttribute('data-atendo-webchat', channelKey);
// An async script in <head> may run before <body> exists; the host joins the page when it does.
if (document.readyState === 'loading') {
  document.addEventListener('DOMContentLoaded', () => {
    document.body.append(host);
  });
} else document.body.append(host);

// The chat is built once, with the settings or (failed, or too slow) without them: a late
// answer is ignored rather than re-labelling a form the visitor may be filling in.
const settings = new Promise<WidgetConfig | null>((resolve) => {
  setTimeout(() => {
    resolve(null);
  }, CONFIG_WAIT_MS);
  api.config().then(resolve, () => {
    resolve(null);
  });
});
void settings.then((config) => {
  runChat({ host, api, storageKey: `atendo-webchat:${channelKey}`, config });
});
