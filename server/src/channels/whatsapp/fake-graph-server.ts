import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';

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

/** A business phone number as `GET /<PHONE_NUMBER_ID>` answers it. */
export type FakePhoneNumber = {
  display_phone_number: string;
  verified_name: string;
  quality_rating?: string;
  /** The token allowed to read it; by default every accepted token. */
  accessToken?: string;
};

/** One of Meta's message templates, as `GET /<WABA_ID>/message_templates` lists it. */
export type FakeTemplate = {
  id: string;
  name: string;
  language: string;
  status: string;
  category: string;
  components: { type: string; format?: string; text?: string }[];
};

const TITLES: Readonly<Record<number, string>> = {
  130429: 'Rate limit hit',
  131026: 'Message undeliverable',
  131047: 'Re-engagement message',
  131049: 'This message was not delivered to maintain healthy ecosystem engagement.',
  131056: '(Business Account, Consumer Account) pair rate limit hit',
};

/** Starts the fake on 127.0.0.1 with a free port; `close()` it when done. */
export async function startFakeGraphServer(
  options: { accessToken?: string } = {},
): Promise<FakeGraphServer> {
  const fake = new FakeGraphServer(options.accessToken ?? 'test-access-token');
  await fake.listen();
  return fake;
}

export class FakeGraphServer {
  /** Every request received, in arrival order; tests may clear it with `length = 0`. */
  readonly requests: RecordedRequest[] = [];
  baseUrl = '';
  private readonly failures: InjectedFailure[] = [];
  private readonly stored = new Map<string, StoredMedia>();
  private counter = 0;
  private readonly server: Server;
  /** Every token the fake accepts: several Meta apps (one token each) may talk to it. */
  readonly tokens = new Set<string>();
  private readonly phoneNumbers = new Map<string, FakePhoneNumber>();
  private readonly templates = new Map<string, FakeTemplate[]>();

  constructor(readonly accessToken: string) {
    this.tokens.add(accessToken);
    this.server = createServer((req, res) => {
      this.handle(req, res).catch((cause: unknown) => {
        reply(res, 500, errorEnvelope(1, String(cause), 'OAuthException'));
      });
    });
  }

  async listen(): Promise<void> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    const address = this.server.address();
    if (address === null || typeof address === 'string') throw new Error('no TCP address');
    this.baseUrl = `http://127.0.0.1:${address.port}`;
  }

  close(): Promise<void> {
    return new Promise((resolve, reject) => {
      this.server.close((err) => {
        if (err) reject(err);
        else resolve();
      });
    });
  }

  /** Requests to the messages endpoint only, with their JSON bodies. */
  sends(): RecordedRequest[] {
    return this.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/messages'));
  }

  failNextSends(count: number, failure: InjectedFailure): void {
    for (let i = 0; i < count; i++) this.failures.push(failure);
  }

  /** Makes media available as if a contact had sent it; returns its media id. */
  addMedia(bytes: Buffer, mimeType: string): string {
    this.counter += 1;
    const id = String(1_000_000_000_000 + this.counter);
    this.stored.set(id, { bytes, mimeType });
    return id;
  }

  media(mediaId: string): StoredMedia | undefined {
    return this.stored.get(mediaId);
  }

  /** Accepts another app's token as well. */
  acceptToken(token: string): void {
    this.tokens.add(token);
  }

  addPhoneNumber(phoneNumberId: string, phone: FakePhoneNumber): void {
    this.phoneNumbers.set(phoneNumberId, phone);
  }

  /** Sets the templates a WhatsApp Business Account lists (replacing earlier ones). */
  setTemplates(wabaId: string, templates: FakeTemplate[]): void {
    this.templates.set(wabaId, templates);
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://fake.local');
    const recorded = await record(req, url, await readBody(req));
    this.requests.push(recorded);
    const token = recorded.authorization?.replace(/^Bearer /, '') ?? '';
    if (!this.tokens.has(token)) {
      reply(res, 401, errorEnvelope(190, 'Invalid OAuth access token.', 'OAuthException'));
      return;
    }
    const parts = url.pathname.split('/').filter(Boolean);
    const [, first, second] = parts;
    if (parts[0] === 'media-download' && parts[1] !== undefined) {
      this.serveBytes(parts[1], res);
    } else if (recorded.method === 'POST' && second === 'messages') {
      this.answerSend(recorded, res);
    } else if (recorded.method === 'POST' && second === 'media') {
      this.answerUpload(recorded, res);
    } else if (recorded.method === 'GET' && second === 'message_templates' && first !== undefined) {
      this.answerTemplates(first, url.searchParams, res);
    } else if (recorded.method === 'GET' && first !== undefined && this.phoneNumbers.has(first)) {
      this.answerPhoneNumber(first, token, res);
    } else if (recorded.method === 'GET' && first !== undefined && second === undefined) {
      this.answerMediaUrl(first, res);
    } else {
      reply(res, 404, errorEnvelope(100, 'Unsupported request', 'GraphMethodException'));
    }
  }

  private answerPhoneNumber(id: string, token: string, res: ServerResponse): void {
    const phone = this.phoneNumbers.get(id);
    if (phone === undefined || (phone.accessToken !== undefined && phone.accessToken !== token)) {
      reply(res, 400, unknownObject(id));
      return;
    }
    const { accessToken: _owner, ...fields } = phone;
    reply(res, 200, { id, ...fields });
  }

  /** Pages of `limit` (default 25) with `paging.cursors.after` and `next`, as the Graph API does. */
  private answerTemplates(wabaId: string, query: URLSearchParams, res: ServerResponse): void {
    const all = this.templates.get(wabaId);
    if (all === undefined) {
      reply(res, 400, unknownObject(wabaId));
      return;
    }
    const limit = Number(query.get('limit') ?? '25');
    const start = Number(query.get('after') ?? '0');
    const data = all.slice(start, start + limit);
    const end = start + data.length;
    const cursors = { before: String(start), after: String(end) };
    const more = end < all.length;
    reply(res, 200, {
      data,
      paging: more
        ? {
            cursors,
            next: `${this.baseUrl}/v23.0/${wabaId}/message_templates?after=${String(end)}`,
          }
        : { cursors },
    });
  }

  private answerSend(recorded: RecordedRequest, res: ServerResponse): void {
    const failure = this.failures.shift();
    if (failure !== undefined) {
      replyFailure(res, failure);
      return;
    }
    const to = readTo(recorded.json);
    this.counter += 1;
    reply(res, 200, {
      messaging_product: 'whatsapp',
      contacts: [{ input: to, wa_id: to.replace(/\D/g, '') }],
      messages: [{ id: `wamid.FAKE${String(this.counter).padStart(8, '0')}` }],
    });
  }

  private answerUpload(recorded: RecordedRequest, res: ServerResponse): void {
    if (recorded.form?.messaging_product !== 'whatsapp' || recorded.file === null) {
      reply(
        res,
        400,
        errorEnvelope(100, 'Invalid parameter', 'OAuthException', 'file is required'),
      );
      return;
    }
    const id = this.addMedia(recorded.file, recorded.form.type ?? 'application/octet-stream');
    reply(res, 200, { id });
  }

  private answerMediaUrl(mediaId: string, res: ServerResponse): void {
    const media = this.stored.get(mediaId);
    if (media === undefined) {
      reply(res, 404, errorEnvelope(100, 'Unsupported get request.', 'GraphMethodException'));
      return;
    }
    reply(res, 200, {
      messaging_product: 'whatsapp',
      url: `${this.baseUrl}/media-download/${mediaId}`,
      mime_type: media.mimeType,
      sha256: createHash('sha256').update(media.bytes).digest('hex'),
      file_size: media.bytes.length,
      id: mediaId,
    });
  }

  private serveBytes(mediaId: string, res: ServerResponse): void {
    const media = this.stored.get(mediaId);
    if (media === undefined) {
      reply(res, 404, errorEnvelope(100, 'Not found', 'GraphMethodException'));
      return;
    }
    res.writeHead(200, { 'content-type': media.mimeType, 'content-length': media.bytes.length });
    res.end(media.bytes);
  }
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
  const response = new Response(new Uint8Array(raw), { headers: { 'content-type': contentType } });
  // eslint-disable-next-line @typescript-eslint/no-deprecated
  const form = await response.formData();
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

/** Meta's answer for an id the token cannot see (code 100, subcode 33). */
function unknownObject(id: string): object {
  const message = `Unsupported get request. Object with ID '${id}' does not exist, cannot be loaded due to missing permissions, or does not support this operation.`;
  return {
    error: {
      ...(errorEnvelope(100, message, 'GraphMethodException') as { error: object }).error,
      error_subcode: 33,
    },
  };
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
