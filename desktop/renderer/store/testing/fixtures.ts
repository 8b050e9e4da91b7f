import { filter, firstValueFrom, timeout, type Observable } from 'rxjs';
import type { Contact } from '@atendo/shared/schemas/contact';
import type { Conversation } from '@atendo/shared/schemas/conversation';
import type { SetTimer } from '../stream-hub';

export function conversation(id: string, patch: Partial<Conversation> = {}): Conversation {
  return {
    id,
    contactId: 'contact-1',
    channelId: 'channel-1',
    teamId: 'team-1',
    ownerId: null,
    participantIds: [],
    tagIds: [],
    dispositionId: null,
    state: 'queued',
    lastInboundAt: 1_000,
    lastMessageAt: 1_000,
    lastMessagePreview: 'hello',
    createdAt: 1_000,
    queuedAt: 1_000,
    closedAt: null,
    csatDeadline: null,
    botDeadline: null,
    updatedAt: 1_000,
    ...patch,
  };
}

export function contact(id: string, patch: Partial<Contact> = {}): Contact {
  return {
    id,
    name: 'Maria Silva',
    phones: ['+5511987654321'],
    emails: [],
    addresses: [],
    customFields: {},
    createdAt: 1_000,
    updatedAt: 1_000,
    version: 1,
    ...patch,
  };
}

/** A clock the test moves by hand. */
export function manualClock(start = 1_700_000_000_000) {
  let current = start;
  return {
    now: () => current,
    advance: (ms: number) => {
      current += ms;
    },
  };
}

/** Timers that run only when the test says so: retries and backoff without sleeping. */
export function manualTimers() {
  let pending: { run: () => void; ms: number }[] = [];
  const setTimer: SetTimer = (run, ms) => {
    const entry = { run, ms };
    pending.push(entry);
    return () => {
      pending = pending.filter((e) => e !== entry);
    };
  };
  return {
    setTimer,
    get count() {
      return pending.length;
    },
    delays: () => pending.map((e) => e.ms),
    runAll: () => {
      const due = pending;
      pending = [];
      for (const entry of due) entry.run();
    },
  };
}

/** Waits for the first value that passes `predicate`; fails the test after five seconds. */
export const until = <T>(source: Observable<T>, predicate: (value: T) => boolean): Promise<T> =>
  firstValueFrom(source.pipe(filter(predicate), timeout(5_000)));

let counter = 0;
export const uniqueName = (label: string): string => `t${Date.now()}${counter++}-${label}`;
