import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, DEFAULT_DATA_DIR, DEFAULT_WEB_DIR, loadConfig } from './config';
import { DEFAULT_WORKING_SET } from '@atendo/shared/sync/working-set';

describe('loadConfig', () => {
  it('uses the documented defaults on an empty environment', () => {
    expect(loadConfig({})).toEqual({
      host: '127.0.0.1',
      port: 4310,
      dataDir: DEFAULT_DATA_DIR,
      databaseUrl: null,
      publicUrl: null,
      seedDemo: true,
      webDir: DEFAULT_WEB_DIR,
      logLevel: 'info',
      sessionTtlMs: 12 * 3_600_000,
      webchatTokenTtlMs: 30 * 86_400_000,
      loginLimits: {
        accountFailures: 5,
        accountWindowMs: 15 * 60_000,
        accountLockMs: 15 * 60_000,
        ipFailures: 20,
        ipWindowMs: 60_000,
        ipLockMs: 15 * 60_000,
      },
      trustProxy: false,
      trpcMaxBatchSize: 25,
      streamRoundMs: 40,
      syncWorkingSet: { ...DEFAULT_WORKING_SET, closedWindowMs: 7 * 86_400_000 },
      whatsapp: null,
      whatsappApi: {
        graphBaseUrl: 'https://graph.facebook.com',
        apiVersion: 'v23.0',
        webhookLimitBytes: 5 * 1024 * 1024,
      },
      whatsappEnvSecrets: { accessToken: null, appSecret: null, verifyToken: null },
      secretKey: null,
      webchatLimits: {
        sessionsPerIp: [
          { points: 10, seconds: 60 },
          { points: 50, seconds: 3600 },
        ],
        messagesPerVisitor: [
          { points: 20, seconds: 10 },
          { points: 300, seconds: 3600 },
        ],
        messagesPerIp: [
          { points: 120, seconds: 60 },
          { points: 3000, seconds: 3600 },
        ],
      },
      inputLimits: { apiBodyBytes: 1024 * 1024, orphanUploadGraceMs: 24 * 3_600_000 },
    });
  });

  it.each([
    ['true', true],
    ['false', false],
    ['2', 2],
    ['loopback, 10.0.0.0/8', 'loopback, 10.0.0.0/8'],
  ] as const)('reads ATENDO_TRUST_PROXY=%s as express takes it', (value, expected) => {
    expect(loadConfig({ ATENDO_TRUST_PROXY: value }).trustProxy).toBe(expected);
  });

  it.each([
    ['64 hex digits', 'a'.repeat(64), true],
    ['base64 of 32 bytes', Buffer.alloc(32, 7).toString('base64'), true],
    ['a passphrase', 'correct horse battery staple', false],
    ['31 bytes of hex', 'a'.repeat(62), false],
  ])('accepts ATENDO_SECRET_KEY as %s: %s', (_case, value, valid) => {
    if (valid) expect(loadConfig({ ATENDO_SECRET_KEY: value }).secretKey).toBe(value);
    else expect(() => loadConfig({ ATENDO_SECRET_KEY: value })).toThrow(/ATENDO_SECRET_KEY/);
  });

  it('configures WhatsApp only when the token, app secret and verify token are all set', () => {
    const secrets = {
      WHATSAPP_ACCESS_TOKEN: 'token',
      WHATSAPP_APP_SECRET: 'secret',
      WHATSAPP_VERIFY_TOKEN: 'verify',
    };
    expect(loadConfig({ ...secrets, WHATSAPP_VERIFY_TOKEN: '' }).whatsapp).toBeNull();
    expect(loadConfig(secrets).whatsapp).toEqual({
      graphBaseUrl: 'https://graph.facebook.com',
      apiVersion: 'v23.0',
      accessToken: 'token',
      appSecret: 'secret',
      verifyToken: 'verify',
      webhookLimitBytes: 5 * 1024 * 1024,
    });
    expect(
      loadConfig({
        ...secrets,
        WHATSAPP_GRAPH_BASE_URL: 'http://127.0.0.1:9999',
        WHATSAPP_GRAPH_VERSION: 'v19.0',
      }).whatsapp,
    ).toMatchObject({ graphBaseUrl: 'http://127.0.0.1:9999', apiVersion: 'v19.0' });
  });

  it('resolves the default data directory at the repository root, not the cwd', () => {
    expect(DEFAULT_DATA_DIR).toBe(path.resolve(import.meta.dirname, '..', '..', '.data'));
  });

  it('reads every variable', () => {
    const config = loadConfig({
      ATENDO_HOST: '0.0.0.0',
      ATENDO_PORT: '8080',
      ATENDO_DATA_DIR: '/var/lib/atendo',
      ATENDO_PUBLIC_URL: 'https://atendo.example.com',
      ATENDO_SEED_DEMO: 'false',
      LOG_LEVEL: 'debug',
      ATENDO_SESSION_TTL_HOURS: '2',
      ATENDO_WEBCHAT_TOKEN_TTL_DAYS: '7',
      ATENDO_STREAM_ROUND_MS: '0',
    });
    expect(config).toMatchObject({
      host: '0.0.0.0',
      port: 8080,
      dataDir: '/var/lib/atendo',
      publicUrl: 'https://atendo.example.com',
      seedDemo: false,
      logLevel: 'debug',
      sessionTtlMs: 2 * 3_600_000,
      webchatTokenTtlMs: 7 * 86_400_000,
      streamRoundMs: 0,
    });
  });

  it.each(['postgres://atendo:s3cret@db.internal:5432/atendo', 'postgresql://db/atendo'])(
    'accepts the PostgreSQL URL %s',
    (url) => {
      expect(loadConfig({ ATENDO_DATABASE_URL: url }).databaseUrl).toBe(url);
    },
  );

  it('never repeats a rejected database URL, which may hold a password', () => {
    const thrown = (() => {
      try {
        return loadConfig({ ATENDO_DATABASE_URL: 'mysql://atendo:s3cret@db/atendo' });
      } catch (error) {
        return error;
      }
    })();
    expect(thrown).toBeInstanceOf(ConfigError);
    expect(String(thrown)).toContain('ATENDO_DATABASE_URL');
    expect(String(thrown)).not.toContain('s3cret');
  });

  it('treats empty variables as unset', () => {
    expect(loadConfig({ ATENDO_PORT: '' }).port).toBe(4310);
  });

  it.each([
    ['ATENDO_PORT', 'abc'],
    ['ATENDO_PORT', '70000'],
    ['ATENDO_SEED_DEMO', 'maybe'],
    ['LOG_LEVEL', 'loud'],
    ['ATENDO_PUBLIC_URL', 'not a url'],
    ['ATENDO_SESSION_TTL_HOURS', '-1'],
    ['ATENDO_WEBCHAT_TOKEN_TTL_DAYS', '0'],
    ['ATENDO_WEBCHAT_TOKEN_TTL_DAYS', 'forever'],
    ['ATENDO_STREAM_ROUND_MS', '-1'],
    ['ATENDO_STREAM_ROUND_MS', '5000'],
    ['WHATSAPP_GRAPH_BASE_URL', 'graph'],
    ['WHATSAPP_GRAPH_VERSION', '21'],
    ['ATENDO_DATABASE_URL', 'mysql://user:pw@db/atendo'],
    ['ATENDO_DATABASE_URL', 'postgres:/atendo'],
    ['ATENDO_DATABASE_URL', 'atendo.sqlite'],
  ])('rejects %s=%s naming the variable', (name, value) => {
    expect(() => loadConfig({ [name]: value })).toThrow(ConfigError);
    expect(() => loadConfig({ [name]: value })).toThrow(name);
  });
});
