import type { ChannelLogger } from './logger';

/**
 * Sends to one contact strictly one after another, in the order they were queued, while
 * different contacts proceed in parallel. A message that is being retried (rate limits) holds
 * the ones behind it, so the contact never reads an answer before the question it follows.
 * A message that fails for good releases the next one: it is marked failed, not retried here.
 */
export type OutboundQueue<J, R> = {
  enqueue(recipient: string, job: J): Promise<R>;
  /** How many messages wait or are in flight for this recipient. */
  pending(recipient: string): number;
  /** Resolves when every queued message has finished. */
  idle(): Promise<void>;
};

export function createOutboundQueue<J, R>(options: {
  /** Sends one message, with its own retries; must resolve, not reject, for expected failures. */
  send: (job: J) => Promise<R>;
  /** What a send that threw (a bug, not a Cloud API error) resolves to, so the line continues. */
  onCrash: (job: J, cause: unknown) => R;
  logger: ChannelLogger;
}): OutboundQueue<J, R> {
  const tails = new Map<string, { tail: Promise<unknown>; count: number }>();

  const run = async (job: J): Promise<R> => {
    try {
      return await options.send(job);
    } catch (cause) {
      options.logger.error({ err: cause }, 'whatsapp: send crashed');
      return options.onCrash(job, cause);
    }
  };

  return {
    enqueue(recipient, job) {
      const line = tails.get(recipient) ?? { tail: Promise.resolve(), count: 0 };
      const result = line.tail.then(() => run(job));
      line.count += 1;
      // `run` never rejects, so the tail never breaks the chain for the messages behind it.
      line.tail = result.finally(() => {
        line.count -= 1;
        if (line.count === 0 && tails.get(recipient) === line) tails.delete(recipient);
      });
      tails.set(recipient, line);
      return result;
    },
    pending: (recipient) => tails.get(recipient)?.count ?? 0,
    async idle() {
      while (tails.size > 0) await Promise.all([...tails.values()].map((line) => line.tail));
    },
  };
}
