import { app, Menu, nativeImage, Notification, Tray, type NativeImage } from 'electron';
import type { BadgeCounts, CallLink, NotificationEvent } from '@atendo/shared/ipc/contract';
import { badgeView } from '../badge';
import { OVERLAY_SCALE, overlayPng } from '../badge-icon';
import type { MainMessages } from '../messages';
import {
  routeCallNotification,
  routeNotification,
  type NotificationRouting,
  type ShellState,
} from '../notifications/routing';
import { focusWindow } from './window';
import { sendToRenderer, shellMessages, type Shell } from './shell-state';

/** Notifications must be kept referenced, or a click after garbage collection is lost. */
const live = new Set<Notification>();

function shellState(shell: Shell): ShellState {
  return {
    windowFocused: shell.window?.isFocused() ?? false,
    agent: shell.agent,
    settings: shell.resolved.settings.notifications,
  };
}

function present(
  shell: Shell,
  title: string,
  body: string,
  persistent: boolean,
  sound: string | null,
  onClick: () => void,
) {
  if (!Notification.isSupported()) return;
  const n = new Notification({
    title,
    body,
    silent: true,
    timeoutType: persistent ? 'never' : 'default',
    urgency: persistent ? 'critical' : 'normal',
  });
  live.add(n);
  n.on('click', () => {
    focusWindow(shell.window);
    onClick();
  });
  n.on('close', () => live.delete(n));
  n.show();
  if (sound) sendToRenderer(shell, 'event:play-sound', { sound });
}

export function notifyDomainEvent(shell: Shell, event: NotificationEvent): NotificationRouting {
  const routing = routeNotification(event, shellState(shell));
  if (routing.show) {
    const { plan } = routing;
    present(shell, plan.title, plan.body, plan.persistent, plan.sound, () => {
      sendToRenderer(shell, 'event:notification-click', { conversationId: plan.conversationId });
    });
  }
  return routing;
}

/** A softphone screen-pop: notify on ringing, and always tell the renderer to open the contact. */
export function notifyCall(shell: Shell, link: CallLink): void {
  const routing = routeCallNotification(link.event, shellState(shell));
  if (routing.show) {
    present(shell, shellMessages(shell).incomingCall, link.number, true, routing.sound, () => {
      sendToRenderer(shell, 'event:deep-link', link);
    });
  }
  sendToRenderer(shell, 'event:deep-link', link);
}

let tray: Tray | null = null;
let trayMessages: MainMessages | null = null;
let lastBadge: BadgeCounts = { queued: 0, unread: 0 };

/** Rebuilds the tray menu and tooltip when the language changed (the agent picked another). */
export function refreshTray(shell: Shell): void {
  if (!tray) return;
  const messages = shellMessages(shell);
  if (trayMessages === messages) return;
  trayMessages = messages;
  tray.setContextMenu(
    Menu.buildFromTemplate([
      {
        label: messages.trayOpen,
        click: () => {
          focusWindow(shell.window);
        },
      },
      { type: 'separator' },
      {
        label: messages.trayQuit,
        click: () => {
          app.quit();
        },
      },
    ]),
  );
  showBadge(shell, lastBadge);
}

export function createTray(shell: Shell, iconPath: string): void {
  tray = new Tray(nativeImage.createFromPath(iconPath));
  tray.setToolTip('Atendo');
  tray.on('click', () => {
    focusWindow(shell.window);
  });
  refreshTray(shell);
}

/** Overlay images by label ("1"…"9", "9+"): drawn once each. */
const overlays = new Map<string, NativeImage>();

function overlayImage(count: number): NativeImage | null {
  const drawn = overlayPng(count);
  if (drawn === null) return null;
  const cached = overlays.get(drawn.label);
  if (cached) return cached;
  const image = nativeImage.createFromBuffer(drawn.png, { scaleFactor: OVERLAY_SCALE });
  overlays.set(drawn.label, image);
  return image;
}

export function showBadge(shell: Shell, counts: BadgeCounts): void {
  lastBadge = counts;
  const view = badgeView(counts, shellMessages(shell));
  // The dock (macOS) and Unity launchers (Linux) show the number; Windows gets an overlay icon
  // on the taskbar button, described for screen readers by the tooltip text.
  app.setBadgeCount(view.count);
  tray?.setToolTip(view.tooltip);
  if (process.platform === 'darwin') tray?.setTitle(view.label);
  const win = shell.window;
  if (!win || win.isDestroyed()) return;
  if (process.platform === 'win32') win.setOverlayIcon(overlayImage(view.count), view.tooltip);
  if (!win.isFocused() && view.count > 0) win.flashFrame(true);
}
