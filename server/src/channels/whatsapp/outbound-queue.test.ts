import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startFakeGraphServer, type FakeGraphServer } from './fake-graph-server';
import { createGraphClient } from './graph-client';
import { createOutboundQueue } from './outbound-queue';
import { failed, sendOutbound, type SendOutcome, type WhatsAppOutbound } from './outbound-send';
import { networkFailure } from './errors';
import { recordingSleep, silentLogger } from './test-support';

const ana = '5511911111111';
const bruno = '5521922222222';

function text(messageId: string, to: string): WhatsAppOutbound {
  return { messageId, to, content: { type: 'text', body: messageId } };
}

function bodiesTo(fake: FakeGraphServer, to: string): string[] {
  return fake
    .sends()
    .map((r) => r.json as { to: string; text?: { body: string } })
    .filter((json) => json.to === to)
    .map((json) => json.text?.body ?? '?');
}

function collapseRepeats(values: string[]): string[] {
  return values.filter((value, i) => value !== values[i - 1]);
}

describe('outbound queue over the fake Graph API', () => {
  let fake: FakeGraphServer;
  let send: (outbound: WhatsAppOutbound) => Promise<SendOutcome>;

  beforeEach(async () => {
    fake = await startFakeGraphServer();
    const graph = createGraphClient({
      phoneNumberId: '1065',
      accessToken: fake.accessToken,
      baseUrl: fake.baseUrl,
      sleep: recordingSleep().sleep,
      retry: { maxAttempts: 5, baseDelayMs: 10, maxDelayMs: 100 },
      logger: silentLogger,
    });
    const queue = createOutboundQueue<WhatsAppOutbound, SendOutcome>({
      send: (outbound) => sendOutbound(graph, outbound),
      onCrash: (outbound, cause) => failed(outbound, networkFailure(cause), 1),
      logger: silentLogger,
    });
    send = (outbound) => queue.enqueue(outbound.to, outbound);
  });
  afterEach(() => fake.close());

  it('keeps the order to one contact while the first message is rate limited', async () => {
    fake.failNextSends(2, { code: 131056 });
    const outcomes = await Promise.all(['m1', 'm2', 'm3'].map((id) => send(text(id, ana))));
    expect(outcomes.map((o) => o.ok)).toEqual([true, true, true]);
    // The two refusals were m1's: nothing behind it went out before it succeeded.
    expect(bodiesTo(fake, ana)).toEqual(['m1', 'm1', 'm1', 'm2', 'm3']);
  });

  it('marks a message failed for good and sends the next one', async () => {
    fake.failNextSends(1, {
      code: 131026,
      details: 'Receiver is incapable of receiving this message',
    });
    const [first, second] = await Promise.all([send(text('m1', ana)), send(text('m2', ana))]);
    expect(first).toMatchObject({
      ok: false,
      messageId: 'm1',
      error: { code: 'undeliverable' },
      retryable: false,
    });
    expect(second).toMatchObject({ ok: true, messageId: 'm2' });
    expect(bodiesTo(fake, ana)).toEqual(['m1', 'm2']);
  });

  it('reports a closed window on the message, with the flag for the server', async () => {
    fake.failNextSends(1, { code: 131047 });
    const outcome = await send(text('m1', ana));
    expect(outcome).toEqual({
      ok: false,
      messageId: 'm1',
      error: { code: 'window-closed', message: 'window closed — send a template' },
      closesWindow: true,
      retryable: false,
      attempts: 1,
    });
  });

  it('keeps each contact in order when their sends interleave', async () => {
    fake.failNextSends(3, { code: 130429 });
    const ids = ['a1', 'b1', 'a2', 'b2', 'a3'];
    const outcomes = await Promise.all(
      ids.map((id) => send(text(id, id.startsWith('a') ? ana : bruno))),
    );
    expect(outcomes.every((o) => o.ok)).toBe(true);
    // Retries of one message are back to back; collapsing them leaves the queued order.
    expect(collapseRepeats(bodiesTo(fake, ana))).toEqual(['a1', 'a2', 'a3']);
    expect(collapseRepeats(bodiesTo(fake, bruno))).toEqual(['b1', 'b2']);
  });
});

describe('outbound queue scheduling', () => {
  it('runs different contacts in parallel and one contact serially', async () => {
    const started: string[] = [];
    const gates = new Map<string, () => void>();
    const queue = createOutboundQueue<string, string>({
      send: (job) =>
        new Promise((resolve) => {
          started.push(job);
          gates.set(job, () => {
            resolve(job);
          });
        }),
      onCrash: (job) => `crashed ${job}`,
      logger: silentLogger,
    });
    const done = [
      queue.enqueue('ana', 'a1'),
      queue.enqueue('ana', 'a2'),
      queue.enqueue('bruno', 'b1'),
    ];
    await Promise.resolve();
    await Promise.resolve();
    expect(started).toEqual(['a1', 'b1']);
    expect(queue.pending('ana')).toBe(2);
    gates.get('a1')?.();
    await done[0];
    await new Promise((resolve) => setImmediate(resolve));
    expect(started).toEqual(['a1', 'b1', 'a2']);
    gates.get('a2')?.();
    gates.get('b1')?.();
    await queue.idle();
    expect(await Promise.all(done)).toEqual(['a1', 'a2', 'b1']);
    expect(queue.pending('ana')).toBe(0);
  });

  it('continues after a send that throws', async () => {
    const queue = createOutboundQueue<string, string>({
      send: (job) => (job === 'boom' ? Promise.reject(new Error('bug')) : Promise.resolve(job)),
      onCrash: (job) => `crashed ${job}`,
      logger: silentLogger,
    });
    const results = await Promise.all([queue.enqueue('ana', 'boom'), queue.enqueue('ana', 'ok')]);
    expect(results).toEqual(['crashed boom', 'ok']);
  });
});
