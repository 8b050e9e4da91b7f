import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger } from './logger';

const capture = () => {
  const lines: string[] = [];
  const stream = new Writable({
    write: (chunk: Buffer, _encoding, done) => {
      lines.push(chunk.toString('utf8'));
      done();
    },
  });
  return { lines, logger: createLogger('info', stream) };
};

describe('the server logger', () => {
  it.each([
    ['at the top level', { accessToken: 'EAAG-secret-token', channelId: 'c1' }],
    ['one level down', { config: { appSecret: 'app-secret-value', channelId: 'c1' } }],
    ['two levels down', { req: { headers: { authorization: 'Bearer tok-123-secret' } } }],
    [
      'in a password change',
      { input: { currentPassword: 'tmp-pass-1', newPassword: 'new-pass-2' } },
    ],
    [
      'a verify token and secrets',
      { verifyToken: 'verify-me', secrets: { accessToken: 'x-secret' } },
    ],
  ])('never writes a secret %s', (_where, fields) => {
    const { lines, logger } = capture();
    logger.info(fields, 'something happened');
    const line = lines.join('');
    expect(line).toContain('something happened');
    expect(line).toContain('[redacted]');
    for (const secret of [
      'EAAG-secret-token',
      'app-secret-value',
      'tok-123-secret',
      'tmp-pass-1',
      'new-pass-2',
      'verify-me',
      'x-secret',
    ]) {
      expect(line).not.toContain(secret);
    }
  });

  it('keeps the fields that are not secrets', () => {
    const { lines, logger } = capture();
    logger.info({ channelId: 'channel-whatsapp', count: 3 }, 'sent');
    expect(JSON.parse(lines.join(''))).toMatchObject({ channelId: 'channel-whatsapp', count: 3 });
  });
});
