import { AtendoError } from '@atendo/shared/errors';
import {
  DEFAULT_WEBCHAT_SETTINGS,
  type WebchatSettings,
} from '@atendo/shared/schemas/admin/channels';
import type { Channel } from '@atendo/shared/schemas/channel';

/** What the widget shows for its channel (GET /webchat/:channelKey/config): nothing secret. */
export type WidgetConfig = {
  name: string;
  colors: WebchatSettings['colors'];
  greeting: string;
  preChatFields: WebchatSettings['preChatFields'];
  /**
   * The language the admin chose, which the widget speaks whatever the visitor's browser says;
   * null for a channel whose web chat settings were never saved, which keeps speaking the
   * browser's language as it did before the console could set one.
   */
  language: WebchatSettings['language'] | null;
};

export const widgetConfig = (channel: Channel, settings: WebchatSettings | null): WidgetConfig => {
  const shown = settings ?? DEFAULT_WEBCHAT_SETTINGS;
  return {
    name: channel.name,
    colors: shown.colors,
    greeting: shown.greeting,
    preChatFields: shown.preChatFields,
    language: settings?.language ?? null,
  };
};

/**
 * A channel with allowed origins opens sessions only for pages on them (the browser's `Origin`
 * header; a request without one, such as a script outside a browser, is refused too). An empty
 * list allows every origin, as before origins could be set.
 */
export function requireAllowedOrigin(settings: WebchatSettings, origin: string | undefined): void {
  if (settings.allowedOrigins.length === 0) return;
  const allowed =
    origin !== undefined &&
    settings.allowedOrigins.some((o) => o.toLowerCase() === origin.toLowerCase());
  if (!allowed) {
    throw new AtendoError('forbidden', 'this site may not open the chat', {
      field: 'origin',
      origin: origin ?? null,
    });
  }
}
