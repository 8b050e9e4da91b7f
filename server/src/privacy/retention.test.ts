import fs from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadAgent } from '../repo/directory';
import { storeUpload } from '../services/uploads';
import { ANA, CARLA, createHarness, expectDenied, START, type Harness } from '../testing/harness';
import { runRetention } from './retention';
import { ADMIN } from './test-support';

const DAY = 86_400_000;

describe('retention', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await createHarness();
  });
  afterEach(async () => {
    await h.close();
  });

  const setRetention = async (conversationMonths: number | null, fileDays: number | null) =>
    (await h.as(ADMIN)).privacy.setRetention({ conversationMonths, fileDays });

  /** Pedro's seeded queued conversation, served by Ana and closed now, with a file in it. */
  async function closedWithFile(): Promise<{ fileId: string; filePath: string }> {
    const ana = await h.as(ANA);
    await ana.conversation.take({ conversationId: 'conv-pedro-1' });
    const agent = await loadAgent(h.db, 'agent-ana');
    if (agent === null) throw new Error('the seed lost Ana');
    const file = await storeUpload(h.deps, agent, {
      conversationId: 'conv-pedro-1',
      fileName: 'boleto.pdf',
      mimeType: 'application/pdf',
      body: Buffer.from('%PDF boleto'),
    });
    await ana.conversation.sendAttachment({
      conversationId: 'conv-pedro-1',
      clientId: 'f',
      attachmentIds: [file.id],
      caption: '',
    });
    await ana.conversation.close({
      conversationId: 'conv-pedro-1',
      dispositionId: 'disp-duvida-cobranca',
    });
    await ana.csat.answer({ conversationId: 'conv-pedro-1', score: 4, comment: null });
    const row = await h.db
      .selectFrom('uploads')
      .select('path')
      .where('id', '=', file.id)
      .executeTakeFirstOrThrow();
    return { fileId: file.id, filePath: `${h.dir}/${row.path}` };
  }

  const conversationIds = async () =>
    (await h.db.selectFrom('conversations').select('id').orderBy('id').execute()).map((r) => r.id);

  it('is off by default and changes nothing', async () => {
    expect(await (await h.as(ADMIN)).privacy.retention()).toEqual({
      conversationMonths: null,
      fileDays: null,
    });
    h.clock.advance(3650 * DAY);
    expect(await runRetention(h.deps, h.clock.now())).toEqual({ conversations: 0, files: 0 });
    expect(await conversationIds()).toEqual(['conv-joao-1', 'conv-maria-1', 'conv-pedro-1']);
  });

  it('removes exactly the closed conversations past the period, whole, and keeps the rest', async () => {
    await closedWithFile();
    await setRetention(1, null);
    // The seed closed Maria's conversation on 20 February and João's on 25 February; Pedro's
    // closes at the start, 2 March. On 22 March one month reaches back to 22 February.
    h.clock.set(Date.UTC(2026, 2, 22, 13, 0, 0));
    expect(await runRetention(h.deps, h.clock.now())).toEqual({ conversations: 1, files: 0 });
    expect(await conversationIds()).toEqual(['conv-joao-1', 'conv-pedro-1']);
    const leftovers = await Promise.all(
      (
        [
          'messages',
          'csat_answers',
          'conversation_tags',
          'conversation_participants',
          'uploads',
        ] as const
      ).map((table) =>
        h.db
          .selectFrom(table)
          .select('conversation_id')
          .where('conversation_id', '=', 'conv-maria-1')
          .execute(),
      ),
    );
    expect(leftovers.flat()).toEqual([]);
    expect(await runRetention(h.deps, h.clock.now())).toEqual({ conversations: 0, files: 0 });
    // On 28 March it reaches 28 February: João's is past it, Pedro's is not.
    h.clock.set(Date.UTC(2026, 2, 28, 13, 0, 0));
    expect(await runRetention(h.deps, h.clock.now())).toEqual({ conversations: 1, files: 0 });
    expect(await conversationIds()).toEqual(['conv-pedro-1']);
  });

  it('deletes each row once when two passes run at the same time', async () => {
    await setRetention(1, null);
    h.clock.set(START + 60 * DAY);
    const passes = await Promise.all([
      runRetention(h.deps, h.clock.now()),
      runRetention(h.deps, h.clock.now()),
    ]);
    expect(passes.reduce((sum, p) => sum + p.conversations, 0)).toBe(2);
    expect(await conversationIds()).toEqual(['conv-pedro-1']);
    const tombstones = await h.db
      .selectFrom('feed_tombstones')
      .select(['collection', 'doc_id'])
      .where('collection', '=', 'conversation')
      .execute();
    expect(tombstones.map((t) => t.doc_id).sort()).toEqual(['conv-joao-1', 'conv-maria-1']);
    const removals = await h.db
      .selectFrom('changes')
      .select('doc_id')
      .where('collection', '=', 'conversation')
      .where('doc_id', 'in', ['conv-joao-1', 'conv-maria-1'])
      .where('seq', 'not in', (eb) =>
        eb.selectFrom('change_audience').select('seq').where('grant', '=', 1),
      )
      .execute();
    expect(removals.map((r) => r.doc_id).sort()).toEqual(['conv-joao-1', 'conv-maria-1']);
  });

  it('removes files of closed conversations past their days, and keeps the message', async () => {
    const file = await closedWithFile();
    await setRetention(null, 7);
    h.clock.advance(6 * DAY);
    expect(await runRetention(h.deps, h.clock.now())).toEqual({ conversations: 0, files: 0 });
    expect(fs.existsSync(file.filePath)).toBe(true);
    h.clock.advance(2 * DAY);
    const passes = await Promise.all([
      runRetention(h.deps, h.clock.now()),
      runRetention(h.deps, h.clock.now()),
    ]);
    expect(passes.reduce((sum, p) => sum + p.files, 0)).toBe(1);
    expect(fs.existsSync(file.filePath)).toBe(false);
    expect(await h.db.selectFrom('uploads').select('id').execute()).toEqual([]);
    const message = await h.db
      .selectFrom('messages')
      .select('attachments')
      .where('client_id', '=', 'f')
      .executeTakeFirstOrThrow();
    expect(message.attachments).toContain(file.fileId);
  });

  it('keeps the files of live conversations however old', async () => {
    const ana = await h.as(ANA);
    await ana.conversation.take({ conversationId: 'conv-pedro-1' });
    const agent = await loadAgent(h.db, 'agent-ana');
    if (agent === null) throw new Error('the seed lost Ana');
    await storeUpload(h.deps, agent, {
      conversationId: 'conv-pedro-1',
      fileName: 'a.pdf',
      mimeType: 'application/pdf',
      body: Buffer.from('%PDF x'),
    });
    await setRetention(null, 1);
    h.clock.advance(30 * DAY);
    expect(await runRetention(h.deps, h.clock.now())).toEqual({ conversations: 0, files: 0 });
  });

  it('is set by admins only; refusals and changes are logged', async () => {
    await expectDenied(
      (await h.as(CARLA)).privacy.setRetention({ conversationMonths: 1, fileDays: 1 }),
      'forbidden',
    );
    await expectDenied((await h.as(ANA)).privacy.retention(), 'forbidden');
    await expectDenied(
      (await h.as(ADMIN)).privacy.setRetention({ conversationMonths: 0, fileDays: 1 }),
      'invalid-input',
    );
    await setRetention(12, 30);
    expect(await (await h.as(ADMIN)).privacy.retention()).toEqual({
      conversationMonths: 12,
      fileDays: 30,
    });
    const log = await h.db
      .selectFrom('access_log')
      .select(['agent_id', 'outcome'])
      .where('action', '=', 'privacy.retention')
      .orderBy('id')
      .execute();
    expect(log).toEqual([
      { agent_id: 'agent-carla', outcome: 'refused' },
      { agent_id: 'agent-ana', outcome: 'refused' },
      { agent_id: 'agent-admin', outcome: 'allowed' },
    ]);
  });
});
