import type { SessionEndEvent, VisitorEvent } from './protocol';

/**
 * A minimal Server-Sent Events reader for tests, over Node's fetch: it collects every visitor
 * event and lets a test wait for the first one matching a predicate (no sleeps). `ended`
 * resolves when the server closes the stream, with the `session-end` event it sent, if any.
 */
export async function openVisitorStream(url: string, headers: Record<string, string> = {}) {
  const controller = new AbortController();
  const response = await fetch(url, { headers, signal: controller.signal });
  if (!response.ok || !response.body) throw new Error(`SSE failed: HTTP ${response.status}`);
  const events: VisitorEvent[] = [];
  let sessionEnd: SessionEndEvent | null = null;
  const waiters = new Set<() => void>();
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  const pump = async (): Promise<SessionEndEvent | null> => {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return sessionEnd;
      buffer += value;
      let end = buffer.indexOf('\n\n');
      while (end >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const data = block.split('\n').find((line) => line.startsWith('data: '));
        if (block.includes('event: visitor') && data) {
          events.push(JSON.parse(data.slice(6)) as VisitorEvent);
          for (const wake of waiters) wake();
        }
        if (block.includes('event: session-end') && data) {
          sessionEnd = JSON.parse(data.slice(6)) as SessionEndEvent;
        }
        end = buffer.indexOf('\n\n');
      }
    }
  };
  const pumping = pump();
  // A test that aborts the stream itself sees no end event.
  const ended = pumping.catch(() => null);

  function next<E extends VisitorEvent>(
    match: (event: VisitorEvent) => event is E,
    timeoutMs = 5000,
  ): Promise<E> {
    return new Promise((resolve, reject) => {
      const check = () => {
        const found = events.find(match);
        if (!found) return;
        waiters.delete(check);
        clearTimeout(timer);
        resolve(found);
      };
      const timer = setTimeout(() => {
        waiters.delete(check);
        reject(new Error(`no matching event; got ${JSON.stringify(events)}`));
      }, timeoutMs);
      waiters.add(check);
      check();
    });
  }

  return {
    events,
    next,
    ended,
    close: async () => {
      controller.abort();
      await ended;
    },
  };
}

export const isMessage =
  (predicate: (body: string, authorName: string | null) => boolean) =>
  (event: VisitorEvent): event is Extract<VisitorEvent, { type: 'message' }> =>
    event.type === 'message' && predicate(event.message.body, event.message.authorName);

export const isState =
  (state: string) =>
  (event: VisitorEvent): event is Extract<VisitorEvent, { type: 'state' }> =>
    event.type === 'state' && event.state === state;
