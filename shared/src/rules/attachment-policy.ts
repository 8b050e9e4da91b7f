import type { ChannelKind } from '../schemas/channel';
import type { MediaType } from '../schemas/message';
import { allow, deny, type Decision } from './decision';

/**
 * Sizes are binary: 1 MB = 1024 × 1024 bytes and 1 KB = 1024 bytes. Meta's table does not say
 * which it means; the binary reading is the slightly more generous one, so a file just over the
 * decimal limit may still be refused by the channel, which the adapter reports as a failed send.
 */
export const KB = 1024;
export const MB = 1024 * KB;

/**
 * What one channel accepts for one media type. `accept` holds exact mime types or a family
 * wildcard ("image/*"), in the form an HTML file picker's `accept` attribute understands.
 */
export type MediaLimit = {
  mediaType: MediaType;
  accept: readonly string[];
  maxBytes: number;
  /** A larger limit for animated files (WhatsApp stickers); null when the same. */
  animatedMaxBytes: number | null;
};

const limit = (
  mediaType: MediaType,
  accept: readonly string[],
  maxBytes: number,
  animatedMaxBytes: number | null = null,
): MediaLimit => ({ mediaType, accept, maxBytes, animatedMaxBytes });

const OFFICE_DOCUMENTS = [
  'text/plain',
  'application/pdf',
  'application/msword',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.ms-excel',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.ms-powerpoint',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation',
];

// WHATSAPP.md, "Media": the named formats, and "other documents" as any text or application file.
const WHATSAPP: readonly MediaLimit[] = [
  limit('image', ['image/jpeg', 'image/png'], 5 * MB),
  limit('audio', ['audio/aac', 'audio/amr', 'audio/mpeg', 'audio/mp4', 'audio/ogg'], 16 * MB),
  limit('video', ['video/mp4', 'video/3gpp'], 16 * MB),
  limit('document', [...OFFICE_DOCUMENTS, 'application/*', 'text/*'], 100 * MB),
  limit('sticker', ['image/webp'], 100 * KB, 500 * KB),
];

// The web chat widget renders whatever the browser can; a WebP "sticker" is just an image there.
const WEBCHAT: readonly MediaLimit[] = [
  limit('image', ['image/*'], 25 * MB),
  limit('audio', ['audio/*'], 25 * MB),
  limit('video', ['video/*'], 25 * MB),
  limit('document', [...OFFICE_DOCUMENTS, 'application/*', 'text/*'], 25 * MB),
  limit('sticker', ['image/webp'], 25 * MB),
];

// Email and Telegram have no adapter yet, so they take no attachments until one defines limits.
const LIMITS: Record<ChannelKind, readonly MediaLimit[]> = {
  whatsapp: WHATSAPP,
  webchat: WEBCHAT,
  email: [],
  telegram: [],
};

/** The channel's table, for "max 16 MB" hints; empty when the channel takes no attachments. */
export function attachmentLimits(kind: ChannelKind): readonly MediaLimit[] {
  return LIMITS[kind];
}

/** The file picker's `accept` attribute for the channel ("" when it takes no attachments). */
export function fileAcceptList(kind: ChannelKind): string {
  return [...new Set(LIMITS[kind].flatMap((l) => l.accept))].join(',');
}

/**
 * Programs and scripts are refused on every channel, even where "other documents" would let
 * them through: an agent must never become the way malware reaches a customer, or back.
 */
export const BLOCKED_MIME_TYPES: readonly string[] = [
  'application/x-msdownload',
  'application/x-msdos-program',
  'application/x-dosexec',
  'application/x-executable',
  'application/x-elf',
  'application/x-mach-binary',
  'application/vnd.microsoft.portable-executable',
  'application/x-msi',
  'application/x-ms-installer',
  'application/x-sh',
  'application/x-csh',
  'application/x-bat',
  'application/x-shellscript',
  'text/x-shellscript',
  'application/java-archive',
  'application/vnd.android.package-archive',
  'application/x-apple-diskimage',
  'application/javascript',
  'text/javascript',
  'application/x-powershell',
  'application/hta',
  'application/x-ms-shortcut',
  // As file-type names what it finds in the bytes (server/src/security/file-content.ts).
  'application/x-shockwave-flash',
  'application/wasm',
  'application/x-deb',
  'application/x-rpm',
  'application/x-xpinstall',
  'application/x-google-chrome-extension',
  'application/x.ms.shortcut',
  'application/x-ms-regedit',
  'application/java-vm',
  'application/x-asar',
  'application/vnd.ms-htmlhelp',
  // Office files with macros run code when opened.
  'application/vnd.ms-excel.sheet.macroenabled.12',
  'application/vnd.ms-excel.template.macroenabled.12',
  'application/vnd.ms-word.document.macroenabled.12',
  'application/vnd.ms-word.template.macroenabled.12',
  'application/vnd.ms-powerpoint.presentation.macroenabled.12',
  'application/vnd.ms-powerpoint.slideshow.macroenabled.12',
  'application/vnd.ms-powerpoint.template.macroenabled.12',
];

/**
 * Archives hide what they carry from the agent (and from a scanner looking at the top level),
 * so no channel's policy takes them: the customer sends the files themselves.
 */
export const ARCHIVE_MIME_TYPES: readonly string[] = [
  'application/zip',
  'application/x-zip-compressed',
  'application/x-tar',
  'application/x-rar-compressed',
  'application/vnd.rar',
  'application/gzip',
  'application/x-gzip',
  'application/x-bzip2',
  'application/x-7z-compressed',
  'application/x-xz',
  'application/zstd',
  'application/x-lzip',
  'application/x-lz4',
  'application/x-compress',
  'application/x-lzh-compressed',
  'application/x-arj',
  'application/x-cpio',
  'application/x-ace-compressed',
  'application/x-unix-archive',
  'application/vnd.ms-cab-compressed',
  'application/x-iso9660-image',
];

/** Lower-cases and drops parameters: WhatsApp sends "audio/ogg; codecs=opus". */
export const normaliseMime = (mime: string): string =>
  (mime.split(';')[0] ?? '').trim().toLowerCase();

/** The media type a file travels as, from its mime type alone; null when it fits none. */
export function mediaTypeForMime(mime: string): MediaType | null {
  const normal = normaliseMime(mime);
  if (normal === 'image/webp') return 'sticker';
  const family = normal.split('/')[0];
  switch (family) {
    case 'image':
    case 'audio':
    case 'video':
      return family;
    case 'application':
    case 'text':
      return 'document';
    default:
      return null;
  }
}

const accepts = (accept: readonly string[], mime: string): boolean =>
  accept.some((entry) =>
    entry.endsWith('/*') ? mime.startsWith(entry.slice(0, -1)) : entry === mime,
  );

export type AttachmentInput = {
  channelKind: ChannelKind;
  mimeType: string;
  size: number;
  animated?: boolean;
  /** Overrides the guess from the mime type, e.g. a PNG sent as a document. */
  mediaType?: MediaType;
};

export type AttachmentDenial =
  'attachment-type-not-allowed' | 'attachment-too-large' | 'attachment-not-supported';

/** Whether this file may be sent on this channel, and as which media type. */
export function checkAttachment(
  input: AttachmentInput,
): Decision<AttachmentDenial, { mediaType: MediaType; maxBytes: number }> {
  const { channelKind, size } = input;
  const mimeType = normaliseMime(input.mimeType);
  const table = LIMITS[channelKind];
  if (table.length === 0) return deny('attachment-not-supported', { channelKind, mimeType });
  if (BLOCKED_MIME_TYPES.includes(mimeType) || ARCHIVE_MIME_TYPES.includes(mimeType)) {
    return deny('attachment-type-not-allowed', { channelKind, mimeType, mediaType: null });
  }
  const mediaType = input.mediaType ?? mediaTypeForMime(mimeType);
  const rule = table.find((l) => l.mediaType === mediaType);
  // Sending a photo "as a document" keeps it uncompressed; any file that is not a program may go.
  const asDocument = input.mediaType === 'document';
  if (mediaType === null || rule === undefined || !(asDocument || accepts(rule.accept, mimeType))) {
    return deny('attachment-type-not-allowed', { channelKind, mimeType, mediaType });
  }
  const maxBytes = input.animated ? (rule.animatedMaxBytes ?? rule.maxBytes) : rule.maxBytes;
  if (size > maxBytes) {
    return deny('attachment-too-large', { channelKind, mimeType, mediaType, maxBytes, size });
  }
  return allow({ mediaType, maxBytes });
}
