import fs from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import { bearer, startWebchatServer } from '../channels/webchat/webchat-test-server';
import type { SendResponse } from '../channels/webchat/protocol';

/*
 * The real server on loopback (SQLite file, demo organisation, web chat) for the hostile-input
 * suites, with what they check after every attack: nothing stored, the server still answering.
 */

/** What the tests send as a body: bytes, text or a stream (sent chunked). */
export type UploadBody = Buffer | string | ReadableStream;

export type HostileServer = Awaited<ReturnType<typeof startHostileServer>>;

/** Every file under the data directory's upload folders, relative to it. */
export function storedFiles(dataDir: string): string[] {
  const root = path.join(dataDir, 'uploads');
  if (!fs.existsSync(root)) return [];
  return fs
    .readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dataDir, path.join(entry.parentPath, entry.name)))
    .sort();
}

export async function startHostileServer() {
  const server = await startWebchatServer();
  const anaToken = await server.agentToken('ana@atendo.demo');
  const ana = await server.agent('ana@atendo.demo');
  // Ana serves Pedro's WhatsApp conversation; a Vendas conversation stays closed to her.
  await ana.conversation.take.mutate({ conversationId: 'conv-pedro-1' });
  const session = await server.openSession('Vera Visitante');
  const visitorToken = session.token;
  await server.say(visitorToken, 'hostile-visitor-0001', 'Olá');

  const snapshot = async () => {
    const count = async (table: 'uploads' | 'messages' | 'contacts' | 'conversations') =>
      Number(
        (
          await server.db
            .selectFrom(table)
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    return {
      uploads: await count('uploads'),
      messages: await count('messages'),
      contacts: await count('contacts'),
      conversations: await count('conversations'),
      files: storedFiles(server.dataDir),
    };
  };

  return {
    ...server,
    anaToken,
    visitorToken,
    snapshot,
    /** Runs the attack; then nothing is stored and /health still answers. */
    async expectNothingStored<T>(attack: () => Promise<T>): Promise<T> {
      const before = await snapshot();
      const result = await attack();
      expect(await snapshot()).toEqual(before);
      await expectAlive(server.url);
      return result;
    },
    agentUpload: (
      headers: Record<string, string>,
      body: UploadBody,
      conversationId = 'conv-pedro-1',
      token: string | null = anaToken,
    ) =>
      fetch(`${server.url}/api/conversations/${conversationId}/uploads`, {
        method: 'POST',
        headers: { ...(token === null ? {} : bearer(token)), ...headers },
        body,
        ...(body instanceof ReadableStream ? { duplex: 'half' } : {}),
      }),
    visitorUpload: (headers: Record<string, string>, body: UploadBody, clientId: string) =>
      fetch(`${server.url}/webchat/sessions/uploads`, {
        method: 'POST',
        headers: { ...bearer(visitorToken), 'x-client-message-id': clientId, ...headers },
        body,
        ...(body instanceof ReadableStream ? { duplex: 'half' } : {}),
      }),
    /** The attachment a visitor's accepted upload stored. */
    async visitorAttachment(response: Response) {
      const { messageId } = (await response.json()) as SendResponse;
      const row = await server.db
        .selectFrom('messages')
        .select('attachments')
        .where('id', '=', messageId)
        .executeTakeFirstOrThrow();
      return (JSON.parse(row.attachments) as { id: string; fileName: string }[])[0];
    },
  };
}

export async function expectAlive(url: string): Promise<void> {
  const health = await fetch(`${url}/health`);
  expect(await health.json()).toEqual({ ok: true });
}

/** A body streamed in chunks (no Content-Length), `total` bytes long, or endless. */
export function chunkedBody(total: number | 'endless', chunk = 64 * 1024): ReadableStream {
  let sent = 0;
  return new ReadableStream({
    pull(controller) {
      if (total !== 'endless' && sent >= total) {
        controller.close();
        return;
      }
      sent += chunk;
      controller.enqueue(new Uint8Array(chunk).fill(0x41));
    },
  });
}

/** A body that sends one chunk and then never ends, like a slow attacker. */
export function stalledBody(): { body: ReadableStream; stop(): void } {
  let stop = (): void => undefined;
  const body = new ReadableStream({
    start(controller) {
      controller.enqueue(new Uint8Array(1024).fill(0x41));
      stop = () => {
        try {
          controller.error(new Error('test over'));
        } catch {
          // already closed
        }
      };
    },
  });
  return {
    body,
    stop: () => {
      stop();
    },
  };
}

/** The typed JSON error of a plain HTTP route (agent uploads, 404s). */
export async function atendoCodeOf(response: Response): Promise<unknown> {
  const body = (await response.json()) as { error?: { atendoCode?: unknown; code?: unknown } };
  return body.error?.atendoCode ?? body.error?.code;
}
