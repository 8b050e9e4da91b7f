import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../config';

describe('the input limits settings', () => {
  it('default to a 1 MB tRPC body and a 24 h grace for unsent uploads', () => {
    expect(loadConfig({}).inputLimits).toEqual({
      apiBodyBytes: 1024 * 1024,
      orphanUploadGraceMs: 24 * 3_600_000,
    });
  });

  it('read ATENDO_API_BODY_LIMIT_KB and ATENDO_ORPHAN_UPLOAD_HOURS', () => {
    const config = loadConfig({
      ATENDO_API_BODY_LIMIT_KB: '256',
      ATENDO_ORPHAN_UPLOAD_HOURS: '0.5',
    });
    expect(config.inputLimits).toEqual({
      apiBodyBytes: 256 * 1024,
      orphanUploadGraceMs: 1_800_000,
    });
  });

  it.each([
    ['ATENDO_API_BODY_LIMIT_KB', '0'],
    ['ATENDO_API_BODY_LIMIT_KB', 'lots'],
    ['ATENDO_ORPHAN_UPLOAD_HOURS', '-1'],
  ])('refuse %s=%s', (name, value) => {
    expect(() => loadConfig({ [name]: value })).toThrow(ConfigError);
  });
});
