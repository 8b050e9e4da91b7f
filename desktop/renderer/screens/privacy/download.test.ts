import { describe, expect, it } from 'vitest';
import { downloadName } from './download';

describe('downloadName', () => {
  it.each([
    [
      `attachment; filename="a.zip"; filename*=UTF-8''atendo-contato-c1.zip`,
      'atendo-contato-c1.zip',
    ],
    [`attachment; filename*=UTF-8''relat%C3%B3rio.csv`, 'relatório.csv'],
    [`attachment; filename="only-ascii.zip"`, 'fallback.zip'],
    [`attachment; filename*=UTF-8''bad%E0%A4%A`, 'fallback.zip'],
    [null, 'fallback.zip'],
  ])('%o → %s', (header, expected) => {
    expect(downloadName(header, 'fallback.zip')).toBe(expected);
  });
});
