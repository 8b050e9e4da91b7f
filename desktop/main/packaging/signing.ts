/**
 * Code signing for the installers, driven by the build machine's environment so that a build
 * without certificates (a developer's laptop, CI for pull requests) still works and produces
 * unsigned installers, while IT's release build signs. Pure: `withSigning(config, env)` returns
 * the electron-builder configuration to use; electron-builder.config.ts applies it to
 * electron-builder.yml. What each variable does is in docs/deployment.md, "Signing".
 *
 * electron-builder reads some variables itself and needs no configuration for them:
 * `WIN_CSC_LINK`/`CSC_LINK` and `WIN_CSC_KEY_PASSWORD`/`CSC_KEY_PASSWORD` (a .pfx for signtool),
 * `CSC_LINK`/`CSC_NAME` (the macOS Developer ID), and `APPLE_ID`, `APPLE_APP_SPECIFIC_PASSWORD`,
 * `APPLE_TEAM_ID` or `APPLE_API_KEY`, `APPLE_API_KEY_ID`, `APPLE_API_ISSUER` (notarization, with
 * `mac.notarize: true`). The ones below need configuration, so they are ours.
 */
export type BuildEnv = Readonly<Record<string, string | undefined>>;
export type BuilderConfig = Record<string, unknown>;

export type WindowsSigner = 'signtool-pfx' | 'signtool-store' | 'azure-trusted-signing' | 'none';

export type SigningPlan = {
  windows: WindowsSigner;
  /**
   * The certificate subjects an installed app accepts updates from (app-update.yml's
   * `publisherName`). Null: electron-builder takes the common name from the certificate, or,
   * unsigned, writes none, and the app then refuses to install updates (update-signature.ts).
   */
  publisherNames: string[] | null;
  macIdentity: boolean;
  notarize: 'apple-id' | 'api-key' | 'keychain-profile' | 'none';
  /** ATENDO_REQUIRE_SIGNING=1: stop the build rather than ship an unsigned installer. */
  required: boolean;
};

const set = (env: BuildEnv, name: string): string | null => {
  const value = env[name]?.trim();
  return value === undefined || value === '' ? null : value;
};

/** One subject per line: several while a certificate is being replaced. */
function publisherNames(env: BuildEnv): string[] | null {
  const raw = set(env, 'ATENDO_WIN_PUBLISHER_NAME');
  if (raw === null) return null;
  const names = raw
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '');
  return names.length > 0 ? names : null;
}

function windowsSigner(env: BuildEnv): WindowsSigner {
  if (set(env, 'ATENDO_AZURE_SIGNING_ENDPOINT') !== null) return 'azure-trusted-signing';
  if (set(env, 'ATENDO_WIN_CERT_SHA1') !== null || set(env, 'ATENDO_WIN_CERT_SUBJECT') !== null)
    return 'signtool-store';
  if (set(env, 'WIN_CSC_LINK') !== null || set(env, 'CSC_LINK') !== null) return 'signtool-pfx';
  return 'none';
}

function notarization(env: BuildEnv): SigningPlan['notarize'] {
  if (set(env, 'APPLE_API_KEY') && set(env, 'APPLE_API_KEY_ID') && set(env, 'APPLE_API_ISSUER'))
    return 'api-key';
  if (set(env, 'APPLE_ID') && set(env, 'APPLE_APP_SPECIFIC_PASSWORD') && set(env, 'APPLE_TEAM_ID'))
    return 'apple-id';
  if (set(env, 'APPLE_KEYCHAIN') && set(env, 'APPLE_KEYCHAIN_PROFILE')) return 'keychain-profile';
  return 'none';
}

export function signingPlan(env: BuildEnv): SigningPlan {
  return {
    windows: windowsSigner(env),
    publisherNames: publisherNames(env),
    macIdentity: set(env, 'CSC_LINK') !== null || set(env, 'CSC_NAME') !== null,
    notarize: notarization(env),
    required: set(env, 'ATENDO_REQUIRE_SIGNING') === '1',
  };
}

function azureOptions(env: BuildEnv, names: string[] | null): BuilderConfig {
  const missing = [
    'ATENDO_AZURE_SIGNING_ACCOUNT',
    'ATENDO_AZURE_SIGNING_PROFILE',
    'ATENDO_WIN_PUBLISHER_NAME',
  ].filter((name) => set(env, name) === null);
  // Without a publisher name electron-builder writes none into app-update.yml, and the
  // installed app could not check its updates: refuse to build such a release.
  if (missing.length > 0 || names === null) {
    throw new Error(`Azure Trusted Signing needs ${missing.join(', ')} as well`);
  }
  return {
    endpoint: set(env, 'ATENDO_AZURE_SIGNING_ENDPOINT'),
    codeSigningAccountName: set(env, 'ATENDO_AZURE_SIGNING_ACCOUNT'),
    certificateProfileName: set(env, 'ATENDO_AZURE_SIGNING_PROFILE'),
    // Azure's certificates are renewed daily under the same subject: one name is enough.
    publisherName: names[0],
  };
}

function signtoolOptions(env: BuildEnv, base: unknown, names: string[] | null): BuilderConfig {
  const options: BuilderConfig = typeof base === 'object' && base !== null ? { ...base } : {};
  const sha1 = set(env, 'ATENDO_WIN_CERT_SHA1');
  const subject = set(env, 'ATENDO_WIN_CERT_SUBJECT');
  if (sha1 !== null) options.certificateSha1 = sha1;
  else if (subject !== null) options.certificateSubjectName = subject;
  if (names !== null) options.publisherName = names;
  return options;
}

/** electron-builder.yml with the signing this environment asks for. */
export function withSigning(config: BuilderConfig, env: BuildEnv): BuilderConfig {
  const plan = signingPlan(env);
  const win: BuilderConfig =
    typeof config.win === 'object' && config.win !== null ? { ...config.win } : {};
  if (plan.windows === 'azure-trusted-signing') {
    delete win.signtoolOptions;
    win.azureSignOptions = azureOptions(env, plan.publisherNames);
  } else {
    win.signtoolOptions = signtoolOptions(env, win.signtoolOptions, plan.publisherNames);
  }
  return { ...config, win, ...(plan.required ? { forceCodeSigning: true } : {}) };
}
