import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialectOf } from '../../db/dialect';
import type { SendResponse } from './protocol';
import { startWebchatServer } from './webchat-test-server';

/*
 * A visitor's file is written before its message is stored. Over real HTTP on loopback, with
 * triggers standing in for a failing database: a failed store leaves no file and no
 * uploads row, a retry then works, and a file whose message was stored before a later step
 * failed is kept, since its conversation refers to it.
 */

let server: Awaited<ReturnType<typeof startWebchatServer>>;
beforeAll(async () => {
  server = await startWebchatServer();
});
afterAll(async () => {
  await server.stop();
});

const PDF = Buffer.from('%PDF-1.4 recibo\n');

async function upload(token: string, clientMessageId: string, type = 'application/pdf') {
  const response = await fetch(`${server.url}/webchat/sessions/uploads`, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${token}`,
      'content-type': type,
      'x-file-name': 'recibo.pdf',
      'x-client-message-id': clientMessageId,
    },
    body: PDF,
  });
  return { status: response.status, body: (await response.json()) as SendResponse };
}

const storedFiles = (): string[] => {
  const dir = path.join(server.dataDir, 'uploads', 'webchat');
  return fs.existsSync(dir) ? fs.readdirSync(dir).sort() : [];
};
const uploadIds = async (): Promise<string[]> =>
  (await server.db.selectFrom('uploads').select('id').where('agent_id', 'is', null).execute())
    .map((row) => row.id)
    .sort();
// A trigger that fails the statement, in each dialect's syntax (PostgreSQL's runs a function).
async function failWhen(name: string, table: 'uploads' | 'contacts', op: 'INSERT' | 'UPDATE') {
  const [id, on] = [sql.raw(name), sql.raw(table)];
  if (dialectOf(server.db) === 'sqlite') {
    await sql`CREATE TRIGGER ${id} BEFORE ${sql.raw(op)} ON ${on}
      BEGIN SELECT RAISE(ABORT, 'simulated failure'); END`.execute(server.db);
    return;
  }
  await sql`CREATE FUNCTION ${id}() RETURNS trigger LANGUAGE plpgsql
    AS $$ BEGIN RAISE EXCEPTION 'simulated failure'; END $$`.execute(server.db);
  await sql`CREATE TRIGGER ${id} BEFORE ${sql.raw(op)} ON ${on}
    FOR EACH ROW EXECUTE FUNCTION ${id}()`.execute(server.db);
}
async function stopFailing(name: string, table: 'uploads' | 'contacts') {
  if (dialectOf(server.db) === 'sqlite') {
    await sql`DROP TRIGGER ${sql.raw(name)}`.execute(server.db);
    return;
  }
  await sql`DROP TRIGGER ${sql.raw(name)} ON ${sql.raw(table)}`.execute(server.db);
  await sql`DROP FUNCTION ${sql.raw(name)}()`.execute(server.db);
}

describe('a visitor upload whose message is not stored', () => {
  it.each([
    ['a refused file type', 'application/x-msdownload', 415],
    ['a malformed client message id', 'application/pdf', 400],
  ])('leaves nothing behind when refused: %s', async (_label, type, status) => {
    const session = await server.openSession('Rui Recusado');
    const before = { files: storedFiles(), uploads: await uploadIds() };
    const clientId = status === 400 ? 'bad id!' : 'refused-upload-0001';
    expect((await upload(session.token, clientId, type)).status).toBe(status);
    expect({ files: storedFiles(), uploads: await uploadIds() }).toEqual(before);
  });

  it('leaves no file and no uploads row when the database fails, and a retry works', async () => {
    const session = await server.openSession('Fernanda Falha');
    const before = { files: storedFiles(), uploads: await uploadIds() };
    await failWhen('fail_uploads', 'uploads', 'INSERT');
    try {
      expect((await upload(session.token, 'db-fail-upload-0001')).status).toBe(500);
    } finally {
      await stopFailing('fail_uploads', 'uploads');
    }
    expect({ files: storedFiles(), uploads: await uploadIds() }).toEqual(before);

    const retried = await upload(session.token, 'db-fail-upload-0001');
    expect(retried.status).toBe(201);
    const uploads = await uploadIds();
    expect(uploads).toHaveLength(before.uploads.length + 1);
    expect(storedFiles()).toEqual(uploads);
  });

  it('keeps the file an attempt recorded before a later step failed', async () => {
    // A first message completes the new contact in its own transaction, after it is stored.
    const session = await server.openSession('Paulo Pós');
    const before = await uploadIds();
    await failWhen('fail_contacts', 'contacts', 'UPDATE');
    try {
      expect((await upload(session.token, 'late-fail-upload-0001')).status).toBe(500);
    } finally {
      await stopFailing('fail_contacts', 'contacts');
    }
    const recorded = await uploadIds();
    expect(recorded).toHaveLength(before.length + 1);
    expect(storedFiles()).toEqual(recorded);

    // The retry is answered from the stored message and keeps no second copy; the step that
    // failed (the visitor's e-mail on the contact) is done this time.
    const retried = await upload(session.token, 'late-fail-upload-0001');
    expect(retried.status).toBe(200);
    expect(await uploadIds()).toEqual(recorded);
    expect(storedFiles()).toEqual(recorded);
    const contact = await server.db
      .selectFrom('contacts')
      .innerJoin('conversations', 'conversations.contact_id', 'contacts.id')
      .select('contacts.emails')
      .where('conversations.id', '=', retried.body.conversationId)
      .executeTakeFirstOrThrow();
    expect(JSON.parse(contact.emails)).toEqual(['visitor@example.com']);
  });
});
