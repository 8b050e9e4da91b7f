import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { appRouter } from '../../router';
import {
  ANA,
  CARLA,
  createHarness,
  failure,
  type Caller,
  type Harness,
} from '../../testing/harness';

/*
 * Every procedure under `admin.` is checked, so one added later without its guard fails here:
 * agents may call none, supervisors only the reads (never the audit log), admins all.
 */

type Procedure = { path: string; type: string };

// A procedure is a function carrying its definition; only its type is read here.
const ProcedureDef = z.object({ type: z.string() });

const adminProcedures: Procedure[] = Object.entries(appRouter._def.procedures)
  .filter(([path]) => path.startsWith('admin.'))
  .map(([path, procedure]) => ({
    path,
    type: ProcedureDef.parse(Reflect.get(Object(procedure), '_def')).type,
  }));

/** Calls `path` on the caller with an empty input; resolves with the stable error code or 'ok'. */
async function outcome(caller: Caller, { path, type }: Procedure): Promise<string> {
  let target: unknown = caller;
  for (const key of path.split('.')) target = (target as Record<string, unknown>)[key];
  const call = target as (input: unknown) => Promise<unknown>;
  const called = call(type === 'query' ? undefined : {});
  const settled = await called.then(
    () => true,
    () => false,
  );
  return settled ? 'ok' : (await failure(called)).atendoCode;
}

let h: Harness;
let callers: Record<'agent' | 'supervisor' | 'admin', Caller>;

beforeAll(async () => {
  h = await createHarness();
  callers = {
    agent: await h.as(ANA),
    supervisor: await h.as(CARLA),
    admin: await h.as('admin@atendo.demo'),
  };
});
afterAll(async () => {
  await h.close();
});

describe('who may call the admin procedures', () => {
  it('covers the whole admin surface', () => {
    expect(adminProcedures.length).toBeGreaterThanOrEqual(40);
  });

  it.each(adminProcedures)('an agent may not call $path', async (procedure) => {
    expect(await outcome(callers.agent, procedure)).toBe('forbidden');
  });

  it.each(adminProcedures)('a supervisor reads but never changes: $path', async (procedure) => {
    const readable = procedure.type === 'query' && !procedure.path.startsWith('admin.audit.');
    const result = await outcome(callers.supervisor, procedure);
    if (readable) expect(result).not.toBe('forbidden');
    else expect(result).toBe('forbidden');
  });

  it.each(adminProcedures)('an admin passes the role check of $path', async (procedure) => {
    expect(await outcome(callers.admin, procedure)).not.toBe('forbidden');
  });

  it('changes nothing when a supervisor tries to write', async () => {
    const before = await h.db.selectFrom('changes').select('seq').execute();
    const refused = await failure(
      callers.supervisor.admin.tags.create({
        teamId: 'team-suporte',
        name: 'VIP',
        color: '#112233',
      }),
    );
    expect(refused).toMatchObject({ atendoCode: 'forbidden', details: { role: 'supervisor' } });
    expect(await h.db.selectFrom('changes').select('seq').execute()).toHaveLength(before.length);
    expect(await h.db.selectFrom('audit_log').select('id').execute()).toEqual([]);
  });
});
