import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import yauzl from 'yauzl';
import type { RunningServer } from '../app';
import { ANA, CARLA, createHarness, type Harness } from '../testing/harness';
import { ADMIN, PEDRO_FILE_BYTES, pedroScenario, tokenOf } from './test-support';

/** The entries of a zip, by name, with their bytes. */
function unzip(buffer: Buffer): Promise<Map<string, Buffer>> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(buffer, { lazyEntries: true }, (error, zip) => {
      if (error) {
        reject(error);
        return;
      }
      const entries = new Map<string, Buffer>();
      zip.on('entry', (entry: yauzl.Entry) => {
        zip.openReadStream(entry, (streamError, stream) => {
          if (streamError) {
            reject(streamError);
            return;
          }
          const chunks: Buffer[] = [];
          stream.on('data', (chunk: Buffer) => chunks.push(chunk));
          stream.on('end', () => {
            entries.set(entry.fileName, Buffer.concat(chunks));
            zip.readEntry();
          });
        });
      });
      zip.on('end', () => {
        resolve(entries);
      });
      zip.on('error', reject);
      zip.readEntry();
    });
  });
}

describe("exporting a contact's data", () => {
  let h: Harness;
  let running: RunningServer;
  let fileId: string;
  beforeEach(async () => {
    h = await createHarness();
    running = await h.server.listen();
    fileId = (await pedroScenario(h)).fileId;
  });
  afterEach(async () => {
    await running.close();
    await h.close();
  });

  const download = async (email: string, contactId = 'contact-pedro') =>
    fetch(`${running.url}/api/privacy/contacts/${contactId}/export`, {
      headers: { authorization: `Bearer ${await tokenOf(h, email)}` },
    });

  it('streams a zip with the contact, conversations, messages, CSAT, names and every file', async () => {
    const answer = await download(ADMIN);
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-type')).toBe('application/zip');
    expect(answer.headers.get('content-disposition')).toContain('atendo-contato-contact-pedro.zip');
    const entries = await unzip(Buffer.from(await answer.arrayBuffer()));
    const filePath = `files/conv-pedro-1/${fileId}-comprovante-pedro.pdf`;
    expect([...entries.keys()].sort()).toEqual(['contact.json', filePath]);
    expect(entries.get(filePath)?.toString()).toBe(PEDRO_FILE_BYTES);

    const document: unknown = JSON.parse(entries.get('contact.json')?.toString() ?? 'null');
    expect(document).toMatchObject({
      format: 'atendo-contact-export/1',
      exportedAt: new Date(h.clock.now()).toISOString(),
      contact: {
        id: 'contact-pedro',
        name: 'Pedro Santos',
        phones: ['+5531987650003'],
        emails: ['pedro@example.com'],
        customFields: { cpf: '123.456.789-00' },
      },
      files: [{ attachmentId: fileId, fileName: 'comprovante-pedro.pdf', zipPath: filePath }],
      missingFiles: [],
    });
    const text = JSON.stringify(document);
    expect(text).not.toContain(h.dir);
    const conversations = (
      document as {
        conversations: {
          id: string;
          names: unknown;
          csat: unknown;
          messages: { body: string; authorName: string | null }[];
        }[];
      }
    ).conversations;
    expect(conversations.map((c) => c.id)).toEqual(['conv-pedro-1', expect.any(String)]);
    expect(conversations[0]).toMatchObject({
      names: {
        channel: 'WhatsApp Atendo',
        team: 'Suporte',
        owner: 'Ana Souza',
        disposition: 'Cobrança',
        tags: [],
      },
      csat: { score: 5, comment: 'adorei o atendimento' },
    });
    const bodies = conversations[0]?.messages.map((m) => m.body) ?? [];
    expect(bodies).toContain('Boa tarde, preciso de ajuda com a minha fatura.');
    expect(bodies).toContain('Segue o seu protocolo 4242, Pedro');
    expect(conversations[0]?.messages.some((m) => m.authorName === 'Ana Souza')).toBe(true);
  });

  it('records the export, and refuses (and records) supervisors and agents', async () => {
    expect((await download(CARLA)).status).toBe(403);
    expect((await download(ANA)).status).toBe(403);
    expect((await download(ADMIN)).status).toBe(200);
    expect((await download(ADMIN, 'contact-nobody')).status).toBe(404);
    const log = await h.db
      .selectFrom('access_log')
      .select(['agent_id', 'outcome', 'contact_id'])
      .where('action', '=', 'privacy.export')
      .orderBy('id')
      .execute();
    expect(log).toEqual([
      { agent_id: 'agent-carla', outcome: 'refused', contact_id: 'contact-pedro' },
      { agent_id: 'agent-ana', outcome: 'refused', contact_id: 'contact-pedro' },
      { agent_id: 'agent-admin', outcome: 'allowed', contact_id: 'contact-pedro' },
    ]);
  });
});
