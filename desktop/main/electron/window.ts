import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { BrowserWindow, dialog, screen, shell } from 'electron';
import { checkExternalUrl } from '../external-url';
import type { Logger } from '../logger';
import type { MainMessages } from '../messages';
import { decideNavigation, type AppLocation } from '../navigation-guard';
import { MIN_SIZE, restoreWindowState, type WindowState } from '../window-state';

export type WindowOptions = {
  preload: string;
  entryUrl: string;
  app: AppLocation;
  userData: string;
  log: Logger;
  /** Read when needed, so the dialog follows a language the agent picked later. */
  messages: () => MainMessages;
};

async function loadSavedState(file: string): Promise<unknown> {
  try {
    return JSON.parse(await readFile(file, 'utf8'));
  } catch {
    return null;
  }
}

function currentState(win: BrowserWindow): WindowState {
  const b = win.getNormalBounds();
  return { x: b.x, y: b.y, width: b.width, height: b.height, maximized: win.isMaximized() };
}

/** Every navigation and new window is cancelled unless it is the app's own page. */
function guardNavigation(win: BrowserWindow, app: AppLocation, log: Logger): void {
  const contents = win.webContents;
  const openOutside = (url: string) => {
    const checked = checkExternalUrl(url);
    if (checked.ok) void shell.openExternal(checked.url);
    else log.warn({ url: url.slice(0, 200), why: checked.details.why }, 'external URL refused');
  };
  contents.setWindowOpenHandler(({ url }) => {
    const decision = decideNavigation(url, app, 'new-window');
    if (decision.action === 'deny' && decision.openExternally) openOutside(url);
    return { action: 'deny' };
  });
  const onNavigate = (event: { preventDefault: () => void }, url: string) => {
    if (decideNavigation(url, app, 'navigate').action === 'allow') return;
    event.preventDefault();
    log.warn({ url: url.slice(0, 200) }, 'navigation blocked');
  };
  contents.on('will-navigate', onNavigate);
  contents.on('will-redirect', onNavigate);
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
  });
}

/** A crashed or killed renderer leaves a blank window: offer to reload instead. */
function offerReloadOnCrash(win: BrowserWindow, options: WindowOptions): void {
  const offer = async (why: string) => {
    options.log.error({ why }, 'renderer gone');
    const text = options.messages();
    const { response } = await dialog.showMessageBox(win, {
      type: 'error',
      message: text.crashMessage,
      detail: text.crashDetail(why),
      buttons: [text.crashReload, text.crashClose],
      defaultId: 0,
      cancelId: 1,
    });
    if (response === 0) win.webContents.reload();
    else win.close();
  };
  win.webContents.on('render-process-gone', (_event, details) => {
    if (details.reason !== 'clean-exit') void offer(details.reason);
  });
  win.on('unresponsive', () => void offer('unresponsive'));
}

export async function createMainWindow(options: WindowOptions): Promise<BrowserWindow> {
  const stateFile = join(options.userData, 'window-state.json');
  const areas = screen.getAllDisplays().map((d) => d.workArea);
  const primary = screen.getPrimaryDisplay().workArea;
  const state = restoreWindowState(await loadSavedState(stateFile), [primary, ...areas]);
  const win = new BrowserWindow({
    ...state,
    minWidth: MIN_SIZE.width,
    minHeight: MIN_SIZE.height,
    show: false,
    title: 'Atendo',
    webPreferences: {
      preload: options.preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: true,
    },
  });
  guardNavigation(win, options.app, options.log);
  offerReloadOnCrash(win, options);
  win.once('ready-to-show', () => {
    if (state.maximized) win.maximize();
    win.show();
  });
  win.on('close', () => {
    void writeFile(stateFile, JSON.stringify(currentState(win))).catch(() => undefined);
  });
  await win.loadURL(options.entryUrl);
  return win;
}

export function focusWindow(win: BrowserWindow | null): void {
  if (!win || win.isDestroyed()) return;
  if (win.isMinimized()) win.restore();
  win.show();
  win.focus();
}
