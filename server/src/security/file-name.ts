import { z } from 'zod';
import { AtendoError } from '@atendo/shared/errors';
import { storableFileName } from '@atendo/shared/rules/storable-text';

/** The longest stored file name; longer ones are cut, as the file systems agents save to do. */
export const MAX_FILE_NAME_LENGTH = 255;

/**
 * The last segment of a client's file name: whatever it says about folders (`../../etc/passwd`,
 * `C:\\Users\\x.exe`) is dropped, so a name can never climb out of anywhere it is later saved.
 * Stored files are named by the server's id; this only keeps the displayed name honest.
 */
export function baseFileName(name: string): string {
  const last = name.split(/[/\\]/).pop() ?? '';
  const trimmed = last.trim();
  return trimmed === '.' || trimmed === '..' ? '' : trimmed.slice(0, MAX_FILE_NAME_LENGTH);
}

const invalidName = (reason: string): AtendoError =>
  new AtendoError('invalid-input', 'X-File-Name must be a URI-encoded file name', {
    field: 'X-File-Name',
    reason,
  });

/**
 * `X-File-Name` as both upload routes take it: URI-encoded (headers are Latin-1), reduced to
 * its base name. A malformed %-escape is the client's mistake, answered 400, never a URIError.
 */
export function decodeFileName(header: string | readonly string[] | undefined): string {
  if (typeof header !== 'string' || header === '') throw invalidName('missing');
  let decoded: string;
  try {
    decoded = decodeURIComponent(header);
  } catch {
    throw invalidName('malformed-escape');
  }
  // No NUL, controls or bidi overrides reach what is stored (rules/storable-text).
  const name = storableFileName(baseFileName(decoded));
  if (name === '') throw invalidName('empty');
  return name;
}

/** decodeFileName as a zod transform, for header schemas: a bad name is an issue, not a throw. */
export function fileNameTransform(value: string, ctx: z.RefinementCtx): string {
  try {
    return decodeFileName(value);
  } catch (error) {
    const reason = error instanceof AtendoError ? String(error.details.reason) : 'invalid';
    ctx.addIssue({ code: 'custom', message: `invalid file name (${reason})` });
    return z.NEVER;
  }
}
