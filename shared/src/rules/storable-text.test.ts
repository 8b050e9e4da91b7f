import { describe, expect, it } from 'vitest';
import {
  storableField,
  storableFileName,
  storableLine,
  storableMessageText,
} from './storable-text';

describe('storable text', () => {
  it('keeps a message’s newlines and drops its NUL', () => {
    expect(storableMessageText('linha 1\nlinha\u0000 2\n')).toBe('linha 1\nlinha 2\n');
  });

  it.each([
    ['NUL', 'Ro\u0000sa', 'Rosa'],
    ['a right-to-left override', 'Ana \u202EanitsirC', 'Ana anitsirC'],
    ['isolates and marks', '\u2067Maria\u2069\u200F Silva', 'Maria Silva'],
    ['line breaks and tabs', 'Maria\n\tSilva ', 'Maria Silva'],
    ['decomposed accents (NFC)', 'Jose\u0301', 'José'],
  ])('cleans %s out of a name', (_label, input, expected) => {
    expect(storableLine(input)).toBe(expected);
  });

  it('keeps a field’s line breaks, not its controls', () => {
    expect(storableField('Rua A, 1\r\nApto 2\u0000\u202E')).toBe('Rua A, 1\nApto 2');
  });

  it.each([
    ['a bidi-disguised executable', 'fatura\u202Efdp.exe', 'faturafdp.exe'],
    ['a path', '../../etc/passwd', '.._.._etc_passwd'],
    ['a Windows path', 'C:\\Users\\ana\\foto.png', 'C:_Users_ana_foto.png'],
    ['NUL before an extension', 'foto.png\u0000.exe', 'foto.png.exe'],
    ['dots alone', '..', ''],
    ['nothing but controls', '\u0000\u202E', ''],
  ])('cleans %s out of a file name', (_label, input, expected) => {
    expect(storableFileName(input)).toBe(expected);
  });

  it('keeps file names at 255 characters', () => {
    expect(storableFileName(`${'a'.repeat(300)}.pdf`)).toHaveLength(255);
  });
});
