import { app, Menu, nativeImage, Notification, Tray } from 'electron';
import type { BadgeCounts, CallLink, NotificationEvent } from '@atendo/shared/ipc/contract';
import { badgeView } from '../badge';
import {
  routeCallNotification,
  routeNotification,
  type NotificationRouting,
  type ShellState,
} from '../notifications/routing';
import { focusWindow } from './window';
import { sendToRenderer, type Shell } from './shell-state';

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
    present(shell, 'Chamada recebida', link.number, true, routing.sound, () => {
      sendToRenderer(shell, 'event:deep-link', link);
    });
  }
  sendToRenderer(shell, 'event:deep-link', link);
}

let tray: Tray | null = null;

export function createTray(shell: Shell, iconPath: string): void {
  tray = new Tray(nativeImage.createFromPath(iconPath));
  tray.setToolTip('Atendo');
  tray.on('click', () => {
    focusWindow(shell.window);
  });
  tray.setContextMenu(
    Menu.buildFromTemplate([
      {
        label: 'Abrir o Atendo',
        click: () => {
          focusWindow(shell.window);
        },
      },
      { type: 'separator' },
      {
        label: 'Sair',
        click: () => {
          app.quit();
        },
      },
    ]),
  );
}

export function showBadge(shell: Shell, counts: BadgeCounts): void {
  const view = badgeView(counts);
  // The dock (macOS) and Unity launchers (Linux) show the number; Windows shows it on the tray.
  app.setBadgeCount(view.count);
  tray?.setToolTip(view.tooltip);
  if (process.platform === 'darwin') tray?.setTitle(view.label);
  const win = shell.window;
  if (win && !win.isDestroyed() && !win.isFocused() && view.count > 0) win.flashFrame(true);
}
