import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { migrate, type Database } from '../db/database';
import { openTestDatabase } from '../testing/test-database';
import { recordChange, recordChanges, type ChangeInput } from './change-feed';

describe('the change feed', () => {
  let dir: string;
  let db: Database;
  beforeEach(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'atendo-change-feed-'));
    db = await openTestDatabase(dir);
    await migrate(db);
  });
  afterEach(async () => {
    await db.destroy();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const change = (i: number): ChangeInput => ({
    collection: i % 2 === 0 ? 'conversation' : 'message',
    docId: `doc-${String(i)}`,
    grants: ['team:a', `agent:${String(i % 3)}`, 'team:a'],
    revokes: ['agent:9', 'team:a'],
    at: 1000 + i,
  });

  const stored = async () => ({
    changes: await db.selectFrom('changes').selectAll().orderBy('seq').execute(),
    audience: await db
      .selectFrom('change_audience')
      .selectAll()
      .orderBy('seq')
      .orderBy('grant', 'desc')
      .orderBy('key')
      .execute(),
  });

  // 450 changes take three inserts of changes and seven of audience rows.
  it.each([1, 2, 450])('records %i changes in order, with their audience', async (count) => {
    const changes = Array.from({ length: count }, (_, i) => change(i));
    const seqs = await recordChanges(db, changes);
    const { changes: rows, audience } = await stored();
    expect(seqs).toEqual(rows.map((r) => r.seq));
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    expect(rows.map((r) => [r.collection, r.doc_id, r.at])).toEqual(
      changes.map((c) => [c.collection, c.docId, c.at]),
    );
    // Duplicates go, and a key both granted and revoked is granted.
    const expected = seqs.flatMap((seq, i) => [
      { seq, key: `agent:${String(i % 3)}`, grant: 1 },
      { seq, key: 'team:a', grant: 1 },
      { seq, key: 'agent:9', grant: 0 },
    ]);
    expect(audience).toEqual(expected);
  });

  it('records one change and returns its seq, after the earlier ones', async () => {
    const [first] = await recordChanges(db, [change(0)]);
    const second = await recordChange(db, { ...change(1), grants: [], revokes: [] });
    expect(second).toBeGreaterThan(first ?? Number.POSITIVE_INFINITY);
    const { audience } = await stored();
    expect(audience.filter((a) => a.seq === second)).toEqual([]);
  });

  it('records nothing for no changes', async () => {
    expect(await recordChanges(db, [])).toEqual([]);
    expect(await stored()).toEqual({ changes: [], audience: [] });
  });
});
