/*
 * The ingest benchmark's load generator, in its own process: posts signed WhatsApp webhooks
 * over keep-alive HTTP connections (node:http, one socket per concurrent post) for a fixed time.
 * Every payload is built and signed before the clock starts: signing is Meta's cost, not ours.
 * Post times are absolute milliseconds (timeOrigin + now), comparable with the agents' arrival
 * times in another process on the same machine.
 */
import http from 'node:http';
import { performance } from 'node:perf_hooks';
import { buildMessageWebhook, signWebhook } from '../server/src/channels/whatsapp/fake-webhooks';
import { LoadConfig, teamOfMessage, type LoadResult } from './ingest-contracts';
import { childConfig, onParentRequest, sendToParent } from './ingest-ipc';

type Prepared = { path: string; body: Buffer; signature: string };

function prepare(config: LoadConfig): Prepared[] {
  const paths = config.webhookUrls.map((url) => new URL(url).pathname);
  const timestamp = String(Math.floor(Date.now() / 1000));
  return Array.from({ length: config.messages }, (_, n) => {
    const contact = n % config.contacts;
    const team = teamOfMessage(n, config.contacts, paths.length);
    const from = `55119${String(contact).padStart(8, '0')}`;
    const payload = buildMessageWebhook({
      phoneNumberId: config.phoneNumberIds[team] ?? '',
      from,
      profileName: `Contato ${contact}`,
      messages: [
        { from, id: `wamid.BENCH${n}`, timestamp, type: 'text', text: { body: `bench ${n}` } },
      ],
    });
    const signed = signWebhook(payload, config.appSecret);
    return { path: paths[team] ?? '', body: signed.rawBody, signature: signed.signature };
  });
}

function run(config: LoadConfig, prepared: Prepared[]): Promise<LoadResult> {
  const target = new URL(config.webhookUrls[0] ?? '');
  const agent = new http.Agent({ keepAlive: true, maxSockets: config.concurrency });
  const sentAt = new Float64Array(prepared.length).fill(Number.NaN);
  const responseMs = new Float64Array(prepared.length).fill(Number.NaN);
  let next = 0;
  let failures = 0;
  let running = config.concurrency;
  const started = performance.now();
  const deadline = started + config.seconds * 1000;
  return new Promise((resolve) => {
    const finish = (): void => {
      agent.destroy();
      const elapsedSeconds = (performance.now() - started) / 1000;
      resolve({ type: 'done', sent: next, failures, elapsedSeconds, sentAt, responseMs });
    };
    const post = (): void => {
      const n = next;
      const item = prepared[n];
      if (item === undefined || performance.now() >= deadline) {
        running -= 1;
        if (running === 0) finish();
        return;
      }
      next += 1;
      const at = performance.now();
      sentAt[n] = performance.timeOrigin + at;
      let answered = false;
      const done = (ok: boolean): void => {
        if (answered) return;
        answered = true;
        responseMs[n] = performance.now() - at;
        if (!ok) failures += 1;
        post();
      };
      const request = http.request(
        {
          agent,
          host: target.hostname,
          port: target.port,
          path: item.path,
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            'content-length': item.body.length,
            'x-hub-signature-256': item.signature,
          },
        },
        (response) => {
          response.resume();
          response.once('end', () => {
            done(response.statusCode === 200);
          });
        },
      );
      request.once('error', () => {
        done(false);
      });
      request.end(item.body);
    };
    for (let i = 0; i < config.concurrency; i++) post();
  });
}

const config = childConfig(LoadConfig);
const prepared = prepare(config);
onParentRequest({
  go: () => {
    void run(config, prepared).then(async (result) => {
      await sendToParent(result);
    });
  },
  stop: () => process.exit(0),
});
await sendToParent({ type: 'ready', prepared: prepared.length });
