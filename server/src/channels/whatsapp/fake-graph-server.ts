import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A local stand-in for Meta's Graph API (Meta cannot be reached from our machines). It speaks
 * the documented endpoints and payload shapes, records every request, and can be told to fail
 * the next sends, so the adapter is tested over real HTTP. Used by tests and the benchmark only.
 */

export type RecordedRequest = {
  method: string;
  path: string;
  query: URLSearchParams;
  authorization: string | null;
  contentType: string | null;
  /** Parsed JSON for JSON bodies, null otherwise. */
  json: unknown;
  /** Multipart fields (files as their names and sizes) for uploads, null otherwise. */
  form: Record<string, string> | null;
  /** The uploaded file's bytes for multipart uploads. */
  file: Buffer | null;
};

/** How the next send fails: a Cloud API error code (with HTTP 400 or 429), or a bare HTTP status. */
export type InjectedFailure =
  { code: number; details?: string; httpStatus?: number } | { httpStatus: number };

type StoredMedia = { bytes: Buffer; mimeType: string };

export type FakeGraphServer = {
  baseUrl: string;
  accessToken: string;
  requests: RecordedRequest[];
  /** Requests to the messages endpoint only, with their JSON bodies. */
  sends(): RecordedRequest[];
  failNextSends(count: number, failure: InjectedFailure): void;
  /** Makes media available as if a contact had sent it; returns its media id. */
  addMedia(bytes: Buffer, mimeType: string): string;
  media(mediaId: string): StoredMedia | undefined;
  close(): Promise<void>;
};

const TITLES: Readonly<Record<number, string>> = {
  130429: 'Rate limit hit',
  131026: 'Message undeliverable',
  131047: 'Re-engagement message',
  131049: 'This message was not delivered to maintain healthy ecosystem engagement.',
  131056: '(Business Account, Consumer Account) pair rate limit hit',
};

export async function startFakeGraphServer(
  options: { accessToken?: string } = {},
): Promise<FakeGraphServer> {
  const accessToken = options.accessToken ?? 'test-access-token';
  const state = {
    requests: [] as RecordedRequest[],
    failures: [] as InjectedFailure[],
    media: new Map<string, StoredMedia>(),
    counter: 0,
  };
  const server = createServer((req, res) => {
    handle(req, res).catch((cause: unknown) => {
      reply(res, 500, { error: { message: String(cause), type: 'OAuthException', code: 1 } });
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://fake.local');
    const raw = await readBody(req);
    const recorded = await record(req, url, raw);
    state.requests.push(recorded);
    if (recorded.authorization !== `Bearer ${accessToken}`) {
      reply(res, 401, errorEnvelope(190, 'Invalid OAuth access token.', 'OAuthException'));
      return;
    }
    route(url, recorded, res);
  }

  function route(url: URL, recorded: RecordedRequest, res: ServerResponse): void {
    const parts = url.pathname.split('/').filter(Boolean);
    const [, first, second] = parts;
    if (parts[0] === 'media-download' && parts[1] !== undefined) {
      serveBytes(parts[1], res);
    } else if (recorded.method === 'POST' && second === 'messages') {
      answerSend(recorded, res);
    } else if (recorded.method === 'POST' && second === 'media') {
      answerUpload(recorded, res);
    } else if (recorded.method === 'GET' && first !== undefined && second === undefined) {
      answerMediaUrl(first, res);
    } else {
      reply(res, 404, errorEnvelope(100, 'Unsupported request', 'GraphMethodException'));
    }
  }

  function answerSend(recorded: RecordedRequest, res: ServerResponse): void {
    const failure = state.failures.shift();
    if (failure !== undefined) {
      replyFailure(res, failure);
      return;
    }
    const to = readTo(recorded.json);
    state.counter += 1;
    const wamid = `wamid.FAKE${String(state.counter).padStart(8, '0')}`;
    reply(res, 200, {
      messaging_product: 'whatsapp',
      contacts: [{ input: to, wa_id: to.replace(/\D/g, '') }],
      messages: [{ id: wamid }],
    });
  }

  function answerUpload(recorded: RecordedRequest, res: ServerResponse): void {
    if (recorded.form?.messaging_product !== 'whatsapp' || recorded.form.file === undefined) {
      reply(
        res,
        400,
        errorEnvelope(100, 'Invalid parameter', 'OAuthException', 'file is required'),
      );
      return;
    }
    const id = addMedia(
      recorded.file ?? Buffer.alloc(0),
      recorded.form.type ?? 'application/octet-stream',
    );
    reply(res, 200, { id });
  }

  function answerMediaUrl(mediaId: string, res: ServerResponse): void {
    const media = state.media.get(mediaId);
    if (media === undefined) {
      reply(res, 404, errorEnvelope(100, 'Unsupported get request.', 'GraphMethodException'));
      return;
    }
    reply(res, 200, {
      messaging_product: 'whatsapp',
      url: `${baseUrl}/media-download/${mediaId}`,
      mime_type: media.mimeType,
      sha256: createHash('sha256').update(media.bytes).digest('hex'),
      file_size: media.bytes.length,
      id: mediaId,
    });
  }

  function serveBytes(mediaId: string, res: ServerResponse): void {
    const media = state.media.get(mediaId);
    if (media === undefined) {
      reply(res, 404, errorEnvelope(100, 'Not found', 'GraphMethodException'));
      return;
    }
    res.writeHead(200, { 'content-type': media.mimeType, 'content-length': media.bytes.length });
    res.end(media.bytes);
  }

  function addMedia(bytes: Buffer, mimeType: string): string {
    state.counter += 1;
    const id = String(1_000_000_000_000 + state.counter);
    state.media.set(id, { bytes, mimeType });
    return id;
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const baseUrl = `http://127.0.0.1:${port}`;
  return {
    baseUrl,
    accessToken,
    requests: state.requests,
    sends: () => state.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/messages')),
    failNextSends: (count, failure) => {
      for (let i = 0; i < count; i++) state.failures.push(failure);
    },
    addMedia,
    media: (mediaId) => state.media.get(mediaId),
    close: () =>
      new Promise<void>((resolve, reject) =>
        server.close((err) => {
          if (err) reject(err);
          else resolve();
        }),
      ),
  };
}

async function record(req: IncomingMessage, url: URL, raw: Buffer): Promise<RecordedRequest> {
  const contentType = req.headers['content-type'] ?? null;
  const recorded: RecordedRequest = {
    method: req.method ?? 'GET',
    path: url.pathname,
    query: url.searchParams,
    authorization: req.headers.authorization ?? null,
    contentType,
    json: null,
    form: null,
    file: null,
  };
  if (contentType?.startsWith('application/json') === true) {
    recorded.json = JSON.parse(raw.toString('utf8')) as unknown;
  } else if (contentType?.startsWith('multipart/form-data') === true) {
    Object.assign(recorded, await readForm(raw, contentType));
  }
  return recorded;
}

async function readForm(
  raw: Buffer,
  contentType: string,
): Promise<Pick<RecordedRequest, 'form' | 'file'>> {
  // undici's multipart parser, the same one fetch uses to write the body; the deprecation
  // warns about untrusted input on production servers, which this test fake never sees.
  // eslint-disable-next-line @typescript-eslint/no-deprecated
  const form = await new Response(raw, { headers: { 'content-type': contentType } }).formData();
  const fields: Record<string, string> = {};
  let file: Buffer | null = null;
  for (const [key, value] of form.entries()) {
    if (typeof value === 'string') {
      fields[key] = value;
    } else {
      fields[key] = value.name;
      fields[`${key}.size`] = String(value.size);
      file = Buffer.from(await value.arrayBuffer());
    }
  }
  return { form: fields, file };
}

function readTo(json: unknown): string {
  if (typeof json === 'object' && json !== null && 'to' in json && typeof json.to === 'string')
    return json.to;
  return '';
}

function replyFailure(res: ServerResponse, failure: InjectedFailure): void {
  if (!('code' in failure)) {
    reply(
      res,
      failure.httpStatus,
      errorEnvelope(2, 'Service temporarily unavailable', 'OAuthException'),
    );
    return;
  }
  const status = failure.httpStatus ?? (failure.code === 130429 ? 429 : 400);
  const title = TITLES[failure.code] ?? 'Error';
  reply(
    res,
    status,
    errorEnvelope(
      failure.code,
      `(#${failure.code}) ${title}`,
      'OAuthException',
      failure.details ?? title,
    ),
  );
}

export function errorEnvelope(
  code: number,
  message: string,
  type: string,
  details?: string,
): object {
  return {
    error: {
      message,
      type,
      code,
      error_data: { messaging_product: 'whatsapp', details: details ?? message },
      fbtrace_id: `A${code}fbtrace`,
    },
  };
}

function reply(res: ServerResponse, status: number, body: object): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}
