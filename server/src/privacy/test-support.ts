import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import { dialectOf } from '../db/dialect';
import { login } from '../auth/sessions';
import { DATABASE_FILE } from '../db/database';
import { DEMO_PASSWORD } from '../demo-data';
import { loadAgent } from '../repo/directory';
import { receiveInboundMessage } from '../services/inbound';
import { storeUpload } from '../services/uploads';
import { ANA, type Harness } from '../testing/harness';

/* Shared by the privacy tests: the admin, a contact with personal data everywhere, and scans. */

export const ADMIN = 'admin@atendo.demo';

export async function tokenOf(h: Harness, email: string): Promise<string> {
  const session = await login(h.db, {
    email,
    password: DEMO_PASSWORD,
    now: h.clock.now(),
    ttlMs: h.config.sessionTtlMs,
  });
  return session.token;
}

/** Everything that identifies Pedro once the scenario below has run (case-sensitive). */
export const PEDRO_TRACES = [
  'Pedro',
  'Santos',
  '987650003',
  'pedro@example.com',
  '123.456.789-00',
  'comprovante-pedro',
  'minha fatura',
  'protocolo 4242',
  'adorei o atendimento',
  'Rua das Flores',
];

export const PEDRO_FILE_BYTES = '%PDF-CONTENT-OF-PEDRO';

/**
 * Pedro (seeded, queued in Suporte) is served by Ana: she adds his e-mail and CPF, receives a
 * file from him, answers, closes; he scores the service with a comment and writes again, which
 * leaves him with one open conversation (in the WhatsApp bot menu).
 */
export async function pedroScenario(h: Harness): Promise<{ fileId: string; filePath: string }> {
  const ana = await h.as(ANA);
  await ana.conversation.take({ conversationId: 'conv-pedro-1' });
  const pedro = await ana.contact.get({ id: 'contact-pedro' });
  await ana.contact.update({
    id: pedro.id,
    version: pedro.version,
    fields: {
      name: pedro.name,
      phones: pedro.phones,
      emails: ['pedro@example.com'],
      addresses: pedro.addresses,
      customFields: { cpf: '123.456.789-00', endereco: 'Rua das Flores, 10' },
    },
  });
  const agent = await loadAgent(h.db, 'agent-ana');
  if (agent === null) throw new Error('the seed lost Ana');
  const file = await storeUpload(h.deps, agent, {
    conversationId: 'conv-pedro-1',
    fileName: 'comprovante-pedro.pdf',
    mimeType: 'application/pdf',
    body: Buffer.from(PEDRO_FILE_BYTES),
  });
  await ana.conversation.sendAttachment({
    conversationId: 'conv-pedro-1',
    clientId: 'c-file',
    attachmentIds: [file.id],
    caption: 'Segue o seu protocolo 4242, Pedro',
  });
  await ana.conversation.close({
    conversationId: 'conv-pedro-1',
    dispositionId: 'disp-duvida-cobranca',
  });
  await ana.csat.answer({
    conversationId: 'conv-pedro-1',
    score: 5,
    comment: 'adorei o atendimento',
  });
  h.clock.advance(60_000);
  await receiveInboundMessage(h.deps, {
    channelId: 'channel-whatsapp',
    address: '5531987650003',
    profileName: 'Pedro Santos',
    channelMessageId: 'wamid.pedro-again',
    kind: 'text',
    body: 'Oi, sou o Pedro de novo',
    attachments: [],
    sentAt: h.clock.now(),
  });
  const row = await h.db
    .selectFrom('uploads')
    .select('path')
    .where('id', '=', file.id)
    .executeTakeFirstOrThrow();
  return { fileId: file.id, filePath: path.join(h.dir, row.path) };
}

/** Every text-bearing cell of every table that contains one of the needles. */
export async function textColumnHits(h: Harness, needles: readonly string[]): Promise<string[]> {
  const tables =
    dialectOf(h.db) === 'sqlite'
      ? await sql<{ name: string }>`
          select name from sqlite_master where type = 'table' and name not like 'sqlite_%'`.execute(
          h.db,
        )
      : await sql<{ name: string }>`
          select table_name as name from information_schema.tables
          where table_schema = current_schema() and table_type = 'BASE TABLE'`.execute(h.db);
  const hits: string[] = [];
  for (const { name } of tables.rows) {
    const rows = await sql<Record<string, unknown>>`select * from ${sql.table(name)}`.execute(h.db);
    for (const row of rows.rows) {
      for (const [column, value] of Object.entries(row)) {
        if (typeof value !== 'string') continue;
        for (const needle of needles) {
          if (value.includes(needle)) hits.push(`${name}.${column}: ${needle}`);
        }
      }
    }
  }
  return hits;
}

/** The needles found anywhere in the database's files on disk (main file and WAL). */
export function rawFileHits(h: Harness, needles: readonly string[]): string[] {
  const hits: string[] = [];
  for (const suffix of ['', '-wal']) {
    const file = path.join(h.dir, `${DATABASE_FILE}${suffix}`);
    if (!fs.existsSync(file)) continue;
    const bytes = fs.readFileSync(file);
    for (const needle of needles) {
      if (bytes.includes(Buffer.from(needle, 'utf8')))
        hits.push(`${DATABASE_FILE}${suffix}: ${needle}`);
    }
  }
  return hits;
}
