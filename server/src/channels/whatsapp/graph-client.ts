import { z } from 'zod';
import type { MediaType } from '@atendo/shared/schemas/message';
import {
  DEFAULT_RETRY_POLICY,
  graphRequest,
  readJson,
  realSleep,
  withRetry,
  type FetchFn,
  type GraphHttpOptions,
  type GraphResult,
  type RetryPolicy,
  type Sleep,
} from './graph-http';
import type { ChannelLogger } from './logger';

export const DEFAULT_GRAPH_BASE_URL = 'https://graph.facebook.com';
export const DEFAULT_GRAPH_API_VERSION = 'v23.0';

export type GraphClientConfig = {
  phoneNumberId: string;
  accessToken: string;
  baseUrl?: string;
  apiVersion?: string;
  fetch?: FetchFn;
  sleep?: Sleep;
  retry?: RetryPolicy;
  logger: ChannelLogger;
};

export type SentMessage = { wamid: string; waId: string | null };
export type MediaInfo = {
  url: string;
  mimeType: string;
  sha256: string | null;
  fileSize: number | null;
};

export type TextContent = { body: string; previewUrl?: boolean };
export type MediaContent = {
  mediaType: MediaType;
  mediaId: string;
  caption?: string;
  /** Only documents carry a file name on WhatsApp. */
  fileName?: string;
};
/** Keys "1", "2", … are positional (`{{1}}`); any other key is a named parameter (`{{order_id}}`). */
export type TemplateContent = { name: string; language: string; params: Record<string, string> };
export type UploadInput = { bytes: Uint8Array; mimeType: string; fileName: string };

const SendResponse = z.object({
  messaging_product: z.literal('whatsapp'),
  contacts: z.array(z.object({ input: z.string(), wa_id: z.string() })).optional(),
  messages: z.array(z.object({ id: z.string().min(1) })).min(1),
});
const UploadResponse = z.object({ id: z.string().min(1) });
const MediaUrlResponse = z.object({
  url: z.url(),
  mime_type: z.string(),
  sha256: z.string().optional(),
  file_size: z.union([z.number(), z.string()]).optional(),
});

export type GraphClient = ReturnType<typeof createGraphClient>;

/** A Cloud API client for one business phone number. */
export function createGraphClient(config: GraphClientConfig) {
  const root = `${(config.baseUrl ?? DEFAULT_GRAPH_BASE_URL).replace(/\/+$/, '')}/${config.apiVersion ?? DEFAULT_GRAPH_API_VERSION}`;
  const http: GraphHttpOptions = {
    fetch: config.fetch ?? globalThis.fetch,
    sleep: config.sleep ?? realSleep,
    retry: config.retry ?? DEFAULT_RETRY_POLICY,
    accessToken: config.accessToken,
    logger: config.logger,
  };
  const phonePath = `${root}/${encodeURIComponent(config.phoneNumberId)}`;

  const sendMessage = (to: string, message: object): Promise<GraphResult<SentMessage>> => {
    const body = JSON.stringify({
      messaging_product: 'whatsapp',
      recipient_type: 'individual',
      to,
      ...message,
    });
    return withRetry(http, 'send', async () => {
      const result = await graphRequest(
        http,
        { method: 'POST', url: `${phonePath}/messages`, body },
        readJson(SendResponse),
      );
      if (!result.ok) return result;
      const first = result.value.messages[0];
      if (first === undefined) return { ok: false, failure: unexpected() };
      return {
        ok: true,
        value: { wamid: first.id, waId: result.value.contacts?.[0]?.wa_id ?? null },
      };
    });
  };

  return {
    sendText: (to: string, content: TextContent) =>
      sendMessage(to, {
        type: 'text',
        text: { body: content.body, preview_url: content.previewUrl ?? false },
      }),

    sendMedia: (to: string, content: MediaContent) => sendMessage(to, mediaMessage(content)),

    sendTemplate: (to: string, content: TemplateContent) =>
      sendMessage(to, templateMessage(content)),

    uploadMedia: (input: UploadInput): Promise<GraphResult<{ id: string }>> =>
      withRetry(http, 'upload', () => {
        // A fresh form each attempt: a consumed body stream cannot be sent twice.
        const form = new FormData();
        form.set('messaging_product', 'whatsapp');
        form.set('type', input.mimeType);
        form.set('file', new Blob([input.bytes], { type: input.mimeType }), input.fileName);
        return graphRequest(
          http,
          { method: 'POST', url: `${phonePath}/media`, body: form },
          readJson(UploadResponse),
        );
      }),

    getMediaUrl: (mediaId: string): Promise<GraphResult<MediaInfo>> =>
      withRetry(http, 'media-url', async () => {
        const url = `${root}/${encodeURIComponent(mediaId)}?phone_number_id=${encodeURIComponent(config.phoneNumberId)}`;
        const result = await graphRequest(http, { method: 'GET', url }, readJson(MediaUrlResponse));
        if (!result.ok) return result;
        const { url: mediaUrl, mime_type, sha256, file_size } = result.value;
        return {
          ok: true,
          value: {
            url: mediaUrl,
            mimeType: mime_type,
            sha256: sha256 ?? null,
            fileSize: file_size === undefined ? null : Number(file_size),
          },
        };
      }),

    /** The media URL needs the same bearer token and expires after a few minutes. */
    downloadMedia: (url: string): Promise<GraphResult<Buffer>> =>
      withRetry(http, 'media-download', () =>
        graphRequest(http, { method: 'GET', url }, async (response) =>
          Buffer.from(await response.arrayBuffer()),
        ),
      ),
  };
}

function mediaMessage(content: MediaContent): object {
  const media: Record<string, string> = { id: content.mediaId };
  // WhatsApp rejects a caption on audio and stickers, and a filename on anything but documents.
  if (
    content.caption !== undefined &&
    content.caption !== '' &&
    ['image', 'video', 'document'].includes(content.mediaType)
  ) {
    media.caption = content.caption;
  }
  if (content.fileName !== undefined && content.mediaType === 'document')
    media.filename = content.fileName;
  return { type: content.mediaType, [content.mediaType]: media };
}

/** Builds the template body component; positional keys are sent in numeric order. */
export function templateMessage(content: TemplateContent): object {
  const entries = Object.entries(content.params);
  const positional = entries.length > 0 && entries.every(([key]) => /^\d+$/.test(key));
  const parameters = positional
    ? entries.sort(([a], [b]) => Number(a) - Number(b)).map(([, text]) => ({ type: 'text', text }))
    : entries.map(([name, text]) => ({ type: 'text', parameter_name: name, text }));
  const components = parameters.length === 0 ? [] : [{ type: 'body', parameters }];
  return {
    type: 'template',
    template: { name: content.name, language: { code: content.language }, components },
  };
}

function unexpected() {
  return {
    code: 'whatsapp-0' as const,
    message: 'unexpected response from the Graph API',
    retryable: false,
    closesWindow: false,
    metaCode: null,
    details: null,
  };
}
