import { AtendoError } from '@atendo/shared/errors';
import type { WebchatSettings } from '@atendo/shared/schemas/admin/channels';
import type { Channel } from '@atendo/shared/schemas/channel';

/** What the widget shows for its channel (GET /webchat/:channelKey/config): nothing secret. */
export type WidgetConfig = {
  name: string;
  colors: WebchatSettings['colors'];
  greeting: string;
  preChatFields: WebchatSettings['preChatFields'];
  language: WebchatSettings['language'];
};

export const widgetConfig = (channel: Channel, settings: WebchatSettings): WidgetConfig => ({
  name: channel.name,
  colors: settings.colors,
  greeting: settings.greeting,
  preChatFields: settings.preChatFields,
  language: settings.language,
});

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
