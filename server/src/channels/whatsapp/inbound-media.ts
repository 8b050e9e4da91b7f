import type { Attachment, DeliveryError, MediaType } from '@atendo/shared/schemas/message';
import { toDeliveryError } from './errors';
import type { GraphClient } from './graph-client';
import type { InboundMedia } from './normalise';

export type StoreMediaInput = {
  channelId: string;
  /** The wamid of the message the media came with. */
  channelMessageId: string;
  mediaId: string;
  bytes: Buffer;
  mimeType: string;
  mediaType: MediaType;
  fileName: string;
  sha256: string | null;
  animated: boolean;
};

/** Stores the bytes (disk, object storage) and returns the attachment the message will carry. */
export type StoreMedia = (input: StoreMediaInput) => Promise<Attachment>;

export type FetchedMedia =
  { ok: true; attachment: Attachment } | { ok: false; error: DeliveryError };

/**
 * Downloads one inbound media object and hands it to the store. Media ids in webhooks expire
 * after 7 days, so this happens while the webhook is handled rather than when an agent opens it.
 */
export async function fetchInboundMedia(
  graph: GraphClient,
  storeMedia: StoreMedia,
  context: { channelId: string; channelMessageId: string },
  media: InboundMedia,
): Promise<FetchedMedia> {
  const info = await graph.getMediaUrl(media.mediaId);
  if (!info.ok) return { ok: false, error: toDeliveryError(info.failure) };
  const download = await graph.downloadMedia(info.value.url);
  if (!download.ok) return { ok: false, error: toDeliveryError(download.failure) };
  // The webhook's MIME type can carry codec parameters ("audio/ogg; codecs=opus"): keep them.
  const mimeType = media.mimeType === '' ? info.value.mimeType : media.mimeType;
  const attachment = await storeMedia({
    ...context,
    mediaId: media.mediaId,
    bytes: download.value,
    mimeType,
    mediaType: media.mediaType,
    fileName: media.fileName ?? defaultFileName(media.mediaType, media.mediaId, mimeType),
    sha256: media.sha256 ?? info.value.sha256,
    animated: media.animated ?? false,
  });
  return { ok: true, attachment };
}

const EXTENSIONS: Readonly<Record<string, string>> = {
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/webp': 'webp',
  'audio/ogg': 'ogg',
  'audio/mpeg': 'mp3',
  'audio/aac': 'aac',
  'audio/amr': 'amr',
  'audio/mp4': 'm4a',
  'video/mp4': 'mp4',
  'video/3gpp': '3gp',
  'application/pdf': 'pdf',
  'text/plain': 'txt',
};

/** Only documents arrive with a name; the others get one the agent can still save sensibly. */
export function defaultFileName(mediaType: MediaType, mediaId: string, mimeType: string): string {
  const essence = mimeType.split(';')[0]?.trim().toLowerCase() ?? '';
  const extension = EXTENSIONS[essence] ?? 'bin';
  return `${mediaType}-${mediaId}.${extension}`;
}
