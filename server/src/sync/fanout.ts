import type { Kysely } from 'kysely';
import type { Actor } from '@atendo/shared/schemas/agent';
import type { DB } from '../db/schema';
import type { ChangeNotifier } from '../feed/change-notifier';
import type { Logger } from '../logger';
import { loadAgents } from '../repo/directory';
import { audienceGroups } from './audience-groups';
import { docKey, loadCurrentDocuments, type DocRef } from './documents';
import { changedAgentIds, feedHead, readAudienceWindow } from './feed-reads';
import { databaseInstanceId } from './instance';
import { changeEvents, routeHits } from './routing';
import { syncScope, type SyncScope } from './scope';
import { deflateMessage, OutgoingFrame, type Deflate } from './stream-frame';
import {
  heartbeatFrame,
  resyncFrame,
  serialiseFrame,
  StreamOutlet,
  type StreamSerialiser,
  type StreamSink,
} from './stream-outlet';
import { SyncDocumentCache } from './visibility';

export type FanoutOptions = {
  /** Sequences read per round, so a burst is delivered in bounded slices. */
  windowSize: number;
  /** Unsent bytes a subscriber's connection may hold before its frames are skipped. */
  maxBufferedBytes: number;
  /** Makes a frame's bytes; tests count its calls. */
  serialise: StreamSerialiser;
  /** Compresses a frame for the connections that accept it, at most once per frame. */
  deflate: Deflate;
  /**
   * Least time between the start of a busy round (one that carried at least
   * `busyRoundChanges` changes) and the next. Under load every commit wakes the loop, and each
   * round costs one socket write per subscriber whatever its size; spacing the rounds folds more
   * commits into each frame. After a light round the next one runs at once, so a quiet or
   * moderately busy floor sees no added delay. Measured with 200 agents (bench/ingest.ts):
   * 0 ms → ~1,900 msg/s, 25 ms → ~2,200, 40 ms → ~2,500–2,650, p99 to every agent 72 → 89 ms.
   * The server's setting is ATENDO_STREAM_ROUND_MS (default 40).
   */
  roundSpacingMs: number;
  /** Changes in one round from which the next round is spaced. */
  busyRoundChanges: number;
  /** Waits `ms`; injected so tests need no timers. */
  pause: (ms: number) => Promise<void>;
};

export const DEFAULT_FANOUT_OPTIONS: FanoutOptions = {
  windowSize: 2000,
  maxBufferedBytes: 8 * 1024 * 1024,
  serialise: serialiseFrame,
  deflate: deflateMessage,
  roundSpacingMs: 0,
  busyRoundChanges: 20,
  pause: (ms) =>
    new Promise((resolve) => {
      setTimeout(resolve, ms);
    }),
};

type Subscriber = { actor: Actor; scope: SyncScope; outlet: StreamOutlet; closed: boolean };

export type SyncSubscription = {
  /** Sends the heartbeat frame, and the end of lagging if the buffer has drained. */
  heartbeat(frame: OutgoingFrame): void;
  close(): void;
};

/**
 * The one loop per app that turns feed changes into stream frames. On each wake-up it reads
 * the new audience rows once for the keys of every subscriber, loads each touched document
 * once, routes and serialises once per group of subscribers that receive the same events, and
 * hands that same frame to each (compressed at most once, by the first socket that wants it);
 * wake-ups that arrive while a round runs fold into one more round.
 */
export class SyncFanout {
  private readonly subscribers = new Set<Subscriber>();
  private readonly options: FanoutOptions;
  private lastSeq = 0;
  private starting: Promise<void> | null = null;
  private draining: Promise<void> | null = null;
  private again = false;
  private lastRoundAt = Number.NEGATIVE_INFINITY;
  private lastRoundChanges = 0;

  constructor(
    private readonly db: Kysely<DB>,
    private readonly notifier: ChangeNotifier,
    private readonly logger: Logger,
    options: Partial<FanoutOptions> = {},
  ) {
    this.options = { ...DEFAULT_FANOUT_OPTIONS, ...options };
  }

  /**
   * Registers a subscriber and, in the same step, sends it the `connected` resync: every
   * change committed after that frame reaches the sink, so a pull the client starts on it
   * overlaps everything the stream will push.
   */
  async subscribe(actor: Actor, sink: StreamSink): Promise<SyncSubscription> {
    await this.start();
    const scope = syncScope(actor, await databaseInstanceId(this.db));
    const outlet = new StreamOutlet(sink, this.options.maxBufferedBytes);
    const subscriber: Subscriber = { actor, scope, outlet, closed: false };
    this.subscribers.add(subscriber);
    outlet.send(resyncFrame('connected'));
    return {
      heartbeat: (frame) => {
        if (!subscriber.closed) outlet.heartbeat(frame);
      },
      close: () => {
        subscriber.closed = true;
        this.subscribers.delete(subscriber);
      },
    };
  }

  get subscriberCount(): number {
    return this.subscribers.size;
  }

  /** Resolves when no round is running; tests use it instead of sleeping. */
  async idle(): Promise<void> {
    while (this.draining !== null) await this.draining;
  }

  /**
   * The heartbeat of this tick: how far rounds have delivered and the feed's head. A head
   * beyond what was delivered while no round runs means a commit's wake-up never came (another
   * node's commit, a notifier fault): the loop is woken here, so such a change waits at most
   * one heartbeat interval instead of until the next commit.
   */
  async heartbeat(): Promise<OutgoingFrame> {
    const head = await feedHead(this.db);
    const delivered = this.lastSeq;
    if (this.starting !== null && head > delivered && this.draining === null) this.wake();
    return heartbeatFrame(delivered, head);
  }

  /** Wakes the loop, as the change notifier does after every commit. */
  wake(): void {
    if (this.draining !== null) {
      this.again = true;
      return;
    }
    this.draining = this.drain().finally(() => {
      this.draining = null;
      // A wake-up that came after the loop's last check, while its promise settled, would
      // otherwise be lost until the next commit.
      if (this.takeAgain()) this.wake();
    });
  }

  /** After a busy round, waits out what is left of `roundSpacingMs` since it started. */
  private async spaced(): Promise<void> {
    const rest = this.options.roundSpacingMs - (performance.now() - this.lastRoundAt);
    if (this.lastRoundChanges >= this.options.busyRoundChanges && rest > 0) {
      await this.options.pause(rest);
    }
    this.lastRoundAt = performance.now();
  }

  // The notifier listener lives as long as the app: one listener, not one per subscriber.
  private start(): Promise<void> {
    this.starting ??= feedHead(this.db).then((head) => {
      this.lastSeq = head;
      this.notifier.subscribe(() => {
        this.wake();
      });
    });
    return this.starting;
  }

  private async drain(): Promise<void> {
    do {
      await this.spaced();
      try {
        await this.catchUp();
      } catch (error) {
        this.logger.error({ err: error }, 'sync fan-out could not read the feed');
      }
    } while (this.takeAgain());
  }

  /** Whether a wake-up arrived during the round just finished; clears the flag. */
  private takeAgain(): boolean {
    const again = this.again;
    this.again = false;
    return again;
  }

  private async catchUp(): Promise<void> {
    const head = await feedHead(this.db);
    this.lastRoundChanges = head - this.lastSeq;
    while (this.lastSeq < head) {
      const after = this.lastSeq;
      const upTo = Math.min(head, after + this.options.windowSize);
      try {
        await this.deliver(after, upTo);
      } catch (error) {
        // Skipping the window keeps one bad row from stalling every stream; the subscribers
        // pull instead, which surfaces the same error where it can be seen.
        this.logger.error({ err: error, after, upTo }, 'sync fan-out skipped a window');
        this.broadcast(resyncFrame('lagging'));
      }
      this.lastSeq = upTo;
    }
  }

  private async deliver(after: number, upTo: number): Promise<void> {
    const subscribers = [...this.subscribers];
    if (subscribers.length === 0) return;
    await this.rescope(subscribers, after, upTo);
    const keys = new Set<string>();
    for (const subscriber of subscribers) for (const key of subscriber.scope.keys) keys.add(key);
    const hits = await readAudienceWindow(this.db, [...keys], after, upTo);
    const groups = audienceGroups(subscribers, hits);
    const routes = routeHits(hits, groups);
    const refs = new Map<string, DocRef>();
    for (const route of routes) {
      for (const entry of route.values()) refs.set(docKey(entry.collection, entry.docId), entry);
    }
    const documents = new SyncDocumentCache(
      await loadCurrentDocuments(this.db, [...refs.values()]),
    );
    // Subscribers with nothing in this window still end their lagging here, not only at the
    // next heartbeat.
    for (const subscriber of subscribers) if (!subscriber.closed) subscriber.outlet.recover();
    groups.forEach((group, index) => {
      const route = routes[index];
      if (route === undefined) return;
      const events = changeEvents(route, documents, { seq: upTo, epoch: group.epoch });
      if (events.length === 0) return;
      const frame = new OutgoingFrame(this.options.serialise(events), this.options.deflate);
      for (const member of group.members) if (!member.closed) member.outlet.send(frame);
    });
  }

  /**
   * An agent moved between teams, or given another role or permission, sees another slice of
   * the feed: its stream switches to the new keys and the client is told to pull again.
   */
  private async rescope(subscribers: Subscriber[], after: number, upTo: number): Promise<void> {
    const instanceId = await databaseInstanceId(this.db);
    const changed = await changedAgentIds(this.db, after, upTo);
    const ids =
      changed.size === 0
        ? []
        : [...new Set(subscribers.map((s) => s.actor.id))].filter((id) => changed.has(id));
    const agents = new Map(
      ids.length === 0 ? [] : (await loadAgents(this.db, ids)).map((a) => [a.id, a]),
    );
    const prefix = `${instanceId}:`;
    for (const subscriber of subscribers) {
      const fresh = agents.get(subscriber.actor.id);
      // Only a changed agent record or a newly named database (the epoch's prefix) can change
      // a scope; recomputing every scope would hash once per agent per round.
      if (fresh === undefined && subscriber.scope.epoch.startsWith(prefix)) continue;
      const actor = fresh ?? subscriber.actor;
      const scope = syncScope(actor, instanceId);
      if (scope.epoch === subscriber.scope.epoch) continue;
      subscriber.actor = actor;
      subscriber.scope = scope;
      if (!subscriber.closed) subscriber.outlet.send(resyncFrame('scope-changed'));
    }
  }

  private broadcast(frame: OutgoingFrame): void {
    for (const subscriber of this.subscribers) subscriber.outlet.send(frame);
  }
}

const fanouts = new WeakMap<ChangeNotifier, SyncFanout>();

/**
 * The fan-out of one app, created with its first stream; keyed by the app's notifier. The
 * options apply when this call creates it.
 */
export function fanoutFor(
  db: Kysely<DB>,
  notifier: ChangeNotifier,
  logger: Logger,
  options: Partial<FanoutOptions> = {},
): SyncFanout {
  let fanout = fanouts.get(notifier);
  if (fanout === undefined) {
    fanout = new SyncFanout(db, notifier, logger, options);
    fanouts.set(notifier, fanout);
  }
  return fanout;
}
