import { sql } from 'kysely';
import { deliverMessage } from './delivery';
import type { Deps } from './deps';

export type ResumedDeliveries = {
  /** Resolves with how many messages were handed to their channel, once all have been. */
  done: Promise<number>;
  /** Hands over no further message; the one being sent finishes (await `done`). */
  stop(): void;
};

/**
 * Hands to their channel the outbound messages a previous run stored but never sent: the
 * process stopped between the commit and the send (a crash, a kill during a rate-limit
 * backoff). Without this a bot menu, a CSAT question or an agent's reply would stay 'queued'
 * for ever, and the desktop's outbox, retrying with the same clientId, would only get the
 * stored message back. Each conversation's messages go in the order they were written;
 * conversations go side by side (deps.outbox), so one in a long backoff holds up no other.
 *
 * A message whose send reached the channel just before the process died is sent again: at
 * least once is the choice here, since WhatsApp has no idempotency key and a lost reply
 * costs the contact more than a repeated one.
 */
export function resumeQueuedDeliveries(deps: Deps): ResumedDeliveries {
  let stopped = false;
  let sent = 0;
  const done = queuedByConversation(deps).then(async (chains) => {
    // Through the outbox, so a reply to a message arriving meanwhile waits behind them.
    for (const [conversationId, ids] of chains) {
      for (const id of ids) {
        deps.outbox.enqueue(conversationId, async () => {
          if (stopped) return;
          await deliverMessage(deps, id);
          sent += 1;
        });
      }
    }
    await deps.outbox.idle();
    return sent;
  });
  return {
    done,
    stop: () => {
      stopped = true;
    },
  };
}

async function queuedByConversation(deps: Deps): Promise<Map<string, string[]>> {
  const rows = await deps.db
    .selectFrom('messages')
    .select(['id', 'conversation_id'])
    // A literal, so SQLite uses the partial index messages_queued (migration 0003).
    .where('status', '=', sql.lit('queued'))
    .where('direction', '=', 'outbound')
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  const chains = new Map<string, string[]>();
  for (const row of rows) {
    const chain = chains.get(row.conversation_id);
    if (chain) chain.push(row.id);
    else chains.set(row.conversation_id, [row.id]);
  }
  return chains;
}
