import { STREAM_PATH } from '@atendo/shared/sync/protocol';
import { ANA, eventually, expect, test } from './support/fixtures';

/*
 * The server deflates each live frame once and writes the same compressed bytes to every agent
 * (permessage-deflate without context takeover). Chromium must negotiate that and decode the
 * frames to exactly what was committed, whatever the frame size.
 */

type Seen = { extensions: string; frames: string[]; closes: number[] };
type ProbeWindow = { seen: Seen };

test('a large live frame arrives compressed in Chromium and decodes to every document in order', async ({
  harness,
  server,
}) => {
  const token = await server.token(ANA);
  const url = `${server.origin.replace(/^http/, 'ws')}${STREAM_PATH}`;
  await harness.evaluate(
    ({ url, token }) => {
      const seen: Seen = { extensions: '', frames: [], closes: [] };
      (window as unknown as ProbeWindow).seen = seen;
      const socket = new WebSocket(url);
      socket.onopen = () => {
        seen.extensions = socket.extensions;
        socket.send(JSON.stringify({ type: 'hello', token }));
      };
      socket.onmessage = (event) => {
        seen.frames.push(String(event.data));
      };
      socket.onclose = (event) => {
        seen.closes.push(event.code);
      };
    },
    { url, token },
  );
  const read = () => harness.evaluate(() => (window as unknown as ProbeWindow).seen);
  await eventually(read, (seen) => seen.frames.some((f) => f.includes('"connected"')));

  const ids = Array.from({ length: 200 }, (_, i) => `tag-burst-${String(i).padStart(3, '0')}`);
  await server.control('tags', { ids, teamId: 'team-suporte' });
  const seen = await eventually(read, (s) => s.frames.some((f) => f.includes('tag-burst-199')));

  expect(seen.extensions).toContain('permessage-deflate');
  expect(seen.extensions).toContain('server_no_context_takeover');
  const frame = seen.frames.find((f) => f.includes('tag-burst-199')) ?? '';
  // Far above the 1 KiB under which the server sends frames uncompressed.
  expect(frame.length).toBeGreaterThan(10_000);
  const events = JSON.parse(frame) as { collection?: string; documents?: { id: string }[] }[];
  const received = events
    .filter((e) => e.collection === 'tags')
    .flatMap((e) => (e.documents ?? []).map((d) => d.id));
  expect(received).toEqual(ids);
  expect(seen.closes).toEqual([]);
});
