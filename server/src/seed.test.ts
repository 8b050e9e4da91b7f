import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { seedDemo } from './seed';
import { createHarness, type Harness } from './testing/harness';

describe('seedDemo', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await createHarness();
  });
  afterEach(async () => {
    await h.close();
  });

  /** The audience keys recorded for a document's first change. */
  const keysOf = async (collection: string, docId: string): Promise<string[]> => {
    const change = await h.db
      .selectFrom('changes')
      .select('seq')
      .where('collection', '=', collection)
      .where('doc_id', '=', docId)
      .orderBy('seq')
      .executeTakeFirstOrThrow();
    const rows = await h.db
      .selectFrom('change_audience')
      .select('key')
      .where('seq', '=', change.seq)
      .execute();
    return rows.map((r) => r.key).sort();
  };

  it('does nothing on a database that already has agents', async () => {
    const before = await h.db.selectFrom('changes').select('seq').execute();
    expect(await seedDemo(h.db, h.clock)).toBe(false);
    expect(await h.db.selectFrom('changes').select('seq').execute()).toHaveLength(before.length);
  });

  it.each([
    ['agent', 'agent-ana', ['all']],
    ['team', 'team-suporte', ['all']],
    ['channel', 'channel-whatsapp', ['all']],
    ['contact', 'contact-maria', ['all']],
    ['template', 'template-retomada', ['all']],
    ['template', 'template-pedido', ['team:team-vendas']],
    ['tag', 'tag-urgente', ['team:team-suporte']],
    ['disposition', 'disp-venda', ['team:team-vendas']],
    ['conversation', 'conv-maria-1', ['agent:agent-ana', 'history-all', 'history:team-suporte']],
    ['message', 'conv-maria-1-m0', ['agent:agent-ana', 'history-all', 'history:team-suporte']],
    ['conversation', 'conv-pedro-1', ['monitor', 'queue:team-suporte']],
  ])('records the %s %s in the change feed for %j', async (collection, docId, keys) => {
    expect(await keysOf(collection, docId)).toEqual(keys);
  });
});
