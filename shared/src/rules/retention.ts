import { z } from 'zod';

/*
 * How long closed conversations and files are kept (LGPD: personal data is kept only as long as
 * its purpose needs). Both periods are off (null) until an admin sets them. The arithmetic is
 * pure: the server's timer passes `now` in, and tests pass any instant.
 */

export const RetentionSettings = z.object({
  /** Closed conversations (with their messages, files and CSAT answer) older than this go. */
  conversationMonths: z.number().int().min(1).max(120).nullable(),
  /** Files of closed conversations uploaded longer ago than this go; the messages stay. */
  fileDays: z.number().int().min(1).max(3650).nullable(),
});
export type RetentionSettings = z.infer<typeof RetentionSettings>;

export const RETENTION_OFF: RetentionSettings = { conversationMonths: null, fileDays: null };

const DAY_MS = 86_400_000;

/**
 * The same wall-clock instant `months` calendar months earlier, in UTC. A day that does not
 * exist in the target month is clamped to its last day (31 March minus one month is 28 or 29
 * February), so a period never reaches past the month it names.
 */
export function monthsBefore(now: number, months: number): number {
  const date = new Date(now);
  const totalMonths = date.getUTCFullYear() * 12 + date.getUTCMonth() - months;
  const year = Math.floor(totalMonths / 12);
  const month = totalMonths - year * 12;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return Date.UTC(
    year,
    month,
    Math.min(date.getUTCDate(), lastDay),
    date.getUTCHours(),
    date.getUTCMinutes(),
    date.getUTCSeconds(),
    date.getUTCMilliseconds(),
  );
}

export const daysBefore = (now: number, days: number): number => now - days * DAY_MS;

/** Instants before which things are removed; null where that retention is off. */
export type RetentionCutoffs = {
  /** Closed conversations whose `closedAt` is before this go. */
  conversationsClosedBefore: number | null;
  /** Files uploaded before this, in closed conversations, go. */
  filesCreatedBefore: number | null;
};

export function retentionCutoffs(settings: RetentionSettings, now: number): RetentionCutoffs {
  return {
    conversationsClosedBefore:
      settings.conversationMonths === null ? null : monthsBefore(now, settings.conversationMonths),
    filesCreatedBefore: settings.fileDays === null ? null : daysBefore(now, settings.fileDays),
  };
}

/** Whether a conversation is past its retention: closed, and closed before the cut-off. */
export function conversationExpired(
  conversation: { state: string; closedAt: number | null },
  cutoffs: RetentionCutoffs,
): boolean {
  const before = cutoffs.conversationsClosedBefore;
  return (
    before !== null &&
    conversation.state === 'closed' &&
    conversation.closedAt !== null &&
    conversation.closedAt < before
  );
}

/**
 * Whether a file is past its retention. Files of live conversations always stay: the agent
 * serving the contact may still need them.
 */
export function fileExpired(
  file: { createdAt: number },
  conversation: { state: string },
  cutoffs: RetentionCutoffs,
): boolean {
  const before = cutoffs.filesCreatedBefore;
  return before !== null && conversation.state === 'closed' && file.createdAt < before;
}
