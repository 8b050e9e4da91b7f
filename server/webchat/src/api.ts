import type {
  SendResponse,
  SessionEndEvent,
  SessionResponse,
  TranscriptResponse,
  VisitorEvent,
  WebchatErrorBody,
} from '../../src/channels/webchat/protocol';
import type { WidgetConfig } from '../../src/channels/webchat/widget-config';
import { openEventStream } from './stream';

/**
 * A refused request, carrying the server's stable error code, why for a refused token, and
 * when to try again for a rate-limited one.
 */
export class WidgetApiError extends Error {
  readonly code: string;
  readonly reason: string | null;
  readonly retryAfterSeconds: number | null;
  /** The form field a refused input names (a pre-chat answer's key), when it names one. */
  readonly field: string | null;
  constructor(
    code: string,
    message: string,
    reason: string | null = null,
    retryAfterSeconds: number | null = null,
    field: string | null = null,
  ) {
    super(message);
    this.code = code;
    this.reason = reason;
    this.retryAfterSeconds = retryAfterSeconds;
    this.field = field;
  }
}

const isErrorBody = (value: unknown): value is WebchatErrorBody =>
  typeof value === 'object' && value !== null && 'error' in value;

/** The refusal a failed response carries, as an error to throw. */
function refusal(response: Response, body: unknown): WidgetApiError {
  if (!isErrorBody(body)) return new WidgetApiError('network', `HTTP ${response.status}`);
  const reason = body.error.details?.reason;
  const wait = body.error.details?.retryAfterSeconds;
  const field = body.error.details?.field;
  const { code, message } = body.error;
  return new WidgetApiError(
    code,
    message,
    typeof reason === 'string' ? reason : null,
    typeof wait === 'number' ? wait : null,
    typeof field === 'string' ? field : null,
  );
}

async function parse<T>(response: Response): Promise<T> {
  const body: unknown = await response.json().catch(() => null);
  if (!response.ok) throw refusal(response, body);
  return body as T;
}

/** The widget's view of the web chat HTTP API; `base` is the origin that served widget.js. */
export const createApi = (base: string, channelKey: string) => {
  let token: string | null = null;
  const authed = (extra: Record<string, string> = {}): Record<string, string> => ({
    ...extra,
    authorization: `Bearer ${token ?? ''}`,
  });
  const json = { 'content-type': 'application/json' };
  return {
    setToken: (value: string | null) => {
      token = value;
    },
    /** The channel's look, greeting, language and questions, as an admin set them; null when it cannot be read. */
    config: async (): Promise<WidgetConfig | null> => {
      const response = await fetch(`${base}/webchat/${encodeURIComponent(channelKey)}/config`);
      return response.ok ? ((await response.json()) as WidgetConfig) : null;
    },
    openSession: async (input: {
      name: string;
      email: string;
      locale: string;
      /** Answers to the channel's extra pre-chat questions, by key. */
      fields: Record<string, string>;
    }) =>
      parse<SessionResponse>(
        await fetch(`${base}/webchat/${encodeURIComponent(channelKey)}/sessions`, {
          method: 'POST',
          headers: json,
          body: JSON.stringify(input),
        }),
      ),
    transcript: async () =>
      parse<TranscriptResponse>(
        await fetch(`${base}/webchat/sessions/transcript`, { headers: authed() }),
      ),
    send: async (clientMessageId: string, text: string) =>
      parse<SendResponse>(
        await fetch(`${base}/webchat/sessions/messages`, {
          method: 'POST',
          headers: authed(json),
          body: JSON.stringify({ clientMessageId, text }),
        }),
      ),
    upload: async (clientMessageId: string, file: File) =>
      parse<SendResponse>(
        await fetch(`${base}/webchat/sessions/uploads`, {
          method: 'POST',
          headers: authed({
            'content-type': file.type || 'application/octet-stream',
            'x-file-name': encodeURIComponent(file.name),
            'x-client-message-id': clientMessageId,
          }),
          body: file,
        }),
      ),
    /** A file of the conversation; the token goes in a header, never in a URL that leaks. */
    file: async (attachmentId: string): Promise<Blob> => {
      const response = await fetch(
        `${base}/webchat/sessions/attachments/${encodeURIComponent(attachmentId)}`,
        { headers: authed() },
      );
      if (!response.ok) throw refusal(response, await response.json().catch(() => null));
      return response.blob();
    },
    answerCsat: async (score: number, comment: string) =>
      parse<{ ok: true }>(
        await fetch(`${base}/webchat/sessions/csat`, {
          method: 'POST',
          headers: authed(json),
          body: JSON.stringify({ score, comment: comment || null }),
        }),
      ),
    ack: async (messageIds: string[]) =>
      parse<{ ok: true }>(
        await fetch(`${base}/webchat/sessions/acks`, {
          method: 'POST',
          headers: authed(json),
          body: JSON.stringify({ messageIds }),
        }),
      ),
    /**
     * The live stream, read with fetch so the token goes in the Authorization header. `onEnd`
     * hears the server end the stream for good (the token expired); `onError` hears a refusal
     * (a WidgetApiError) or a dropped connection (no argument), after which nothing more comes.
     */
    events: (
      onEvent: (event: VisitorEvent) => void,
      onEnd: (event: SessionEndEvent) => void,
      onError: (refused?: WidgetApiError) => void,
    ) =>
      openEventStream(`${base}/webchat/sessions/events`, authed(), {
        onEvent: ({ name, data }) => {
          if (name === 'visitor') onEvent(JSON.parse(data) as VisitorEvent);
          else if (name === 'session-end') onEnd(JSON.parse(data) as SessionEndEvent);
        },
        onRefused: (response) => {
          void response
            .json()
            .catch(() => null)
            .then((body: unknown) => {
              onError(refusal(response, body));
            });
        },
        onDrop: () => {
          onError();
        },
      }),
  };
};

export type WidgetApi = ReturnType<typeof createApi>;
