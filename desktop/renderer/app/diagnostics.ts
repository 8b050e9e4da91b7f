/**
 * The renderer's diagnostics log: technical detail (a server's message, a channel's error text)
 * that must never be shown to an agent but that support needs. Same shape as pino's and the
 * shell's logger; entries are kept in a bounded in-memory ring (the newest 500), readable from
 * the developer tools as `atendoDiagnostics()`, so nothing grows without bound over a day.
 */
export type DiagnosticEntry = {
  level: 'info' | 'warn' | 'error';
  time: number;
  msg: string;
  fields: Record<string, unknown>;
};

const LIMIT = 500;
const entries: DiagnosticEntry[] = [];

const write =
  (level: DiagnosticEntry['level']) =>
  (fields: Record<string, unknown>, msg: string): void => {
    entries.push({ level, time: Date.now(), msg, fields });
    if (entries.length > LIMIT) entries.splice(0, entries.length - LIMIT);
  };

export const diagnostics = { info: write('info'), warn: write('warn'), error: write('error') };

export const diagnosticEntries = (): readonly DiagnosticEntry[] => entries;

if (typeof globalThis === 'object') {
  Object.assign(globalThis, { atendoDiagnostics: diagnosticEntries });
}
