import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../testing/harness';
import { systemMessage, writeConversation } from './conversation-writer';
import { receiveInboundMessage } from './inbound';

describe('writeConversation', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await createHarness();
  });
  afterEach(async () => {
    await h.close();
  });

  // More messages than one insert statement takes: they are written in chunks, all of them.
  it.each([1, 250])(
    'stores %i messages of one action in order, each with its change',
    async (n) => {
      const { conversation } = await receiveInboundMessage(h.deps, {
        channelId: 'channel-webchat',
        address: 'visitor-writer',
        profileName: 'Visitante',
        channelMessageId: 'w-writer',
        kind: 'text',
        body: 'Oi',
        attachments: [],
        sentAt: h.clock.now(),
      });
      const at = h.clock.now();
      const lines = Array.from({ length: n }, (_, i) =>
        systemMessage(`line-${String(i)}`, conversation.id, { type: 'started', agentId: null }, at),
      );
      const stored = await h.db
        .transaction()
        .execute((trx) =>
          writeConversation(trx, { before: conversation, after: conversation, messages: lines }),
        );
      const rows = await h.db
        .selectFrom('messages')
        .select(['id', 'created_at'])
        .where('id', 'like', 'line-%')
        .orderBy('created_at')
        .execute();
      expect(rows.map((r) => r.id)).toEqual(lines.map((l) => l.id));
      expect(rows.map((r) => r.created_at)).toEqual(stored.map((m) => m.createdAt));
      const changes = await h.db
        .selectFrom('changes')
        .select('doc_id')
        .where('doc_id', 'like', 'line-%')
        .orderBy('seq')
        .execute();
      expect(changes.map((c) => c.doc_id)).toEqual(lines.map((l) => l.id));
    },
  );
});
