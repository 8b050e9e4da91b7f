import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { isAtendoError } from '@atendo/shared/errors';
import { inspectFile } from './file-content';
import {
  CSV,
  HTML_PAGE,
  linuxProgram,
  PDF,
  PNG,
  SHELL_SCRIPT,
  SVG_PLAIN,
  SVG_WITH_SCRIPT,
  windowsProgram,
  ZIP,
} from './hostile-samples';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'atendo-inspect-'));
afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

let n = 0;
async function inspect(bytes: Buffer, declaredMime: string, fileName = 'arquivo') {
  const file = path.join(dir, String(++n));
  fs.writeFileSync(file, bytes);
  try {
    return (await inspectFile(file, { declaredMime, fileName })).mimeType;
  } catch (error) {
    if (isAtendoError(error)) return `${error.code}:${String(error.details.reason ?? '')}`;
    throw error;
  }
}

describe('inspectFile: the type comes from the bytes', () => {
  it.each([
    ['a PNG declared as PNG', PNG, 'image/png', 'image/png'],
    ['a PNG declared as JPEG (same family)', PNG, 'image/jpeg', 'image/png'],
    ['a PDF', PDF, 'application/pdf', 'application/pdf'],
    ['a PDF sent as octet-stream', PDF, 'application/octet-stream', 'application/pdf'],
    ['a CSV', CSV, 'text/csv', 'text/csv'],
    ['plain text as octet-stream', Buffer.from('olá'), 'application/octet-stream', 'text/plain'],
    ['an SVG without scripts', SVG_PLAIN, 'image/svg+xml', 'image/svg+xml'],
    ['an HTML page declared as such', HTML_PAGE, 'text/html', 'text/html'],
  ])('accepts %s', async (_label, bytes, declared, expected) => {
    expect(await inspect(bytes, declared)).toBe(expected);
  });

  it.each([
    ['a Windows program as octet-stream', windowsProgram(), 'application/octet-stream'],
    ['a Windows program as a PDF', windowsProgram(), 'application/pdf'],
    ['a Linux program as a PNG', linuxProgram(), 'image/png'],
    ['a zip as octet-stream', ZIP, 'application/octet-stream'],
  ])('names %s by what it is, for the policy to refuse', async (_label, bytes, declared) => {
    expect(await inspect(bytes, declared)).toMatch(/^application\/(x-msdownload|x-elf|zip)$/);
  });

  it.each([
    ['HTML named foto.png', HTML_PAGE, 'image/png', 'attachment-content-mismatch:'],
    ['a PNG declared as PDF', PNG, 'application/pdf', 'attachment-content-mismatch:'],
    ['text declared as PNG', CSV, 'image/png', 'attachment-content-mismatch:'],
    [
      'binary junk declared as text',
      Buffer.from([0, 1, 2, 255]),
      'text/plain',
      'attachment-content-mismatch:',
    ],
    [
      'an SVG with a script',
      SVG_WITH_SCRIPT,
      'image/svg+xml',
      'attachment-type-not-allowed:active-content',
    ],
    ['a shell script as text', SHELL_SCRIPT, 'text/plain', 'attachment-type-not-allowed:script'],
  ])('refuses %s', async (_label, bytes, declared, expected) => {
    expect(await inspect(bytes, declared)).toBe(expected);
  });

  it('refuses names a system would run, whatever the bytes', async () => {
    expect(await inspect(Buffer.from('olá'), 'text/plain', 'setup.exe')).toBe(
      'attachment-type-not-allowed:executable-name',
    );
    // The right-to-left override shows "fotoexe.png"; the name still ends in .exe.
    expect(await inspect(PNG, 'image/png', 'foto\u202Egnp.exe')).toBe(
      'attachment-type-not-allowed:executable-name',
    );
  });
});
