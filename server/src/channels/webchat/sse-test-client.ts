import type { VisitorEvent } from './protocol';

/**
 * A minimal Server-Sent Events reader for tests, over Node's fetch: it collects every visitor
 * event and lets a test wait for the first one matching a predicate (no sleeps).
 */
export async function openVisitorStream(url: string) {
  const controller = new AbortController();
  const response = await fetch(url, { signal: controller.signal });
  if (!response.ok || !response.body) throw new Error(`SSE failed: HTTP ${response.status}`);
  const events: VisitorEvent[] = [];
  const waiters = new Set<() => void>();
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  const pump = async (): Promise<void> => {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return;
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
        end = buffer.indexOf('\n\n');
      }
    }
  };
  const pumping = pump().catch(() => undefined);

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
    close: async () => {
      controller.abort();
      await pumping;
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
