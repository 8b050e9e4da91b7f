import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { app, BrowserWindow, safeStorage, session } from 'electron';
import { contentSecurityPolicy } from '../csp';
import { findDeepLinkInArgv } from '../deep-link';
import { decideDevServer, shellEntry } from '../dev-server';
import { fileLogger } from '../logger';
import { resolveSettings } from '../policy/precedence';
import { createSessionVault } from '../session-vault';
import { handleAppProtocol, registerAppScheme } from './app-protocol';
import { registerIpc } from './ipc';
import { guardPermissions } from './permissions';
import { agentChanged, receiveLink } from './links';
import { createTray } from './notifier';
import { loadMachinePolicy } from './policy-loader';
import { sendToRenderer, shellMessages, SIGNED_OUT, type Shell } from './shell-state';
import { startAutoUpdates } from './updater';
import { mergeUserSettings, userSettingsStore } from './user-settings-store';
import { createMainWindow, focusWindow } from './window';

/**
 * The Electron entry point: it only wires the electron-free modules together. Fuses
 * (runAsNode off, asar only, …) are flipped at packaging time by electron-builder.
 */
const devServerDecision = decideDevServer({
  isPackaged: app.isPackaged,
  value: process.env.ATENDO_DEV_SERVER_URL,
});
const { devServer, origin, entryUrl } = shellEntry(devServerDecision);
const appLocation = { origin };
const resources = app.isPackaged ? process.resourcesPath : join(app.getAppPath(), '..', 'build');

registerAppScheme();
app.enableSandbox();

/**
 * macOS delivers the link that launched the app through `open-url` very early, before start()
 * has read policy; those links are kept here until the shell exists.
 */
const earlyLinks: string[] = [];
let onOpenUrl = (url: string) => {
  earlyLinks.push(url);
};
app.on('open-url', (event, url) => {
  event.preventDefault();
  onOpenUrl(url);
});

if (!app.requestSingleInstanceLock()) {
  app.exit(0);
} else {
  void start();
}

async function start(): Promise<void> {
  app.setAsDefaultProtocolClient('atendo');
  const userData = app.getPath('userData');
  mkdirSync(join(userData, 'logs'), { recursive: true });
  const log = fileLogger(join(userData, 'logs', 'main.log'));
  const store = userSettingsStore(userData);
  if (!devServerDecision.use && devServerDecision.reason !== 'not-set') {
    log.warn(
      { reason: devServerDecision.reason, value: devServerDecision.value },
      'ATENDO_DEV_SERVER_URL ignored: only development builds load a dev server',
    );
  }
  const policy = await loadMachinePolicy(process.resourcesPath, log);
  let user = await store.load();
  const shell: Shell = {
    log,
    window: null,
    policy,
    resolved: resolveSettings(policy, user),
    agent: SIGNED_OUT,
    systemLocales: [],
    // Read and written only through IPC, i.e. after the app is ready, as safeStorage requires.
    vault: createSessionVault({
      file: join(userData, 'session.json'),
      safeStorage,
      platform: process.platform,
      log,
    }),
  };

  // Links (also the one this instance was started with) wait in the link gate until the
  // workspace has a signed-in agent; see links.ts.
  const startLink = findDeepLinkInArgv(process.argv);
  if (startLink) receiveLink(shell, startLink);
  app.on('second-instance', (_event, argv) => {
    const link = findDeepLinkInArgv(argv);
    if (link) receiveLink(shell, link);
    else focusWindow(shell.window);
  });
  onOpenUrl = (url) => {
    receiveLink(shell, url);
  };
  for (const url of earlyLinks.splice(0)) onOpenUrl(url);

  await app.whenReady();
  // The system languages are only known once the app is ready.
  shell.systemLocales = [...app.getPreferredSystemLanguages(), app.getLocale()];
  const csp = () => contentSecurityPolicy(shell.resolved.settings.serverUrl, devServer);
  handleAppProtocol({
    rendererDir: join(__dirname, '..', 'renderer'),
    soundsDir: join(resources, 'sounds'),
    csp,
  });
  guardPermissions(session.defaultSession, appLocation, log);
  session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
    callback({
      responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [csp()] },
    });
  });
  registerIpc(shell, appLocation, async (patch) => {
    user = mergeUserSettings(user, patch);
    await store.save(user);
    shell.resolved = resolveSettings(shell.policy, user);
    sendToRenderer(shell, 'event:settings-changed', shell.resolved);
    return shell.resolved;
  });
  createTray(shell, join(resources, 'icons', 'tray.png'));
  await openWindow(shell, userData);
  startAutoUpdates(shell);

  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) void openWindow(shell, userData);
    else focusWindow(shell.window);
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
}

async function openWindow(shell: Shell, userData: string): Promise<void> {
  shell.window = await createMainWindow({
    preload: join(__dirname, '..', 'preload', 'preload.cjs'),
    entryUrl,
    app: appLocation,
    userData,
    log: shell.log,
    messages: () => shellMessages(shell),
  });
  shell.window.on('closed', () => {
    shell.window = null;
    // A new window starts a new workspace, which must sign in and listen again.
    shell.agent = SIGNED_OUT;
    agentChanged(shell);
  });
}
