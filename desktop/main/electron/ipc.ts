import { app, ipcMain, type IpcMainInvokeEvent } from 'electron';
import {
  INVOKE_CONTRACT,
  type InvokeChannel,
  type InvokeRequest,
  type InvokeResponse,
} from '@atendo/shared/ipc/contract';
import { planDial } from '../dialer/dial-plan';
import { checkExternalUrl } from '../external-url';
import { isAppUrl, type AppLocation } from '../navigation-guard';
import { runDialAction } from './dialer-runner';
import { dialLoopsBack } from '../tel-link';
import { agentChanged } from './links';
import { notifyDomainEvent, refreshTray, showBadge } from './notifier';
import type { Shell } from './shell-state';
import { focusWindow } from './window';
import { shell as electronShell } from 'electron';

type Handlers = {
  [C in InvokeChannel]: (
    request: InvokeRequest<C>,
  ) => Promise<InvokeResponse<C>> | InvokeResponse<C>;
};

export type SettingsUpdater = (
  patch: InvokeRequest<'settings:update'>,
) => Promise<InvokeResponse<'settings:update'>>;

function handlers(shell: Shell, updateSettings: SettingsUpdater): Handlers {
  return {
    'app:info': () => ({
      version: app.getVersion(),
      platform: process.platform,
      shell: 'electron',
    }),
    'settings:get': () => shell.resolved,
    'settings:update': (patch) => updateSettings(patch),
    'dialer:call': async ({ number }) => {
      const { dialer, defaultCountry } = shell.resolved.settings;
      const plan = planDial(number, dialer, defaultCountry);
      if (!plan.ok) return plan;
      // Atendo answering tel: itself would get its own call back instead of a softphone.
      if (dialLoopsBack(dialer, (scheme) => app.isDefaultProtocolClient(scheme))) {
        shell.log.warn({ scheme: dialer.uriScheme }, 'dialer scheme is handled by Atendo');
        return { ok: false, reason: 'forbidden', details: { why: 'dialer-loops-back' } };
      }
      const done = await runDialAction(plan.action, shell.log);
      if (!done) return { ok: false, reason: 'forbidden', details: { why: 'dialer-failed' } };
      return { ok: true, via: plan.action.kind, number: plan.number };
    },
    'shell:open-external': async ({ url }) => {
      const checked = checkExternalUrl(url);
      if (checked.ok) await electronShell.openExternal(checked.url);
      return { ok: checked.ok };
    },
    'notifications:event': (event) => {
      const routing = notifyDomainEvent(shell, event);
      return { shown: routing.show, reason: routing.show ? 'shown' : routing.reason };
    },
    'agent:context': (context) => {
      shell.agent = context;
      refreshTray(shell);
      agentChanged(shell);
      return { ok: true };
    },
    'badge:set': (counts) => {
      showBadge(shell, counts);
      return { ok: true };
    },
    'window:focus': () => {
      focusWindow(shell.window);
      return { ok: true };
    },
    'session:load': async () => ({ session: await shell.vault.load() }),
    'session:save': async (session) => ({ ok: true, protection: await shell.vault.save(session) }),
    'session:clear': async () => {
      await shell.vault.clear();
      return { ok: true };
    },
  };
}

/**
 * Registers one handler per contract channel. Each checks that the request comes from the
 * app's own page and parses it with the contract's schema before the handler sees it.
 */
export function registerIpc(shell: Shell, app: AppLocation, updateSettings: SettingsUpdater): void {
  const table = handlers(shell, updateSettings);
  for (const channel of Object.keys(INVOKE_CONTRACT) as InvokeChannel[]) {
    const schema = INVOKE_CONTRACT[channel].request;
    const handle = table[channel] as (request: unknown) => unknown;
    ipcMain.handle(channel, (event: IpcMainInvokeEvent, raw: unknown) => {
      const sender = event.senderFrame?.url ?? '';
      if (!isAppUrl(sender, app)) {
        shell.log.warn(
          { channel, sender: sender.slice(0, 200) },
          'IPC from a foreign frame refused',
        );
        throw new Error('forbidden');
      }
      const parsed = schema.safeParse(raw);
      if (!parsed.success) {
        shell.log.warn({ channel, issues: parsed.error.issues.length }, 'invalid IPC request');
        throw new Error('invalid-input');
      }
      return handle(parsed.data);
    });
  }
}
