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

/** The send answer, reduced to the wamid (for statuses) and the contact's canonical wa_id. */
const SendResponse = z
  .object({
    messaging_product: z.literal('whatsapp'),
    contacts: z.array(z.object({ input: z.string(), wa_id: z.string() })).optional(),
    messages: z.tuple([z.object({ id: z.string().min(1) })], z.unknown()),
  })
  .transform((r): SentMessage => ({
    wamid: r.messages[0].id,
    waId: r.contacts?.[0]?.wa_id ?? null,
  }));
const UploadResponse = z.object({ id: z.string().min(1) });
const MediaUrlResponse = z
  .object({
    url: z.url(),
    mime_type: z.string(),
    sha256: z.string().optional(),
    file_size: z.union([z.number(), z.string()]).optional(),
  })
  .transform((r): MediaInfo => ({
    url: r.url,
    mimeType: r.mime_type,
    sha256: r.sha256 ?? null,
    fileSize: r.file_size === undefined ? null : Number(r.file_size),
  }));

type ClientContext = { http: GraphHttpOptions; root: string; phoneNumberId: string };

export type GraphClient = ReturnType<typeof createGraphClient>;

/** A Cloud API client for one business phone number. */
export function createGraphClient(config: GraphClientConfig) {
  const baseUrl = (config.baseUrl ?? DEFAULT_GRAPH_BASE_URL).replace(/\/+$/, '');
  const ctx: ClientContext = {
    root: `${baseUrl}/${config.apiVersion ?? DEFAULT_GRAPH_API_VERSION}`,
    phoneNumberId: config.phoneNumberId,
    http: {
      fetch: config.fetch ?? globalThis.fetch,
      sleep: config.sleep ?? realSleep,
      retry: config.retry ?? DEFAULT_RETRY_POLICY,
      accessToken: config.accessToken,
      logger: config.logger,
    },
  };
  return {
    sendText: (to: string, content: TextContent) => sendMessage(ctx, to, textMessage(content)),
    sendMedia: (to: string, content: MediaContent) => sendMessage(ctx, to, mediaMessage(content)),
    sendTemplate: (to: string, content: TemplateContent) =>
      sendMessage(ctx, to, templateMessage(content)),
    uploadMedia: (input: UploadInput) => uploadMedia(ctx, input),
    getMediaUrl: (mediaId: string) => getMediaUrl(ctx, mediaId),
    downloadMedia: (url: string) => downloadMedia(ctx, url),
  };
}

function sendMessage(
  ctx: ClientContext,
  to: string,
  message: object,
): Promise<GraphResult<SentMessage>> {
  const body = JSON.stringify({
    messaging_product: 'whatsapp',
    recipient_type: 'individual',
    to,
    ...message,
  });
  const url = `${ctx.root}/${encodeURIComponent(ctx.phoneNumberId)}/messages`;
  return withRetry(ctx.http, 'send', () =>
    graphRequest(ctx.http, { method: 'POST', url, body }, readJson(SendResponse)),
  );
}

function uploadMedia(ctx: ClientContext, input: UploadInput): Promise<GraphResult<{ id: string }>> {
  const url = `${ctx.root}/${encodeURIComponent(ctx.phoneNumberId)}/media`;
  return withRetry(ctx.http, 'upload', () => {
    // A fresh form each attempt: a consumed body stream cannot be sent twice.
    const form = new FormData();
    form.set('messaging_product', 'whatsapp');
    form.set('type', input.mimeType);
    // A copy typed as Uint8Array<ArrayBuffer>: with the DOM library a BlobPart may not be backed
    // by a SharedArrayBuffer.
    const bytes = new Uint8Array(input.bytes);
    form.set('file', new Blob([bytes], { type: input.mimeType }), input.fileName);
    return graphRequest(ctx.http, { method: 'POST', url, body: form }, readJson(UploadResponse));
  });
}

function getMediaUrl(ctx: ClientContext, mediaId: string): Promise<GraphResult<MediaInfo>> {
  const query = `phone_number_id=${encodeURIComponent(ctx.phoneNumberId)}`;
  const url = `${ctx.root}/${encodeURIComponent(mediaId)}?${query}`;
  return withRetry(ctx.http, 'media-url', () =>
    graphRequest(ctx.http, { method: 'GET', url }, readJson(MediaUrlResponse)),
  );
}

/** The media URL needs the same bearer token and expires after a few minutes. */
function downloadMedia(ctx: ClientContext, url: string): Promise<GraphResult<Buffer>> {
  return withRetry(ctx.http, 'media-download', () =>
    graphRequest(ctx.http, { method: 'GET', url }, async (response) =>
      Buffer.from(await response.arrayBuffer()),
    ),
  );
}

function textMessage(content: TextContent): object {
  return { type: 'text', text: { body: content.body, preview_url: content.previewUrl ?? false } };
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
