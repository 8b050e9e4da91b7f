import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { app, BrowserWindow, session } from 'electron';
import { contentSecurityPolicy } from '../csp';
import { findDeepLinkInArgv, parseDeepLink } from '../deep-link';
import { fileLogger } from '../logger';
import { APP_ORIGIN } from '../navigation-guard';
import { resolveSettings } from '../policy/precedence';
import { handleAppProtocol, registerAppScheme } from './app-protocol';
import { registerIpc } from './ipc';
import { parseTelLink, telScheme } from '../tel-link';
import { createTray, notifyCall } from './notifier';
import { loadMachinePolicy } from './policy-loader';
import { sendToRenderer, shellMessages, SIGNED_OUT, type Shell } from './shell-state';
import { startAutoUpdates } from './updater';
import { mergeUserSettings, userSettingsStore } from './user-settings-store';
import { createMainWindow, focusWindow } from './window';

/**
 * The Electron entry point: it only wires the electron-free modules together. Fuses
 * (runAsNode off, asar only, …) are flipped at packaging time by electron-builder.
 */
const devServer = process.env.ATENDO_DEV_SERVER_URL ?? null;
const appLocation = { origin: devServer ? new URL(devServer).origin : APP_ORIGIN };
const entryUrl = devServer ?? `${APP_ORIGIN}/index.html`;
const resources = app.isPackaged ? process.resourcesPath : join(app.getAppPath(), '..', 'build');

registerAppScheme();
app.enableSandbox();

if (!app.requestSingleInstanceLock()) {
  app.exit(0);
} else {
  void start();
}

/** A tel:/callto: link asks the renderer to show that number's contact; it never dials. */
function handleTelLink(shell: Shell, raw: string): void {
  const decision = parseTelLink(raw, shell.resolved.settings.defaultCountry);
  if (!decision.ok) {
    shell.log.warn({ why: decision.details.why }, 'tel link refused');
    return;
  }
  focusWindow(shell.window);
  sendToRenderer(shell, 'event:dial-request', decision.request);
}

function handleDeepLink(shell: Shell, raw: string): void {
  if (telScheme(raw) !== null) {
    handleTelLink(shell, raw);
    return;
  }
  const decision = parseDeepLink(raw, shell.resolved.settings.defaultCountry);
  if (!decision.ok) {
    shell.log.warn({ why: decision.details.why }, 'deep link refused');
    return;
  }
  focusWindow(shell.window);
  if (decision.link.kind === 'call') notifyCall(shell, decision.link);
  else sendToRenderer(shell, 'event:deep-link', decision.link);
}

async function start(): Promise<void> {
  app.setAsDefaultProtocolClient('atendo');
  const userData = app.getPath('userData');
  mkdirSync(join(userData, 'logs'), { recursive: true });
  const log = fileLogger(join(userData, 'logs', 'main.log'));
  const store = userSettingsStore(userData);
  const policy = await loadMachinePolicy(process.resourcesPath, log);
  let user = await store.load();
  const shell: Shell = {
    log,
    window: null,
    policy,
    resolved: resolveSettings(policy, user),
    agent: SIGNED_OUT,
    systemLocales: [],
  };

  // Deep links that arrive before the window exists wait here, then open once it is ready.
  let pending: string | null = findDeepLinkInArgv(process.argv);
  app.on('second-instance', (_event, argv) => {
    const link = findDeepLinkInArgv(argv);
    if (link) handleDeepLink(shell, link);
    else focusWindow(shell.window);
  });
  app.on('open-url', (event, url) => {
    event.preventDefault();
    if (shell.window) handleDeepLink(shell, url);
    else pending = url;
  });

  await app.whenReady();
  // The system languages are only known once the app is ready.
  shell.systemLocales = [...app.getPreferredSystemLanguages(), app.getLocale()];
  const csp = () => contentSecurityPolicy(shell.resolved.settings.serverUrl, devServer);
  handleAppProtocol({
    rendererDir: join(__dirname, '..', 'renderer'),
    soundsDir: join(resources, 'sounds'),
    csp,
  });
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
  if (pending) handleDeepLink(shell, pending);
  pending = null;
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
  });
}
