import fs from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_WORKING_SET, selectWorkingSet } from '@atendo/shared/sync/working-set';
import { loadAgent } from '../repo/directory';
import { hydrateConversations } from '../repo/conversations';
import { syncScope } from './scope';
import { openTestApp, type TestApp } from './test-harness';
import { workingSetConversations } from './working-set-query';

let app: TestApp;

beforeEach(async () => {
  app = await openTestApp();
});

afterEach(async () => {
  await app.db.destroy();
  fs.rmSync(app.dir, { recursive: true, force: true });
});

const DAY = 86_400_000;

describe('workingSetConversations', () => {
  /*
   * SQL only narrows the candidates; the shared rules decide. Applying the rules to every
   * conversation must give the same set, or the narrowing dropped something it should not.
   */
  it.each([
    ['agent-ana', 7],
    ['agent-bruno', 7],
    ['agent-carla', 7],
    ['agent-diego', 7],
    ['agent-ana', 30],
    ['agent-carla', 30],
    ['agent-bruno', 1],
  ])('for %s with a %s-day window equals the rules applied to everything', async (id, days) => {
    const actor = await loadAgent(app.db, id);
    if (actor === null) throw new Error(`seed lost ${id}`);
    const scope = syncScope(actor, 'test');
    const settings = { ...DEFAULT_WORKING_SET, closedWindowMs: days * DAY };
    const now = app.clock.now();
    const rows = await app.db.selectFrom('conversations').selectAll().execute();
    const everything = await hydrateConversations(app.db, rows);
    const expected = [...selectWorkingSet(everything, scope, now, settings)].sort();
    const got = await workingSetConversations(app.db, scope, now, settings);
    expect(got.map((c) => c.id)).toEqual(expected);
  });
});
