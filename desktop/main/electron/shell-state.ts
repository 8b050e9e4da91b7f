import type { BrowserWindow } from 'electron';
import type { AgentContext, EventChannel, EventPayload } from '@atendo/shared/ipc/contract';
import type { ResolvedSettings } from '@atendo/shared/ipc/settings';
import type { PolicyRecord } from '../policy/policy-record';
import type { Logger } from '../logger';

/** What the electron layer knows at runtime; one object so the wiring files share it. */
export type Shell = {
  log: Logger;
  window: BrowserWindow | null;
  policy: PolicyRecord;
  resolved: ResolvedSettings;
  agent: AgentContext;
};

export function sendToRenderer<C extends EventChannel>(
  shell: Shell,
  channel: C,
  payload: EventPayload<C>,
): void {
  const win = shell.window;
  if (win && !win.isDestroyed()) win.webContents.send(channel, payload);
}

export const SIGNED_OUT: AgentContext = {
  agentId: null,
  teamIds: [],
  presence: 'available',
  openConversationId: null,
};
