import { describe, expect, it } from 'vitest';
import type { ChannelKind } from '../schemas/channel';
import type { MediaType } from '../schemas/message';
import {
  KB,
  MB,
  attachmentLimits,
  checkAttachment,
  fileAcceptList,
  mediaTypeForMime,
  type AttachmentInput,
} from './attachment-policy';

describe('mediaTypeForMime', () => {
  it.each<[string, MediaType | null]>([
    ['image/jpeg', 'image'],
    ['IMAGE/PNG', 'image'],
    ['image/webp', 'sticker'],
    ['audio/ogg; codecs=opus', 'audio'],
    ['video/3gpp', 'video'],
    ['application/pdf', 'document'],
    ['text/plain', 'document'],
    ['font/woff2', null],
    ['garbage', null],
    ['', null],
  ])('%s → %s', (mime, type) => {
    expect(mediaTypeForMime(mime)).toBe(type);
  });
});

const wa = (mimeType: string, size: number, extra: Partial<AttachmentInput> = {}) => ({
  channelKind: 'whatsapp' as ChannelKind,
  mimeType,
  size,
  ...extra,
});
const web = (mimeType: string, size: number, extra: Partial<AttachmentInput> = {}) => ({
  ...wa(mimeType, size, extra),
  channelKind: 'webchat' as ChannelKind,
});

describe('checkAttachment allows', () => {
  it.each<[string, AttachmentInput, MediaType, number]>([
    ['a WhatsApp JPEG at 5 MB', wa('image/jpeg', 5 * MB), 'image', 5 * MB],
    ['a WhatsApp PNG', wa('image/png', 1), 'image', 5 * MB],
    ['a WhatsApp voice note', wa('audio/ogg; codecs=opus', 16 * MB), 'audio', 16 * MB],
    ['a WhatsApp MP3', wa('audio/mpeg', 1), 'audio', 16 * MB],
    ['a WhatsApp M4A', wa('audio/mp4', 1), 'audio', 16 * MB],
    ['a WhatsApp AAC and AMR', wa('audio/amr', 1), 'audio', 16 * MB],
    ['a WhatsApp 3GP video', wa('video/3gpp', 16 * MB), 'video', 16 * MB],
    ['a WhatsApp PDF at 100 MB', wa('application/pdf', 100 * MB), 'document', 100 * MB],
    [
      'a WhatsApp XLSX',
      wa('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 1),
      'document',
      100 * MB,
    ],
    [
      'another WhatsApp document (OpenDocument)',
      wa('application/vnd.oasis.opendocument.text', 1),
      'document',
      100 * MB,
    ],
    ['a WhatsApp CSV', wa('text/csv', 1), 'document', 100 * MB],
    ['a static sticker at 100 KB', wa('image/webp', 100 * KB), 'sticker', 100 * KB],
    [
      'an animated sticker at 500 KB',
      wa('image/webp', 500 * KB, { animated: true }),
      'sticker',
      500 * KB,
    ],
    [
      'a PNG sent as a document',
      wa('image/png', 50 * MB, { mediaType: 'document' }),
      'document',
      100 * MB,
    ],
    ['a web chat GIF at 25 MB', web('image/gif', 25 * MB), 'image', 25 * MB],
    ['a web chat WebM video', web('video/webm', 1), 'video', 25 * MB],
    ['a web chat WAV', web('audio/wav', 1), 'audio', 25 * MB],
    ['a web chat DOCX', web('application/msword', 1), 'document', 25 * MB],
    ['a web chat WebP', web('image/webp', 1), 'sticker', 25 * MB],
  ])('%s', (_name, input, mediaType, maxBytes) => {
    expect(checkAttachment(input)).toEqual({ ok: true, mediaType, maxBytes });
  });
});

describe('checkAttachment denies', () => {
  it.each<[string, AttachmentInput, string, Record<string, unknown>]>([
    [
      'a WhatsApp image over 5 MB',
      wa('image/jpeg', 5 * MB + 1),
      'attachment-too-large',
      { mediaType: 'image', maxBytes: 5 * MB, size: 5 * MB + 1 },
    ],
    [
      'a WhatsApp video over 16 MB',
      wa('video/mp4', 16 * MB + 1),
      'attachment-too-large',
      { maxBytes: 16 * MB },
    ],
    [
      'a WhatsApp document over 100 MB',
      wa('application/pdf', 100 * MB + 1),
      'attachment-too-large',
      { maxBytes: 100 * MB },
    ],
    [
      'a static sticker over 100 KB',
      wa('image/webp', 100 * KB + 1),
      'attachment-too-large',
      { mediaType: 'sticker', maxBytes: 100 * KB },
    ],
    [
      'an animated sticker over 500 KB',
      wa('image/webp', 500 * KB + 1, { animated: true }),
      'attachment-too-large',
      { maxBytes: 500 * KB },
    ],
    [
      'a web chat file over 25 MB',
      web('application/pdf', 25 * MB + 1),
      'attachment-too-large',
      { maxBytes: 25 * MB },
    ],
    [
      'a GIF on WhatsApp',
      wa('image/gif', 1),
      'attachment-type-not-allowed',
      { mimeType: 'image/gif', mediaType: 'image' },
    ],
    [
      'a WebM video on WhatsApp',
      wa('video/webm', 1),
      'attachment-type-not-allowed',
      { mediaType: 'video' },
    ],
    [
      'a Windows program on WhatsApp',
      wa('application/x-msdownload', 1),
      'attachment-type-not-allowed',
      { mimeType: 'application/x-msdownload', mediaType: null },
    ],
    [
      // Archives hide what they carry (issue 10).
      'a zip on WhatsApp',
      wa('application/zip', 1),
      'attachment-type-not-allowed',
      { mimeType: 'application/zip', mediaType: null },
    ],
    [
      'a Windows program sent as a document',
      wa('application/vnd.microsoft.portable-executable', 1, { mediaType: 'document' }),
      'attachment-type-not-allowed',
      { mediaType: null },
    ],
    [
      'a shell script on web chat',
      web('application/x-sh', 1),
      'attachment-type-not-allowed',
      { mimeType: 'application/x-sh' },
    ],
    ['an unknown family', web('font/woff2', 1), 'attachment-type-not-allowed', { mediaType: null }],
    [
      'a PDF claimed as an image',
      wa('application/pdf', 1, { mediaType: 'image' }),
      'attachment-type-not-allowed',
      { mediaType: 'image' },
    ],
    [
      'any file on email (no adapter yet)',
      { channelKind: 'email', mimeType: 'application/pdf', size: 1 },
      'attachment-not-supported',
      { channelKind: 'email', mimeType: 'application/pdf' },
    ],
    [
      'any file on Telegram (no adapter yet)',
      { channelKind: 'telegram', mimeType: 'image/jpeg', size: 1 },
      'attachment-not-supported',
      { channelKind: 'telegram' },
    ],
  ])('%s', (_name, input, reason, details) => {
    const decision = checkAttachment(input);
    expect(decision).toMatchObject({ ok: false, reason, details });
  });
});

describe('attachmentLimits and fileAcceptList', () => {
  it('gives the UI the WhatsApp audio limit', () => {
    const audio = attachmentLimits('whatsapp').find((l) => l.mediaType === 'audio');
    expect(audio?.maxBytes).toBe(16 * 1024 * 1024);
  });

  it.each<[ChannelKind, string[], string[]]>([
    ['whatsapp', ['image/jpeg', 'image/webp', 'application/pdf', 'video/3gpp'], ['image/*']],
    ['webchat', ['image/*', 'audio/*', 'video/*', 'application/*'], []],
  ])('%s accept list', (kind, includes, excludes) => {
    const accept = fileAcceptList(kind).split(',');
    for (const entry of includes) expect(accept).toContain(entry);
    for (const entry of excludes) expect(accept).not.toContain(entry);
    expect(new Set(accept).size).toBe(accept.length);
  });

  it('offers nothing where attachments are not supported', () => {
    expect(fileAcceptList('email')).toBe('');
    expect(attachmentLimits('telegram')).toEqual([]);
  });
});
