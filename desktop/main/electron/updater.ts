import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { app, Notification } from 'electron';
import { autoUpdater, NsisUpdater, type UpdateInfo } from 'electron-updater';
import type { Logger } from '../logger';
import {
  decideUpdates,
  detectInstallKind,
  FIRST_CHECK_DELAY_MS,
  type UpdateDecision,
} from '../update/update-policy';
import {
  loggedVerifier,
  publisherNamesFromAppUpdateYml,
  requireSignature,
  windowsUpdateSigning,
} from '../update/update-signature';
import { shellMessages, type Shell } from './shell-state';

/** electron-updater logs plain strings; they go to the shell's log file as one field. */
function updaterLogger(log: Logger) {
  const text = (message: unknown) => ({ updater: String(message).slice(0, 2000) });
  return {
    info: (message?: unknown) => {
      log.info(text(message), 'updater');
    },
    warn: (message?: unknown) => {
      log.warn(text(message), 'updater');
    },
    error: (message?: unknown) => {
      log.error(text(message), 'updater');
    },
  };
}

/** Tells the agent, once, that the downloaded version installs on quit; it asks nothing. */
function announceReady(shell: Shell, info: UpdateInfo): void {
  if (!Notification.isSupported()) return;
  const n = new Notification({
    title: 'Atendo',
    body: shellMessages(shell).updateReady(info.version),
    silent: true,
  });
  n.show();
}

/** electron-builder writes the update server and the Windows publisher names here. */
function readAppUpdateYml(): string | null {
  try {
    return readFileSync(join(process.resourcesPath, 'app-update.yml'), 'utf8');
  } catch {
    return null;
  }
}

function listen(shell: Shell, decision: Extract<UpdateDecision, { update: true }>): void {
  const { log } = shell;
  autoUpdater.on('update-available', (info) => {
    log.info({ version: info.version, mode: decision.mode }, 'update available');
  });
  autoUpdater.on('update-not-available', (info) => {
    log.info({ version: info.version }, 'no update');
  });
  autoUpdater.on('update-downloaded', (info) => {
    log.info({ version: info.version }, 'update downloaded; installs on quit');
    announceReady(shell, info);
  });
  autoUpdater.on('error', (error) => {
    log.warn({ error: error.message.slice(0, 500) }, 'update check failed');
  });
}

/**
 * Starts background update checks when update-policy allows them. Nothing here shows a dialog
 * or asks to download: `install` mode downloads silently and installs when the app quits,
 * `check-only` mode (an MSI whose policy allows updates) only logs what is available.
 */
export function startAutoUpdates(shell: Shell): void {
  const install = detectInstallKind({
    platform: process.platform,
    isPackaged: app.isPackaged,
    execPath: process.execPath,
    env: process.env,
    productName: app.getName(),
    exists: existsSync,
  });
  const publisherNames = publisherNamesFromAppUpdateYml(readAppUpdateYml());
  const signing = windowsUpdateSigning(install, publisherNames);
  const decision = requireSignature(
    decideUpdates({ install, policyAutoUpdate: shell.policy.AutoUpdate }),
    signing,
  );
  shell.log.info({ install, decision, signing, publisherNames }, 'auto-update decision');
  if (!decision.update) return;
  if (autoUpdater instanceof NsisUpdater) {
    autoUpdater.verifyUpdateCodeSignature = loggedVerifier(
      autoUpdater.verifyUpdateCodeSignature,
      shell.log,
    );
  }
  autoUpdater.logger = updaterLogger(shell.log);
  autoUpdater.autoDownload = decision.mode === 'install';
  autoUpdater.autoInstallOnAppQuit = decision.mode === 'install';
  autoUpdater.allowPrerelease = false;
  autoUpdater.allowDowngrade = false;
  // Atendo ships full NSIS installers only; a web installer's payload would be checked by hash.
  autoUpdater.disableWebInstaller = true;
  listen(shell, decision);
  const check = () => {
    autoUpdater.checkForUpdates().catch((error: unknown) => {
      shell.log.warn({ error: String(error).slice(0, 500) }, 'update check failed');
    });
  };
  setTimeout(check, FIRST_CHECK_DELAY_MS).unref();
  setInterval(check, decision.intervalMs).unref();
}
