import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SendResponse } from './protocol';
import { bearer, startWebchatServer } from './webchat-test-server';

/*
 * NUL, controls and bidirectional overrides sent through every path that stores text, over
 * real HTTP on a real SQLite file: the agents' tRPC API (contact names and fields), both upload
 * routes (file names), and the web chat's visitor (profile name, message text). What is stored
 * is the cleaned text (shared rules/storable-text), whichever way it came in.
 */

const RLO = '\u202E';
let server: Awaited<ReturnType<typeof startWebchatServer>>;
beforeAll(async () => {
  server = await startWebchatServer();
});
afterAll(async () => {
  await server.stop();
});

const storedFileName = async (messageOrUpload: { uploadId: string }) =>
  (
    await server.db
      .selectFrom('uploads')
      .select('file_name')
      .where('id', '=', messageOrUpload.uploadId)
      .executeTakeFirstOrThrow()
  ).file_name;

describe('text as it is stored', () => {
  it('loses NUL, controls and bidi overrides in contact names and fields (tRPC)', async () => {
    const ana = await server.agent('ana@atendo.demo');
    const created = await ana.contact.create.mutate({
      name: `Ro\u0000sa ${RLO}exe.fdp\n`,
      customFields: { [`cpf${RLO}`]: `123\u0000\nlinha 2${RLO}` },
    });
    expect(created).toMatchObject({ name: 'Rosa exe.fdp', customFields: { cpf: '123\nlinha 2' } });
    const row = await server.db
      .selectFrom('contacts')
      .select(['name', 'custom_fields'])
      .where('id', '=', created.id)
      .executeTakeFirstOrThrow();
    expect(row.name).toBe('Rosa exe.fdp');
    expect(JSON.parse(row.custom_fields)).toEqual({ cpf: '123\nlinha 2' });
    const edited = await ana.contact.update.mutate({
      id: created.id,
      version: created.version,
      fields: { name: `\u2067Rosa Maria\u2069\u0000`, phones: [], emails: [] },
    });
    expect(edited.name).toBe('Rosa Maria');
    const empty = await ana.contact.create
      .mutate({ name: `\u0000${RLO}` })
      .catch((e: unknown) => e);
    expect(empty).toMatchObject({ data: { atendoCode: 'invalid-input' } });
  });

  it('loses bidi controls, NUL and the path in an agent upload’s file name', async () => {
    const ana = await server.agent('ana@atendo.demo');
    await ana.conversation.take.mutate({ conversationId: 'conv-pedro-1' });
    const token = await server.agentToken('ana@atendo.demo');
    const upload = async (name: string) => {
      const response = await fetch(`${server.url}/api/conversations/conv-pedro-1/uploads`, {
        method: 'POST',
        headers: {
          ...bearer(token),
          'content-type': 'application/pdf',
          'x-file-name': encodeURIComponent(name),
        },
        body: new Uint8Array([37, 80, 68, 70]),
      });
      return { status: response.status, body: (await response.json()) as object };
    };
    const disguised = await upload(`fatura${RLO}fdp.exe\u0000.pdf`);
    expect(disguised.status).toBe(201);
    const { attachment } = disguised.body as { attachment: { id: string; fileName: string } };
    expect(attachment.fileName).toBe('faturafdp.exe.pdf');
    expect(await storedFileName({ uploadId: attachment.id })).toBe('faturafdp.exe.pdf');
    const traversal = await upload('..\\..\\boleto.pdf');
    expect(traversal.body).toMatchObject({ attachment: { fileName: 'boleto.pdf' } });
    const nothing = await upload(`\u0000${RLO}`);
    expect(nothing.status).toBe(400);
  });

  it('cleans what a web chat visitor sends: name, text and file name', async () => {
    const visitor = await server.openSession(`Eve\u0000 ${RLO}Hacker`);
    const said = await server.say(visitor.token, 'clean-msg-0001', 'linha 1\nlinha\u0000 2');
    expect(said.status).toBe(201);
    const { messageId, conversationId } = said.body as SendResponse;
    const message = await server.db
      .selectFrom('messages')
      .select('body')
      .where('id', '=', messageId)
      .executeTakeFirstOrThrow();
    expect(message.body).toBe('linha 1\nlinha 2');
    const contact = await server.db
      .selectFrom('conversations')
      .innerJoin('contacts', 'contacts.id', 'conversations.contact_id')
      .select('contacts.name')
      .where('conversations.id', '=', conversationId)
      .executeTakeFirstOrThrow();
    expect(contact.name).toBe('Eve Hacker');

    const response = await fetch(`${server.url}/webchat/sessions/uploads`, {
      method: 'POST',
      headers: {
        ...bearer(visitor.token),
        'content-type': 'application/pdf',
        'x-file-name': encodeURIComponent(`../recibo${RLO}fdp.exe\u0000.pdf`),
        'x-client-message-id': 'clean-upload-0001',
      },
      body: Buffer.from('%PDF-1.4 recibo\n'),
    });
    expect(response.status).toBe(201);
    const sent = (await response.json()) as SendResponse;
    const row = await server.db
      .selectFrom('messages')
      .select('attachments')
      .where('id', '=', sent.messageId)
      .executeTakeFirstOrThrow();
    const [attachment] = JSON.parse(row.attachments) as { id: string; fileName: string }[];
    expect(attachment?.fileName).toBe('recibofdp.exe.pdf');
    expect(await storedFileName({ uploadId: attachment?.id ?? '' })).toBe('recibofdp.exe.pdf');
  });
});
