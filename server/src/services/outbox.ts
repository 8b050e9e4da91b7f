import type { Logger } from '../logger';

/**
 * Deliveries handed off after the commit that stored their messages, so the request that
 * caused them is answered without waiting on a channel. A WhatsApp webhook must be answered
 * within seconds or Meta sends it again, while the bot menu it triggers may sit in a
 * rate-limit backoff for fifteen; the contact's message is stored by then, which is what the
 * answer acknowledges. One conversation's deliveries run one after another in the order they
 * were handed over, so a contact never reads the routing line before the menu it answers;
 * conversations proceed side by side. A message still here when the process dies stays
 * 'queued' and the next start sends it (delivery-resume.ts).
 *
 * Written here rather than reusing the WhatsApp adapter's per-recipient queue: that one
 * returns each send's outcome to its caller, this one is fire-and-forget across channels.
 */
export type Outbox = {
  /** Runs `deliver` after every delivery handed over earlier for the same conversation. */
  enqueue(conversationId: string, deliver: () => Promise<unknown>): void;
  /** Resolves once every delivery handed over so far has finished (tests, shutdown). */
  idle(): Promise<void>;
};

export function createOutbox(logger: Logger): Outbox {
  const tails = new Map<string, Promise<void>>();
  return {
    enqueue(conversationId, deliver) {
      const previous = tails.get(conversationId) ?? Promise.resolve();
      const tail = previous.then(deliver).then(
        () => undefined,
        (error: unknown) => {
          // deliverMessage records channel failures itself; this is a database or a bug.
          logger.error({ err: error, conversationId }, 'delivery after commit failed');
        },
      );
      tails.set(conversationId, tail);
      void tail.then(() => {
        if (tails.get(conversationId) === tail) tails.delete(conversationId);
      });
    },
    async idle() {
      while (tails.size > 0) await Promise.all(tails.values());
    },
  };
}
