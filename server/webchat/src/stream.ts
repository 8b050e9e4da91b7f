/** One Server-Sent Event: its `event:` name (default 'message') and its joined `data:` lines. */
export type StreamEvent = { name: string; data: string };

export type EventStreamHandlers = {
  onEvent: (event: StreamEvent) => void;
  /** The server answered with an error status; `response` is that answer. */
  onRefused: (response: Response) => void;
  /** The connection failed or ended without an error status: reconnect later. */
  onDrop: () => void;
};

/** Splits an SSE block into its event; comments (keep-alives) and `retry:` lines are skipped. */
function parseBlock(block: string): StreamEvent | null {
  let name = 'message';
  const data: string[] = [];
  for (const line of block.split('\n')) {
    if (line.startsWith(':')) continue;
    const colon = line.indexOf(':');
    const field = colon < 0 ? line : line.slice(0, colon);
    const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
    if (field === 'event') name = value;
    else if (field === 'data') data.push(value);
  }
  return data.length > 0 ? { name, data: data.join('\n') } : null;
}

/**
 * Reads a text/event-stream with fetch, so the visitor token travels in the Authorization
 * header: EventSource cannot send headers, and a token in the URL would land in access logs,
 * proxies and the browser history. Unlike EventSource it does not reconnect by itself; the
 * widget does, after reloading the transcript. `close()` ends it without calling a handler.
 */
export function openEventStream(
  url: string,
  headers: Record<string, string>,
  handlers: EventStreamHandlers,
): { close: () => void } {
  const controller = new AbortController();
  let closed = false;
  // A handler may close the stream mid-chunk; a function reads the flag afresh every time.
  const isOpen = () => !closed;
  const read = async () => {
    const response = await fetch(url, {
      headers: { ...headers, accept: 'text/event-stream' },
      cache: 'no-store',
      signal: controller.signal,
    });
    if (!response.ok || !response.body) {
      if (isOpen()) handlers.onRefused(response);
      return;
    }
    const reader = response.body.getReader();
    const decoder = new TextDecoder();
    let buffer = '';
    for (;;) {
      const { value, done } = await reader.read();
      if (done || !isOpen()) break;
      buffer += decoder.decode(value, { stream: true }).replace(/\r\n?/g, '\n');
      let end = buffer.indexOf('\n\n');
      while (end >= 0 && isOpen()) {
        const event = parseBlock(buffer.slice(0, end));
        buffer = buffer.slice(end + 2);
        if (event) handlers.onEvent(event);
        end = buffer.indexOf('\n\n');
      }
    }
    if (isOpen()) handlers.onDrop();
  };
  read().catch(() => {
    if (isOpen()) handlers.onDrop();
  });
  return {
    close: () => {
      closed = true;
      controller.abort();
    },
  };
}
