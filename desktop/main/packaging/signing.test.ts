import { describe, expect, it } from 'vitest';
import {
  loadBuilderConfig,
  loadDistConfigWithElectronBuilder,
  validateBuilderConfig,
} from './builder-config';
import { signingPlan, withSigning, type BuildEnv } from './signing';

const yml = loadBuilderConfig();
const DN = 'CN=Atendo Tecnologia Ltda, O=Atendo Tecnologia Ltda, L=São Paulo, S=SP, C=BR';
const NEXT_DN = 'CN=Atendo Tecnologia S.A., O=Atendo Tecnologia S.A., L=São Paulo, S=SP, C=BR';
const AZURE: BuildEnv = {
  ATENDO_AZURE_SIGNING_ENDPOINT: 'https://eus.codesigning.azure.net',
  ATENDO_AZURE_SIGNING_ACCOUNT: 'atendo',
  ATENDO_AZURE_SIGNING_PROFILE: 'atendo-public',
  ATENDO_WIN_PUBLISHER_NAME: DN,
};
const win = (config: Record<string, unknown>) => config.win as Record<string, unknown>;

describe('withSigning: electron-builder.yml plus the build environment', () => {
  it.each<[string, BuildEnv]>([
    ['no certificates (a local build)', {}],
    ['a .pfx', { WIN_CSC_LINK: 'file:///secure/atendo.pfx', ATENDO_WIN_PUBLISHER_NAME: DN }],
    ['a certificate in the Windows store (HSM / EV token)', { ATENDO_WIN_CERT_SHA1: 'ab12' }],
    ['Azure Trusted Signing', AZURE],
    ['signing required', { ATENDO_REQUIRE_SIGNING: '1', CSC_LINK: 'x' }],
  ])('validates against app-builder-lib/scheme.json with %s', (_name, env) => {
    expect(() => {
      validateBuilderConfig(withSigning(yml, env));
    }).not.toThrow();
  });

  it('builds unsigned without certificates, still verifying updates and hashing with SHA-256', () => {
    const config = withSigning(yml, {});
    expect(win(config)).toMatchObject({
      verifyUpdateCodeSignature: true,
      signtoolOptions: { signingHashAlgorithms: ['sha256'] },
    });
    expect(win(config).signtoolOptions).not.toHaveProperty('publisherName');
    expect(config).not.toHaveProperty('forceCodeSigning');
    expect(signingPlan({})).toEqual({
      windows: 'none',
      publisherNames: null,
      macIdentity: false,
      notarize: 'none',
      required: false,
    });
  });

  it('writes every publisher name (one per line) for the update check', () => {
    const config = withSigning(yml, { ATENDO_WIN_PUBLISHER_NAME: `${DN}\n${NEXT_DN}\n` });
    expect(win(config).signtoolOptions).toMatchObject({ publisherName: [DN, NEXT_DN] });
  });

  it('signs with a certificate from the Windows store by thumbprint first', () => {
    const config = withSigning(yml, {
      ATENDO_WIN_CERT_SHA1: 'ab12',
      ATENDO_WIN_CERT_SUBJECT: 'Atendo',
    });
    expect(win(config).signtoolOptions).toMatchObject({ certificateSha1: 'ab12' });
    expect(win(config).signtoolOptions).not.toHaveProperty('certificateSubjectName');
  });

  it('uses Azure Trusted Signing instead of signtool when its endpoint is set', () => {
    const config = withSigning(yml, AZURE);
    expect(win(config)).not.toHaveProperty('signtoolOptions');
    expect(win(config).azureSignOptions).toEqual({
      endpoint: 'https://eus.codesigning.azure.net',
      codeSigningAccountName: 'atendo',
      certificateProfileName: 'atendo-public',
      publisherName: DN,
    });
    expect(signingPlan(AZURE).windows).toBe('azure-trusted-signing');
  });

  it('refuses Azure Trusted Signing without the publisher name the update check needs', () => {
    expect(() => withSigning(yml, { ...AZURE, ATENDO_WIN_PUBLISHER_NAME: undefined })).toThrow(
      /ATENDO_WIN_PUBLISHER_NAME/,
    );
  });

  it('fails the build rather than ship unsigned when signing is required', () => {
    expect(withSigning(yml, { ATENDO_REQUIRE_SIGNING: '1' })).toMatchObject({
      forceCodeSigning: true,
    });
  });

  it.each<[BuildEnv, string]>([
    [{ APPLE_API_KEY: 'k.p8', APPLE_API_KEY_ID: 'id', APPLE_API_ISSUER: 'iss' }, 'api-key'],
    [{ APPLE_ID: 'a@b', APPLE_APP_SPECIFIC_PASSWORD: 'p', APPLE_TEAM_ID: 't' }, 'apple-id'],
    [{ APPLE_ID: 'a@b' }, 'none'],
  ])('recognises notarization credentials %j as %s', (env, notarize) => {
    expect(signingPlan(env).notarize).toBe(notarize);
  });

  it('keeps the hardened runtime, entitlements and notarization on for macOS', () => {
    expect(withSigning(yml, {}).mac).toMatchObject({
      hardenedRuntime: true,
      notarize: true,
      entitlements: '../build/macos/entitlements.mac.plist',
    });
  });
});

describe('electron-builder.config.ts', () => {
  it('is what electron-builder loads: the yml with this environment’s signing', async () => {
    const loaded = await loadDistConfigWithElectronBuilder();
    expect(loaded).toEqual(withSigning(yml, process.env));
    expect(() => {
      validateBuilderConfig(loaded);
    }).not.toThrow();
  });
});
