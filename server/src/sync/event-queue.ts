import type { StreamEvent } from '@atendo/shared/sync/protocol';

/**
 * The events waiting for one stream subscriber. A subscriber that reads slower than the server
 * writes would otherwise hold an ever-growing backlog in memory; past `maxPendingDocuments` the
 * backlog is dropped and replaced by one `lagging` resync, after which the client pulls what
 * it missed from its checkpoint.
 */
export class EventQueue {
  private events: StreamEvent[] = [];
  private pendingDocuments = 0;
  private wake: (() => void) | null = null;
  private closed = false;

  constructor(private readonly maxPendingDocuments: number) {}

  push(event: StreamEvent): void {
    if (this.closed) return;
    const size = event.type === 'changes' ? event.documents.length : 0;
    if (this.pendingDocuments + size > this.maxPendingDocuments) {
      this.events = [{ type: 'resync', reason: 'lagging' }];
      this.pendingDocuments = 0;
    } else {
      this.events.push(event);
      this.pendingDocuments += size;
    }
    this.wakeReader();
  }

  get pending(): number {
    return this.events.length;
  }

  /** The next event, or null once the queue is closed or `signal` aborts. */
  async next(signal?: AbortSignal): Promise<StreamEvent | null> {
    while (!this.closed && signal?.aborted !== true) {
      const event = this.events.shift();
      if (event !== undefined) {
        if (event.type === 'changes') this.pendingDocuments -= event.documents.length;
        return event;
      }
      await this.waitForPush(signal);
    }
    return null;
  }

  close(): void {
    this.closed = true;
    this.events = [];
    this.pendingDocuments = 0;
    this.wakeReader();
  }

  private waitForPush(signal?: AbortSignal): Promise<void> {
    return new Promise((resolve) => {
      const done = (): void => {
        signal?.removeEventListener('abort', done);
        this.wake = null;
        resolve();
      };
      this.wake = done;
      signal?.addEventListener('abort', done, { once: true });
    });
  }

  private wakeReader(): void {
    this.wake?.();
  }
}
