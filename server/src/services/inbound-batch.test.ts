import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AtendoError } from '@atendo/shared/errors';
import { createHarness, type Harness } from '../testing/harness';
import { inInboundTransaction } from './inbound-batch';

let h: Harness;
beforeEach(async () => {
  h = await createHarness();
});
afterEach(async () => {
  await h.close();
});

const tagCount = async () => (await h.db.selectFrom('tags').select('id').execute()).length;

const insertTag =
  (id: string) => (trx: Parameters<Parameters<typeof inInboundTransaction>[1]>[0]) =>
    trx
      .insertInto('tags')
      .values({ id, team_id: 'team-suporte', name: id, color: '#000000', updated_at: 0 })
      .execute();

describe('inInboundTransaction', () => {
  it('shares one commit among concurrent work, and a failing piece rolls back alone', async () => {
    const before = await tagCount();
    const outcomes = await Promise.allSettled([
      inInboundTransaction(h.deps, insertTag('batch-a')),
      inInboundTransaction(h.deps, async (trx) => {
        await insertTag('batch-doomed')(trx);
        throw new AtendoError('not-found', 'simulated failure');
      }),
      inInboundTransaction(h.deps, insertTag('batch-b')),
    ]);
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    const ids = (
      await h.db.selectFrom('tags').select('id').where('id', 'like', 'batch-%').execute()
    ).map((r) => r.id);
    expect(ids.sort()).toEqual(['batch-a', 'batch-b']);
    expect(await tagCount()).toBe(before + 2);
  });
});
