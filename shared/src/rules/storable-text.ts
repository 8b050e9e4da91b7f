/*
 * What text may be stored as. Anything a contact or an agent sends can carry characters that
 * are invisible yet change what others read: NUL (which PostgreSQL refuses in text, so a
 * channel would redeliver the message for ever), other control characters, and the Unicode
 * bidirectional controls, with which "fatura\u202Efdp.exe" displays as "faturaexe.pdf". Every
 * path that stores a name, a field or a file name normalises it here (issue 10), on the server
 * and in the desktop's forms alike.
 */

// eslint-disable-next-line no-control-regex -- finding control characters is the point
const NUL = /\u0000/g;
/** Embeddings, overrides, isolates and the directional marks. */
const BIDI_CONTROLS = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;
/** C0 and C1 controls (a one-line value has turned its tabs and line breaks into spaces). */
// eslint-disable-next-line no-control-regex -- as above
const CONTROLS = /[\u0000-\u001F\u007F-\u009F]/g;
/** The same without tab and line feed, which a multi-line field keeps. */
// eslint-disable-next-line no-control-regex -- as above
const CONTROLS_BUT_LINES = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g;

/** A message's text: everything the author wrote, newlines included, but no NUL. */
export const storableMessageText = (text: string): string => text.replace(NUL, '');

/** A one-line value (a contact's name): no controls, no bidi controls, single spaces, trimmed. */
export const storableLine = (text: string): string =>
  text
    .normalize('NFC')
    .replace(BIDI_CONTROLS, '')
    .replace(/[\t\n\r]/g, ' ')
    .replace(CONTROLS, '')
    .replace(/ {2,}/g, ' ')
    .trim();

/** A free-text field (a custom field's value): keeps line breaks and tabs, loses the rest. */
export const storableField = (text: string): string =>
  text
    .normalize('NFC')
    .replace(BIDI_CONTROLS, '')
    .replace(CONTROLS_BUT_LINES, '')
    .replace(/\r\n?/g, '\n');

export const MAX_FILE_NAME_LENGTH = 255;

/**
 * A file name as stored and offered for download: one line, no bidi controls, no path (a
 * separator becomes "_", and a name of dots alone is no name), at most 255 characters. Empty
 * when nothing is left; the caller refuses it or names the file itself.
 */
export function storableFileName(name: string): string {
  const line = storableLine(name).replace(/[/\\]/g, '_');
  if (/^\.*$/.test(line)) return '';
  return line.slice(0, MAX_FILE_NAME_LENGTH).trim();
}
