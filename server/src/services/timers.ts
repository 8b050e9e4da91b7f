import { botTimeoutEvent } from '@atendo/shared/rules/bot-menu';
import { nextState } from '@atendo/shared/rules/lifecycle';
import type { Conversation } from '@atendo/shared/schemas/conversation';
import type { Message, SystemEvent } from '@atendo/shared/schemas/message';
import { loadConversations } from '../repo/conversations';
import { inTransaction, type Deps } from './deps';
import { systemMessage, writeConversation } from './conversation-writer';
import { deliverMessage } from './delivery';
import { queuedNotice } from './inbound-reactions';
import { requireChannel, requireConversation } from './lookup';
import { removeOrphanUploads, removeUnrecordedFiles } from '../security/orphan-uploads';

export type TimerReport = {
  csatTimedOut: number;
  botTimedOut: number;
  /** Present when the pass also swept uploads (TimerOptions.orphanUploadGraceMs). */
  orphanUploadsRemoved?: number;
};

export type TimerOptions = {
  /** Uploads never attached to a message are removed this long after they came. */
  orphanUploadGraceMs?: number;
};

/**
 * Ends what is overdue at `now`: unanswered CSAT questions close the conversation, and contacts
 * idle in the bot menu are routed to the channel's default team or closed, as the menu says;
 * with a grace period, uploads never sent are removed (security/orphan-uploads.ts).
 * Each conversation is its own transaction; one that changed meanwhile is left alone.
 */
export async function runTimers(
  deps: Deps,
  now: number,
  options: TimerOptions = {},
): Promise<TimerReport> {
  const due = await deps.db
    .selectFrom('conversations')
    .select('id')
    .where((eb) =>
      eb.or([
        eb.and([eb('state', '=', 'awaiting_csat'), eb('csat_deadline', '<=', now)]),
        eb.and([eb('state', '=', 'bot'), eb('bot_deadline', '<=', now)]),
      ]),
    )
    .limit(1000)
    .execute();
  const report: TimerReport = { csatTimedOut: 0, botTimedOut: 0 };
  for (const conversation of await loadConversations(
    deps.db,
    due.map((r) => r.id),
  )) {
    const kind = await expire(deps, conversation.id, now);
    if (kind === 'csat') report.csatTimedOut += 1;
    if (kind === 'bot') report.botTimedOut += 1;
  }
  const grace = options.orphanUploadGraceMs;
  if (grace !== undefined) {
    report.orphanUploadsRemoved =
      (await removeOrphanUploads(deps, now, grace)) +
      (await removeUnrecordedFiles(deps, now, grace));
  }
  return report;
}

async function expire(deps: Deps, id: string, now: number): Promise<'csat' | 'bot' | null> {
  const expired = await expireInTransaction(deps, id, now);
  // The contact routed to the queue is told so, as after a menu choice; sent after commit.
  if (expired?.notice) {
    const noticeId = expired.notice.id;
    deps.outbox.enqueue(id, () => deliverMessage(deps, noticeId));
  }
  return expired?.kind ?? null;
}

async function expireInTransaction(
  deps: Deps,
  id: string,
  now: number,
): Promise<{ kind: 'csat' | 'bot'; notice: Message | null } | null> {
  return inTransaction(deps, async (trx) => {
    const before = await requireConversation(trx, id);
    let after: Conversation;
    let event: SystemEvent;
    let notice: Message | null = null;
    if (
      before.state === 'awaiting_csat' &&
      before.csatDeadline !== null &&
      before.csatDeadline <= now
    ) {
      after = { ...before, state: 'closed', closedAt: now, csatDeadline: null, updatedAt: now };
      event = { type: 'csat-timed-out' };
    } else if (before.state === 'bot' && before.botDeadline !== null && before.botDeadline <= now) {
      const channel = await requireChannel(trx, before.channelId);
      const timeout = channel.botMenu ? botTimeoutEvent(channel.botMenu) : 'bot-timeout-route';
      const decision = nextState(before.state, timeout);
      if (!decision.ok) return null;
      const queued = decision.to === 'queued';
      after = {
        ...before,
        state: decision.to,
        teamId: queued ? channel.defaultTeamId : before.teamId,
        queuedAt: queued ? now : null,
        closedAt: queued ? null : now,
        botDeadline: null,
        updatedAt: now,
      };
      event = { type: 'bot-timed-out', routedToTeamId: queued ? channel.defaultTeamId : null };
      if (queued) notice = await queuedNotice(trx, deps, channel, after, now);
    } else {
      return null;
    }
    await writeConversation(trx, {
      before,
      after,
      messages: [systemMessage(deps.newId(), id, event, now), ...(notice ? [notice] : [])],
    });
    return { kind: event.type === 'csat-timed-out' ? 'csat' : 'bot', notice };
  });
}
