import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { receiveInboundMessage } from '../services/inbound';
import { ANA, BRUNO, CARLA, createHarness, type Harness } from '../testing/harness';
import type { TestDatabaseKind } from '../testing/test-database';
import { atendoTypes, describePostgresUrl, openPostgres, parseSafeInteger } from './postgres';

/*
 * The server on PostgreSQL, always: PGlite (PostgreSQL in process) migrated and seeded as a
 * server start does, then the paths whose SQL differs most between the dialects. Where SQLite
 * and PostgreSQL could disagree, both run the same calls and must give the same answers. The
 * whole suite runs on PostgreSQL with `npm run test:postgres`.
 */

const KINDS: TestDatabaseKind[] = ['sqlite', 'pglite'];
const harnesses = new Map<TestDatabaseKind, Harness>();
const on = (kind: TestDatabaseKind): Harness => {
  const h = harnesses.get(kind);
  if (h === undefined) throw new Error(`no ${kind} harness`);
  return h;
};
const pgl = () => on('pglite');

// PGlite compiles its WebAssembly and migrates at start: slow on a busy machine.
beforeAll(async () => {
  for (const kind of KINDS) harnesses.set(kind, await createHarness({ database: kind }));
}, 120_000);
afterAll(async () => {
  for (const h of harnesses.values()) await h.close();
});

describe('the server on PostgreSQL', () => {
  it('migrates to the PostgreSQL schema: bigint identity seq, "C" collation on text', async () => {
    const columns = await sql<{ table_name: string; column_name: string; info: string }>`
      select table_name, column_name,
             data_type || ':' || coalesce(collation_name, '-') || ':' || is_identity as info
      from information_schema.columns
      where table_schema = 'public' and table_name not like 'kysely%'`.execute(pgl().db);
    const info = new Map(columns.rows.map((c) => [`${c.table_name}.${c.column_name}`, c.info]));
    expect(info.get('changes.seq')).toBe('bigint:-:YES');
    expect(info.get('change_audience.seq')).toBe('bigint:-:NO');
    expect(info.get('conversations.created_at')).toBe('bigint:-:NO');
    const texts = columns.rows.filter((c) => c.info.startsWith('text:'));
    expect(texts.length).toBeGreaterThan(50);
    expect(texts.filter((c) => c.info !== 'text:C:NO')).toEqual([]);
  });

  it('returns bigint columns, counts and max() as JS numbers', async () => {
    const row = await pgl()
      .db.selectFrom('changes')
      .select((eb) => [eb.fn.max('seq').as('head'), eb.fn.countAll().as('n')])
      .executeTakeFirstOrThrow();
    expect(typeof row.head).toBe('number');
    expect(row.n).toBeGreaterThan(0);
    const agent = await pgl().db.selectFrom('agents').selectAll().executeTakeFirstOrThrow();
    expect(typeof agent.updated_at).toBe('number');
  });

  it.each(KINDS)('on %s: an inbound message reaches the feed and a pull by seq', async (kind) => {
    const h = on(kind);
    const carla = await h.as(CARLA);
    const start = await carla.sync.pull({
      collection: 'conversations',
      checkpoint: null,
      limit: 500,
    });
    const input = {
      channelId: 'channel-whatsapp',
      address: '5511912345678',
      profileName: 'Fernanda',
      channelMessageId: `wamid.pg.${kind}`,
      kind: 'text' as const,
      body: 'Oi',
      attachments: [],
      sentAt: h.clock.now(),
    };
    const first = await receiveInboundMessage(h.deps, input);
    expect(first).toMatchObject({ created: true, conversation: { state: 'bot' } });
    const again = await receiveInboundMessage(h.deps, input);
    expect(again.created).toBe(false);
    const next = await carla.sync.pull({
      collection: 'conversations',
      checkpoint: start.checkpoint,
      limit: 500,
    });
    expect(next.documents.map((d) => d.id)).toEqual([first.conversation.id]);
    expect(next.checkpoint.seq).toBeGreaterThan(start.checkpoint.seq);
    const after = await carla.sync.pull({
      collection: 'conversations',
      checkpoint: next.checkpoint,
      limit: 500,
    });
    expect(after.documents).toEqual([]);
  });

  it.each(KINDS)(
    'on %s: a contact message with a NUL character is stored without it',
    async (kind) => {
      const h = on(kind);
      const stored = await receiveInboundMessage(h.deps, {
        channelId: 'channel-whatsapp',
        address: '5511912340000',
        profileName: 'Nu\u0000la',
        channelMessageId: `wamid.nul.${kind}`,
        kind: 'text',
        body: 'a\u0000b',
        attachments: [],
        sentAt: h.clock.now(),
      });
      expect(stored.message.body).toBe('ab');
      const row = await h.db
        .selectFrom('messages')
        .select('body')
        .where('id', '=', stored.message.id)
        .executeTakeFirstOrThrow();
      expect(row.body).toBe('ab');
    },
  );

  it.each(KINDS)('on %s: an agent text with a NUL character is stored without it', async (kind) => {
    const h = on(kind);
    const visitor = await receiveInboundMessage(h.deps, {
      channelId: 'channel-webchat',
      address: `visitor-nul-${kind}`,
      profileName: 'Visitante',
      channelMessageId: `webchat.nul.${kind}`,
      kind: 'text',
      body: 'Oi',
      attachments: [],
      sentAt: h.clock.now(),
    });
    const bruno = await h.as(BRUNO);
    const conversationId = visitor.conversation.id;
    await bruno.conversation.take({ conversationId });
    const sent = await bruno.conversation.sendText({
      conversationId,
      clientId: `nul-${kind}`,
      text: 'x\u0000y',
    });
    expect(sent.body).toBe('xy');
  });

  it('saves any other text with a NUL character on PostgreSQL too, marked by the driver', async () => {
    const h = pgl();
    const ana = await h.as(ANA);
    // A contact's name is cleaned before it is stored (rules/storable-text)…
    const created = await ana.contact.create({ name: 'Ro\u0000sa', phones: [] });
    expect((await ana.contact.get({ id: created.id })).name).toBe('Rosa');
    // …and a NUL that reaches the driver by any other path is marked, not refused.
    await h.db
      .updateTable('tags')
      .set({ name: 'Ur\u0000gente' })
      .where('id', '=', 'tag-urgente')
      .execute();
    const tag = await h.db
      .selectFrom('tags')
      .select('name')
      .where('id', '=', 'tag-urgente')
      .executeTakeFirstOrThrow();
    expect(tag.name).toBe('Ur\uFFFDgente');
  });

  it.each(KINDS)('on %s: of agents taking one conversation at once, one wins', async (kind) => {
    const h = on(kind);
    const callers = await Promise.all([ANA, BRUNO, CARLA].map((email) => h.as(email)));
    const results = await Promise.allSettled(
      callers.flatMap((caller) =>
        [1, 2, 3].map(() => caller.conversation.take({ conversationId: 'conv-pedro-1' })),
      ),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const row = await h.db
      .selectFrom('conversations')
      .select(['state', 'owner_id'])
      .where('id', '=', 'conv-pedro-1')
      .executeTakeFirstOrThrow();
    expect(row.state).toBe('active');
  });

  it('finds contacts case-insensitively and orders them alike on both databases', async () => {
    const names = ['bruna Alves', 'Álvaro Dias', 'Carlos alves', 'ALVES Zeca', 'Ana Álves'];
    const found = new Map<TestDatabaseKind, string[][]>();
    for (const kind of KINDS) {
      const ana = await on(kind).as(ANA);
      for (const name of names) await ana.contact.create({ name });
      const search = async (query: string) =>
        (await ana.contact.search({ query })).map((c) => c.name);
      found.set(kind, [await search('alves'), await search('ALVES'), await search('álvaro')]);
    }
    const expected = [
      ['ALVES Zeca', 'Carlos alves', 'bruna Alves'],
      ['ALVES Zeca', 'Carlos alves', 'bruna Alves'],
      // Case folds ASCII letters only, on both: SQLite's LIKE and lower() do no more, and the
      // "C" collation makes PostgreSQL's lower() do the same.
      [],
    ];
    expect(found.get('sqlite')).toEqual(expected);
    expect(found.get('pglite')).toEqual(expected);
  });
});

describe('node-postgres settings', () => {
  it.each([
    [pg.types.builtins.INT8, '1795554100450', 1795554100450],
    [pg.types.builtins.NUMERIC, '2.5', 2.5],
    [pg.types.builtins.INT4, '42', 42],
  ])('parses type %i %s as %s', (oid, text, value) => {
    const parse = atendoTypes.getTypeParser(oid, 'text') as (text: string) => unknown;
    expect(parse(text)).toBe(value);
  });

  it('refuses an int8 a JS number cannot hold exactly', () => {
    expect(() => parseSafeInteger('9007199254740993')).toThrow(RangeError);
  });

  it('logs a database URL without its credentials', () => {
    const url = 'postgresql://atendo:s3cret@db.internal:5432/atendo?sslmode=require';
    expect(describePostgresUrl(url)).toBe('postgres://db.internal:5432/atendo');
  });

  it('names the database it cannot reach, without the password', async () => {
    // Nothing listens on port 1 of loopback: the connection is refused at once.
    const opening = openPostgres({ url: 'postgres://atendo:s3cret@127.0.0.1:1/atendo' });
    const error = await opening.then(
      () => null,
      (e: unknown) => (e instanceof Error ? e.message : String(e)),
    );
    expect(error).toMatch(
      /^cannot connect to PostgreSQL at postgres:\/\/127\.0\.0\.1:1\/atendo \(ATENDO_DATABASE_URL\): /,
    );
    expect(error).not.toContain('s3cret');
  });
});
