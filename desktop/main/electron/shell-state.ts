import type { BrowserWindow } from 'electron';
import type { AgentContext, EventChannel, EventPayload } from '@atendo/shared/ipc/contract';
import type { ResolvedSettings } from '@atendo/shared/ipc/settings';
import type { PolicyRecord } from '../policy/policy-record';
import type { Logger } from '../logger';
import type { SessionVault } from '../session-vault';
import { MAIN_MESSAGES, pickMainLocale, type MainMessages } from '../messages';

/** What the electron layer knows at runtime; one object so the wiring files share it. */
export type Shell = {
  log: Logger;
  window: BrowserWindow | null;
  policy: PolicyRecord;
  resolved: ResolvedSettings;
  agent: AgentContext;
  /** app.getPreferredSystemLanguages() and app.getLocale(), read once at start. */
  systemLocales: readonly string[];
  /** The signed-in agent's session between starts, encrypted with safeStorage. */
  vault: SessionVault;
};

/** Main's own texts in the agent's language (their choice, then policy, then the OS). */
export function shellMessages(shell: Shell): MainMessages {
  const locale = pickMainLocale({
    agent: shell.agent.locale,
    policy: shell.policy.Language,
    system: shell.systemLocales,
  });
  return MAIN_MESSAGES[locale];
}

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
