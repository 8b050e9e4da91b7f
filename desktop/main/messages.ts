import type { Locale } from '@atendo/shared/schemas/common';

/**
 * The few texts the main process shows itself (tray, crash dialog, call notification, badge
 * tooltip). The workspace's own texts live in the renderer's i18next tables; main needs so few
 * that a plain table is enough, and it must work before the renderer has loaded.
 */
export type MainMessages = {
  trayOpen: string;
  trayQuit: string;
  crashMessage: string;
  crashDetail: (why: string) => string;
  crashReload: string;
  crashClose: string;
  incomingCall: string;
  queued: (count: number) => string;
  unread: (count: number) => string;
  updateReady: (version: string) => string;
};

const ptBR: MainMessages = {
  trayOpen: 'Abrir o Atendo',
  trayQuit: 'Sair',
  crashMessage: 'O Atendo parou de responder.',
  crashDetail: (why) => `Motivo: ${why}. Recarregar a janela?`,
  crashReload: 'Recarregar',
  crashClose: 'Fechar',
  incomingCall: 'Chamada recebida',
  queued: (n) => `${n} em espera`,
  unread: (n) => (n === 1 ? '1 não lida' : `${n} não lidas`),
  updateReady: (v) => `A versão ${v} será instalada quando o Atendo for fechado.`,
};

const en: MainMessages = {
  trayOpen: 'Open Atendo',
  trayQuit: 'Quit',
  crashMessage: 'Atendo stopped responding.',
  crashDetail: (why) => `Reason: ${why}. Reload the window?`,
  crashReload: 'Reload',
  crashClose: 'Close',
  incomingCall: 'Incoming call',
  queued: (n) => `${n} waiting`,
  unread: (n) => `${n} unread`,
  updateReady: (v) => `Version ${v} will be installed when Atendo closes.`,
};

export const MAIN_MESSAGES: Record<Locale, MainMessages> = { 'pt-BR': ptBR, en };

/** Reads one BCP 47 tag as one of our locales, or null when it is neither language. */
function localeOf(tag: string): Locale | null {
  const lower = tag.trim().toLowerCase();
  if (lower === 'pt' || lower.startsWith('pt-') || lower.startsWith('pt_')) return 'pt-BR';
  if (lower === 'en' || lower.startsWith('en-') || lower.startsWith('en_')) return 'en';
  return null;
}

export type LocaleInputs = {
  /** The language the agent picked in the workspace, once the renderer has said so. */
  agent?: Locale | undefined;
  /** The machine policy's `Language`, for machines whose OS language is not the team's. */
  policy?: Locale | undefined;
  /** app.getPreferredSystemLanguages(), then app.getLocale(), strongest first. */
  system: readonly string[];
};

/**
 * The agent's own choice wins, then policy, then the first system language we have a table
 * for; other languages get English and no hint at all Portuguese, as in the renderer's
 * pickLocale, so the tray and the workspace agree.
 */
export function pickMainLocale({ agent, policy, system }: LocaleInputs): Locale {
  if (agent) return agent;
  if (policy) return policy;
  for (const tag of system) {
    const locale = localeOf(tag);
    if (locale) return locale;
  }
  return system.length === 0 ? 'pt-BR' : 'en';
}
