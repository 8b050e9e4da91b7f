import { createReadStream } from 'node:fs';
import { extname } from 'node:path';
import { fileTypeFromFile, supportedMimeTypes } from 'file-type';
import { AtendoError } from '@atendo/shared/errors';
import {
  ARCHIVE_MIME_TYPES,
  BLOCKED_MIME_TYPES,
  normaliseMime,
} from '@atendo/shared/rules/attachment-policy';

/*
 * What a file is, from its bytes rather than from what the client says: the declared type and
 * name are a browser's guess from the extension (or a lie). Binary formats are recognised by
 * their magic bytes (file-type); plain text has none, so text is "valid UTF-8 without NUL".
 * The type that goes through the channel's attachment policy is the one found here.
 */

/** Names Windows, macOS or a shell would run on a double click, whatever the bytes claim. */
const EXECUTABLE_EXTENSIONS = new Set(
  'exe com scr pif cpl msi msp msc bat cmd ps1 psm1 vbs vbe js jse mjs wsf wsh hta lnk reg jar apk app dmg pkg sh bash zsh csh command run elf bin dll so dylib appimage deb rpm scf url inf gadget xll iso img vhd'
    .split(' ')
    .map((ext) => `.${ext}`),
);

/** Text formats a browser may label application/*. */
const TEXTUAL_APPLICATION = new Set([
  'application/json',
  'application/xml',
  'application/csv',
  'application/x-ndjson',
  'application/rtf',
  'application/x-subrip',
  'application/octet-stream',
]);

/** Containers whose own type a browser never sends: the declared subtype is the useful one. */
const CONTAINER_OF: Record<string, (declared: string) => boolean> = {
  'application/zip': (d) =>
    d.startsWith('application/vnd.openxmlformats-officedocument.') ||
    d.startsWith('application/vnd.oasis.opendocument.') ||
    d === 'application/epub+zip',
  'application/x-cfb': (d) =>
    ['application/msword', 'application/vnd.ms-excel', 'application/vnd.ms-powerpoint'].includes(d),
};

/** Spellings browsers and systems use for the type file-type names otherwise. */
const ALIASES: Record<string, string> = {
  'image/jpg': 'image/jpeg',
  'image/pjpeg': 'image/jpeg',
  'audio/mp3': 'audio/mpeg',
  'audio/x-mp3': 'audio/mpeg',
  'audio/x-wav': 'audio/wav',
  'audio/wave': 'audio/wav',
  'audio/vnd.wave': 'audio/wav',
  'audio/opus': 'audio/ogg',
  'audio/x-flac': 'audio/flac',
  'application/x-zip-compressed': 'application/zip',
  'application/x-pdf': 'application/pdf',
};
const canonical = (mime: string): string => ALIASES[mime] ?? mime;

/** Markup a browser would run: scripts, frames, plugins, event handlers, javascript: links. */
const ACTIVE_MARKUP =
  /<\s*(script|iframe|object|embed|foreignobject|handler)\b|\son[a-z]+\s*=|javascript\s*:/i;
const HTML_MARKUP = /<!doctype\s+html|<\s*(html|head|body|script|iframe|meta|form)[\s>/]/i;
const SVG_MARKUP = /<\s*svg[\s>/]/i;
const HTML_PAGE = /<!doctype\s+html|<\s*html[\s>]/i;

const notAllowed = (reason: string, details: Record<string, string> = {}): AtendoError =>
  new AtendoError('attachment-type-not-allowed', 'this kind of file is not accepted', {
    reason,
    ...details,
  });

const mismatch = (declared: string, detected: string): AtendoError =>
  new AtendoError('attachment-content-mismatch', 'the file is not what its type says', {
    mimeType: declared,
    detectedMimeType: detected,
  });

export type Inspection = {
  /** The type the file is stored and checked as. */
  mimeType: string;
};

/**
 * Decides what the stored file really is. Refuses executable names, shebang scripts and markup
 * with active content (attachment-type-not-allowed), and bytes that contradict the declared
 * type (attachment-content-mismatch). The channel's policy is then applied to the answer, so
 * a program sent as application/octet-stream meets the block list as what it is.
 */
export async function inspectFile(
  absolutePath: string,
  input: { declaredMime: string; fileName: string },
): Promise<Inspection> {
  const declared = normaliseMime(input.declaredMime);
  const ext = extname(input.fileName).toLowerCase();
  if (EXECUTABLE_EXTENSIONS.has(ext)) throw notAllowed('executable-name', { extension: ext });
  const detected = await fileTypeFromFile(absolutePath);
  // file-type names any XML document application/xml: SVG and XHTML are judged as the text
  // they are.
  if (detected && detected.mime !== 'application/xml') {
    // A program or an archive is refused as what it is, whatever it was declared as.
    if (BLOCKED_MIME_TYPES.includes(detected.mime) || ARCHIVE_MIME_TYPES.includes(detected.mime)) {
      return { mimeType: detected.mime };
    }
    return { mimeType: binaryType(declared, detected.mime) };
  }
  const head = await textHead(absolutePath);
  if (head === null) {
    // Unknown bytes: fine for a document of a format file-type does not know, never for a
    // type it would have recognised (an image, a PDF…).
    const family = declared.split('/')[0] ?? '';
    if (['image', 'audio', 'video', 'text'].includes(family) || supportedMimeTypes.has(declared)) {
      throw mismatch(declared, 'application/octet-stream');
    }
    return { mimeType: declared === '' ? 'application/octet-stream' : declared };
  }
  return { mimeType: textType(declared, head) };
}

function binaryType(declared: string, detected: string): string {
  if (declared === '' || declared === 'application/octet-stream') return detected;
  const want = canonical(declared);
  if (want === detected) return detected;
  if (CONTAINER_OF[detected]?.(declared) === true) return declared;
  const [wantFamily, wantSub] = want.split('/');
  const [gotFamily, gotSub] = detected.split('/');
  // A PNG saved as .jpg is still an image: the policy then judges it as the PNG it is.
  if (['image', 'audio', 'video'].includes(wantFamily ?? '') && wantFamily === gotFamily) {
    return detected;
  }
  // An audio recording in an MP4 or WebM container reads as video: the label tells.
  const media = ['audio', 'video'];
  const sameContainer = wantSub === gotSub || (wantSub?.includes('m4a') && gotSub === 'mp4');
  if (media.includes(wantFamily ?? '') && media.includes(gotFamily ?? '') && sameContainer) {
    return declared;
  }
  throw mismatch(declared, detected);
}

function textType(declared: string, head: string): string {
  const text = head.replace(/^\uFEFF/, '').trimStart();
  if (text.startsWith('#!')) throw notAllowed('script');
  if (SVG_MARKUP.test(text) && !HTML_PAGE.test(text)) {
    if (ACTIVE_MARKUP.test(text)) throw notAllowed('active-content');
    if (declared !== 'image/svg+xml' && declared !== 'application/octet-stream') {
      throw mismatch(declared, 'image/svg+xml');
    }
    return 'image/svg+xml';
  }
  if (HTML_MARKUP.test(text)) {
    // An HTML page is a document only when it says so; it is always served as a sandboxed
    // download, never rendered on this origin.
    if (declared !== 'text/html') throw mismatch(declared, 'text/html');
    return declared;
  }
  if (declared === '' || declared === 'application/octet-stream') return 'text/plain';
  if (declared.startsWith('text/') || TEXTUAL_APPLICATION.has(declared)) return declared;
  throw mismatch(declared, 'text/plain');
}

const HEAD_CHARS = 64 * 1024;

/**
 * The file's first characters when the whole file is UTF-8 text without NUL, else null. Read
 * as a stream: a large CSV is checked without holding it.
 */
async function textHead(absolutePath: string): Promise<string | null> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let head = '';
  try {
    for await (const chunk of createReadStream(absolutePath) as AsyncIterable<Buffer>) {
      if (chunk.includes(0)) return null;
      const text = decoder.decode(chunk, { stream: true });
      if (head.length < HEAD_CHARS) head += text.slice(0, HEAD_CHARS - head.length);
    }
    decoder.decode();
  } catch (error) {
    if (error instanceof TypeError) return null;
    throw error;
  }
  return head;
}
