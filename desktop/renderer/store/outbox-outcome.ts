import { filter, firstValueFrom, map, type Observable } from 'rxjs';
import type { AtendoDatabase } from './database';
import { OutboxItem, type OutboxFailure } from './local-schemas';
import type { SetTimer } from './stream-hub';
import { RefusalError } from './transport';

/** How an outbox item ended, or that it is still waiting (offline, or a slow server). */
export type OutboxOutcome =
  { state: 'delivered' } | { state: 'failed'; failure: OutboxFailure } | { state: 'pending' };

/**
 * Waits up to `waitMs` for an item to be delivered or refused. A form that saves through the
 * outbox uses it to say "saved" only once the server took the edit, show the refusal in the
 * form, or say it will go when the connection is back.
 */
export function outboxOutcome(
  db: AtendoDatabase,
  setTimer: SetTimer,
  clientId: string,
  waitMs: number,
): Promise<OutboxOutcome> {
  const settled: Observable<OutboxOutcome> = db.outbox.findOne(clientId).$.pipe(
    map((doc): OutboxOutcome | null => {
      if (doc === null || doc.state === 'sent') return { state: 'delivered' };
      if (doc.state === 'failed' && doc.failure !== null) {
        return { state: 'failed', failure: doc.failure };
      }
      return null;
    }),
    filter((outcome): outcome is OutboxOutcome => outcome !== null),
  );
  const timeout = new Promise<OutboxOutcome>((resolve) => {
    setTimer(() => {
      resolve({ state: 'pending' });
    }, waitMs);
  });
  return Promise.race([firstValueFrom(settled), timeout]);
}

/** Throws the server's own refusal (`invalid-input` naming the field) for an unsendable item. */
export function ensureSendable(input: {
  kind: string;
  conversationId: string;
  payload: unknown;
}): void {
  const parsed = OutboxItem.safeParse(input);
  if (parsed.success) return;
  const issue = parsed.error.issues[0];
  throw new RefusalError('invalid-input', issue?.message ?? 'invalid message', {
    field: issue?.path.filter((p) => p !== 'payload').join('.') ?? '',
  });
}
