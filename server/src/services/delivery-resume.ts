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
 * conversations go side by side, so one in a long backoff does not hold up the others.
 *
 * A message whose send reached the channel just before the process died is sent again: at
 * least once is the choice here, since WhatsApp has no idempotency key and a lost reply
 * costs the contact more than a repeated one.
 */
export function resumeQueuedDeliveries(deps: Deps): ResumedDeliveries {
  let stopped = false;
  const deliverInOrder = async (ids: string[]): Promise<number> => {
    let sent = 0;
    for (const id of ids) {
      if (stopped) break;
      await deliverMessage(deps, id);
      sent += 1;
    }
    return sent;
  };
  const done = queuedByConversation(deps).then(async (chains) => {
    const counts = await Promise.all(chains.map(deliverInOrder));
    return counts.reduce((sum, n) => sum + n, 0);
  });
  return {
    done,
    stop: () => {
      stopped = true;
    },
  };
}

async function queuedByConversation(deps: Deps): Promise<string[][]> {
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
  return [...chains.values()];
}
