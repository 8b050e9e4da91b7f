import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { migrate, type Database } from './database';
import { openTestDatabase } from '../testing/test-database';
import { runCached } from './query-cache';

type Row = { collection: string; doc_id: string; at: number };

describe('runCached', () => {
  let dir: string;
  let db: Database;
  beforeEach(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'atendo-query-cache-'));
    db = await openTestDatabase(dir);
    await migrate(db);
  });
  afterEach(async () => {
    await db.destroy();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const insert = (rows: Row[]) =>
    runCached(db, 'test-insert', rows, (q, values) =>
      q.insertInto('changes').values(values).returning(['doc_id', 'at']),
    );
  const byDoc = (docId: string) =>
    runCached(db, 'test-select', { docId }, (q, args) =>
      q
        .selectFrom('changes')
        .select(['doc_id', 'at'])
        // A value written in the builder, not taken from the arguments, stays as it was.
        .where('collection', '=', 'message')
        .where('doc_id', '=', args.docId),
    );
  const row = (docId: string, at: number, collection = 'message'): Row => ({
    collection,
    doc_id: docId,
    at,
  });

  it.each([
    ['one row, then one row', [[row('a', 1)], [row('b', 2)]]],
    [
      'rows of different counts, interleaved',
      [[row('a', 1)], [row('b', 2), row('c', 3)], [row('d', 4)]],
    ],
    [
      'the same count again after another',
      [[row('a', 1), row('b', 2)], [row('c', 3)], [row('d', 4), row('e', 5)]],
    ],
  ])('binds each run’s own values: %s', async (_name, batches) => {
    for (const batch of batches) {
      const returned = await insert(batch);
      expect(returned).toEqual(batch.map((r) => ({ doc_id: r.doc_id, at: r.at })));
    }
    const stored = await db.selectFrom('changes').select(['doc_id', 'at']).orderBy('seq').execute();
    expect(stored).toEqual(batches.flat().map((r) => ({ doc_id: r.doc_id, at: r.at })));
  });

  it('reads with new values on every run and keeps the builder’s own values', async () => {
    await insert([row('a', 1), row('b', 2, 'contact'), row('c', 3)]);
    expect(await byDoc('a')).toEqual([{ doc_id: 'a', at: 1 }]);
    expect(await byDoc('b')).toEqual([]);
    expect(await byDoc('c')).toEqual([{ doc_id: 'c', at: 3 }]);
  });

  it('compiles the same name anew for arguments of another shape', async () => {
    const sameName = (args: Record<string, string>) =>
      runCached(db, 'test-shape', args, (q, a) =>
        q.selectFrom('changes').select('doc_id').where('doc_id', 'in', Object.values(a)),
      );
    await insert([row('a', 1), row('b', 2), row('c', 3)]);
    expect(await sameName({ x: 'a' })).toEqual([{ doc_id: 'a' }]);
    expect(await sameName({ x: 'b', y: 'c' })).toEqual([{ doc_id: 'b' }, { doc_id: 'c' }]);
    expect(await sameName({ y: 'a' })).toEqual([{ doc_id: 'a' }]);
  });

  it('tells a value left undefined (a column Kysely leaves out) from a value given', async () => {
    await insert([row('a', 1)]);
    const update = (set: { collection: string; at?: number }) =>
      runCached(db, 'test-update', set, (q, values) =>
        q.updateTable('changes').set(values).where('doc_id', '=', 'a'),
      );
    await update({ collection: 'contact', at: undefined });
    await update({ collection: 'tag', at: 7 });
    await update({ collection: 'agent', at: undefined });
    const stored = await db.selectFrom('changes').select(['collection', 'at']).execute();
    expect(stored).toEqual([{ collection: 'agent', at: 7 }]);
  });
});
