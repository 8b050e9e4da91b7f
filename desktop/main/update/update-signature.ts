import { load } from 'js-yaml';
import { z } from 'zod';
import type { Logger } from '../logger';
import type { InstallKind, UpdateDecision } from './update-policy';

/**
 * What protects an update on each system. electron-updater downloads `latest*.yml` and the
 * installer from the same server and checks the installer's sha512 against that file: that
 * catches a broken download, not a hostile server, which can publish both. Only a code
 * signature ties the update to the company that built the installed app:
 * - Windows (NSIS): electron-updater compares the installer's Authenticode signer with the
 *   `publisherName` list that electron-builder wrote into the installed app's
 *   `resources/app-update.yml` at build time, and refuses a mismatch
 *   (ERR_UPDATER_INVALID_SIGNATURE). Without a `publisherName` it skips the check entirely, so
 *   an unsigned build must not update itself at all: `windowsUpdateSigning` says so.
 * - macOS: Squirrel.Mac installs only an update signed with the running app's identity (an
 *   unsigned app cannot update itself).
 * - Linux AppImage: no signature exists; the sha512 is all there is (docs/deployment.md).
 */
const AppUpdateConfig = z.looseObject({
  publisherName: z.union([z.string().min(1), z.array(z.string().min(1))]).optional(),
});

/** The publisher names in app-update.yml; none when the file is missing, broken or silent. */
export function publisherNamesFromAppUpdateYml(text: string | null): string[] {
  if (text === null) return [];
  let raw: unknown;
  try {
    raw = load(text);
  } catch {
    return [];
  }
  const parsed = AppUpdateConfig.safeParse(raw);
  if (!parsed.success) return [];
  const names = parsed.data.publisherName;
  if (names === undefined) return [];
  return typeof names === 'string' ? [names] : names;
}

export type SigningCheck =
  | { ok: true; verifiedBy: 'authenticode' | 'not-windows' }
  | { ok: false; reason: 'unsigned-build' };

/**
 * A Windows install that installs updates (the per-user NSIS setup) needs publisher names to
 * check them against; without them any installer the update server offers would run. (The MSI
 * never installs an update, see update-policy.ts; other systems are covered above.)
 */
export function windowsUpdateSigning(
  install: InstallKind,
  publisherNames: readonly string[],
): SigningCheck {
  if (install !== 'nsis-per-user') return { ok: true, verifiedBy: 'not-windows' };
  if (publisherNames.length === 0) return { ok: false, reason: 'unsigned-build' };
  return { ok: true, verifiedBy: 'authenticode' };
}

export type SignedUpdateDecision = UpdateDecision | { update: false; reason: 'unsigned-build' };

/** An update that would be installed without a signature check is not installed at all. */
export function requireSignature(
  decision: UpdateDecision,
  check: SigningCheck,
): SignedUpdateDecision {
  if (!decision.update || decision.mode !== 'install' || check.ok) return decision;
  return { update: false, reason: check.reason };
}

export type VerifyUpdateCodeSignature = (
  publisherNames: string[],
  path: string,
) => Promise<string | null>;

/**
 * Wraps electron-updater's Windows verifier (Get-AuthenticodeSignature) so the log says what
 * was checked and what came out, and so an empty publisher list is a refusal rather than a
 * pass: `null` means "signed by one of these publishers", anything else is why not.
 */
export function loggedVerifier(
  verify: VerifyUpdateCodeSignature,
  log: Pick<Logger, 'info' | 'warn'>,
): VerifyUpdateCodeSignature {
  return async (publisherNames, path) => {
    if (publisherNames.length === 0) {
      log.warn({ path }, 'update refused: no publisher to verify against');
      return 'no publisherName in app-update.yml';
    }
    const problem = await verify(publisherNames, path);
    if (problem === null) log.info({ publisherNames }, 'update signature verified');
    else
      log.warn(
        { publisherNames, problem: problem.slice(0, 500) },
        'update refused: signature mismatch',
      );
    return problem;
  };
}
