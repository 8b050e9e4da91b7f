/**
 * Whether this copy of Atendo may update itself, decided from how it was installed and what
 * machine policy says. The product rule: an IT-managed install (the per-machine MSI, a deb from
 * the company's repository) never replaces itself behind IT's back; the per-user NSIS build,
 * the AppImage and the macOS app update themselves unless policy says no.
 */

export type InstallKind =
  | 'dev'
  | 'msi-per-machine'
  | 'nsis-per-user'
  | 'windows-portable'
  | 'appimage'
  | 'deb'
  | 'macos-app'
  | 'unknown';

export type InstallProbe = {
  platform: NodeJS.Platform;
  isPackaged: boolean;
  /** process.execPath: the app's executable. */
  execPath: string;
  env: Readonly<Record<string, string | undefined>>;
  productName: string;
  exists: (path: string) => boolean;
};

function parentDir(path: string): string {
  const at = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
  return at <= 0 ? path : path.slice(0, at);
}

/**
 * The MSI and the NSIS setup ship the same files, so the install is told apart on disk: the
 * NSIS installer leaves "Uninstall <product>.exe" beside the executable, the MSI does not
 * (Windows Installer keeps its own uninstall data). A Windows copy without that file is
 * therefore treated as managed, which errs on the side of not updating.
 */
export function detectInstallKind(probe: InstallProbe): InstallKind {
  if (!probe.isPackaged) return 'dev';
  switch (probe.platform) {
    case 'win32': {
      if (probe.env.PORTABLE_EXECUTABLE_DIR) return 'windows-portable';
      const uninstaller = `${parentDir(probe.execPath)}\\Uninstall ${probe.productName}.exe`;
      return probe.exists(uninstaller) ? 'nsis-per-user' : 'msi-per-machine';
    }
    case 'darwin':
      return 'macos-app';
    case 'linux':
      return probe.env.APPIMAGE ? 'appimage' : 'deb';
    default:
      return 'unknown';
  }
}

export type UpdateInputs = {
  install: InstallKind;
  /** The `AutoUpdate` key of machine policy, undefined when IT did not set it. */
  policyAutoUpdate: boolean | undefined;
};

export type UpdateSkipReason =
  | 'dev-build'
  | 'disabled-by-policy'
  | 'managed-install'
  | 'package-manager'
  | 'unsupported-install';

export type UpdateDecision =
  | {
      update: true;
      /**
       * `install`: download in the background and install when the app quits. `check-only`:
       * look for a new version and log it, but download nothing.
       */
      mode: 'install' | 'check-only';
      intervalMs: number;
    }
  | { update: false; reason: UpdateSkipReason };

export const UPDATE_CHECK_INTERVAL_MS = 4 * 60 * 60 * 1000;
/** The first check waits for start-up to settle, so it never competes with sign-in. */
export const FIRST_CHECK_DELAY_MS = 60 * 1000;

const install = (mode: 'install' | 'check-only'): UpdateDecision => ({
  update: true,
  mode,
  intervalMs: UPDATE_CHECK_INTERVAL_MS,
});

/**
 * The decision table. `AutoUpdate=false` (GPO, profile, policy.json or the MSI's
 * DISABLE_AUTO_UPDATES=1) always wins. The MSI only checks even when policy allows updates:
 * electron-updater installs the per-user NSIS setup, which would put a second copy beside the
 * per-machine one instead of upgrading it; IT ships the next MSI.
 */
export function decideUpdates({ install: kind, policyAutoUpdate }: UpdateInputs): UpdateDecision {
  if (kind === 'dev') return { update: false, reason: 'dev-build' };
  if (policyAutoUpdate === false) return { update: false, reason: 'disabled-by-policy' };
  switch (kind) {
    case 'msi-per-machine':
      return policyAutoUpdate === true
        ? install('check-only')
        : { update: false, reason: 'managed-install' };
    case 'deb':
      return { update: false, reason: 'package-manager' };
    case 'windows-portable':
    case 'unknown':
      return { update: false, reason: 'unsupported-install' };
    case 'nsis-per-user':
    case 'appimage':
    case 'macos-app':
      return install('install');
  }
}
