import type { Message } from '@atendo/shared/schemas/message';
import type {
  PullInput,
  PullResult,
  StreamEvent,
  SyncCollection,
  SyncDocument,
  SyncDocumentMap,
} from '@atendo/shared/sync/protocol';
import { RefusalError, type SendMessageInput, type SyncTransport } from '../transport';

type Row = { doc: SyncDocument<SyncCollection>; seq: number };
type Listener = { onEvent: (event: StreamEvent) => void; onError: (error: unknown) => void };

/**
 * An in-memory stand-in for the server's sync and action routers: a seq-ordered change feed per
 * collection, an epoch that forces resets, idempotent sends on (conversationId, clientId) and
 * refusals with stable codes. Everything the agent may see is in scope; scope removal is an
 * id-only `_deleted` document, as on the real feed.
 */
export class FakeServer {
  epoch = 'epoch-1';
  /** Every call fails like a dropped connection while true. */
  offline = false;
  /** Pulls fail while true; sends still work. */
  pullsBlocked = false;
  /** Thrown by every send and contact edit while set (a 503, a rate limit…). */
  sendFailure: Error | null = null;
  /** Accept sends, then never answer: the client "crashes" before it learns the result. */
  hangAfterAccept = false;
  readonly pulls: PullInput[] = [];
  readonly sendAttempts: SendMessageInput[] = [];
  /** The clientId of every contact edit received, resends included. */
  readonly contactEditAttempts: string[] = [];
  private readonly contactClientIds = new Map<string, string>();
  private seq = 0;
  private nextMessage = 1;
  private readonly rows = new Map<SyncCollection, Map<string, Row>>();
  private readonly listeners = new Set<Listener>();
  private readonly refusals = new Map<string, string>();

  constructor(private readonly now: () => number) {}

  put<C extends SyncCollection>(collection: C, doc: SyncDocumentMap[C], deleted = false): void {
    this.seq += 1;
    // A removal carries the id alone, as on the real feed (server/src/sync/removal.ts).
    const stored: SyncDocument<SyncCollection> = deleted
      ? { id: doc.id, _deleted: true }
      : { ...doc, _deleted: false };
    this.table(collection).set(doc.id, { doc: stored, seq: this.seq });
    this.broadcast({
      type: 'changes',
      collection,
      documents: [stored],
      checkpoint: { seq: this.seq, epoch: this.epoch },
    });
  }

  /** Drops a row without a tombstone, as if the client's scope changed under a new epoch. */
  forget(collection: SyncCollection, id: string): void {
    this.table(collection).delete(id);
  }

  get<C extends SyncCollection>(collection: C, id: string): SyncDocumentMap[C] | undefined {
    return this.table(collection).get(id)?.doc as SyncDocumentMap[C] | undefined;
  }

  messages(): Message[] {
    return [...this.table('messages').values()].map((row) => row.doc as Message);
  }

  refuse(conversationId: string, code: string): void {
    this.refusals.set(conversationId, code);
  }

  /** Refuses the next edit of this contact with the code (once). */
  refuseContact(contactId: string, code: string): void {
    this.refusals.set(`contact:${contactId}`, code);
  }

  /** Ends every open stream with an error, like a server restart. */
  failStreams(): void {
    const current = [...this.listeners];
    this.listeners.clear();
    for (const listener of current) listener.onError(new Error('stream closed'));
  }

  /** A heartbeat as the real fan-out sends it: how far it delivered, and the feed's head. */
  heartbeat(seq: number, head: number): void {
    this.broadcast({ type: 'heartbeat', seq, head });
  }

  changeEpoch(epoch: string): void {
    this.epoch = epoch;
    this.broadcast({ type: 'resync', reason: 'scope-changed' });
  }

  get openStreams(): number {
    return this.listeners.size;
  }

  transport(): SyncTransport {
    return {
      pull: (input) => this.pull(input),
      stream: (onEvent, onError) => {
        const listener = { onEvent, onError };
        this.listeners.add(listener);
        // Like the real server, the first event of every connection asks for a resync.
        queueMicrotask(() => {
          if (this.listeners.has(listener)) onEvent({ type: 'resync', reason: 'connected' });
        });
        return () => {
          this.listeners.delete(listener);
        };
      },
      sendMessage: (input) => this.sendMessage(input),
      updateContact: async ({ id, version, fields, clientId }) => {
        this.ensureOnline();
        if (this.sendFailure) throw this.sendFailure;
        this.contactEditAttempts.push(clientId);
        const refusal = this.refusals.get(`contact:${id}`);
        if (refusal) {
          this.refusals.delete(`contact:${id}`);
          throw new RefusalError(refusal, `Refused: ${refusal}`, { contactId: id });
        }
        const current = this.get('contacts', id);
        if (!current) throw new RefusalError('not-found', 'No such contact.');
        // As the server: a resend of the edit that made the current version is not a conflict.
        const resent =
          current.version === version + 1 && this.contactClientIds.get(id) === clientId;
        if (current.version !== version && !resent) {
          throw new RefusalError('conflict', 'The contact changed.', { version: current.version });
        }
        if (!resent) {
          this.put('contacts', {
            ...current,
            ...fields,
            version: version + 1,
            updatedAt: this.now(),
          });
          this.contactClientIds.set(id, clientId);
        }
        if (this.hangAfterAccept) await new Promise<never>(() => undefined);
      },
    };
  }

  private async pull(input: PullInput): Promise<PullResult> {
    this.ensureOnline();
    if (this.pullsBlocked) throw new TypeError('Failed to fetch');
    this.pulls.push(input);
    await Promise.resolve();
    const { checkpoint } = input;
    if (checkpoint && checkpoint.epoch !== this.epoch) {
      return { documents: [], checkpoint: { seq: 0, epoch: this.epoch }, reset: true };
    }
    const after = checkpoint?.seq ?? 0;
    const rows = [...this.table(input.collection).values()]
      .filter((row) => row.seq > after)
      .sort((a, b) => a.seq - b.seq)
      .slice(0, input.limit);
    const last = rows.at(-1)?.seq ?? after;
    return {
      documents: rows.map((row) => row.doc),
      checkpoint: { seq: last, epoch: this.epoch },
      reset: false,
    };
  }

  private async sendMessage(input: SendMessageInput): Promise<void> {
    this.ensureOnline();
    if (this.sendFailure) throw this.sendFailure;
    this.sendAttempts.push(input);
    const code = this.refusals.get(input.conversationId);
    if (code)
      throw new RefusalError(code, `Refused: ${code}`, { conversationId: input.conversationId });
    const duplicate = this.messages().some(
      (m) => m.conversationId === input.conversationId && m.clientId === input.clientId,
    );
    if (!duplicate) this.put('messages', this.messageFor(input));
    if (this.hangAfterAccept) await new Promise<never>(() => undefined);
  }

  private messageFor(input: SendMessageInput): Message {
    const id = `m-${this.nextMessage++}`;
    return {
      ...baseMessage(id, input.conversationId, this.now()),
      direction: 'outbound',
      kind: input.kind === 'attachment' ? 'media' : input.kind,
      body: input.kind === 'text' ? input.body : '',
      clientId: input.clientId,
    };
  }

  private ensureOnline(): void {
    if (this.offline) throw new TypeError('Failed to fetch');
  }

  private broadcast(event: StreamEvent): void {
    for (const listener of this.listeners) listener.onEvent(event);
  }

  private table(collection: SyncCollection): Map<string, Row> {
    let table = this.rows.get(collection);
    if (!table) {
      table = new Map();
      this.rows.set(collection, table);
    }
    return table;
  }
}

export function baseMessage(id: string, conversationId: string, at: number): Message {
  return {
    id,
    conversationId,
    direction: 'inbound',
    kind: 'text',
    authorAgentId: null,
    body: `message ${id}`,
    attachments: [],
    template: null,
    system: null,
    status: 'sent',
    error: null,
    channelMessageId: null,
    clientId: null,
    createdAt: at,
    updatedAt: at,
  };
}
