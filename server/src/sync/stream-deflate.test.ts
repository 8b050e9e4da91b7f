import { beforeEach, describe, expect, it } from 'vitest';
import { STREAM_HEARTBEAT_MS } from '@atendo/shared/sync/protocol';
import { deflateMessage } from './stream-frame';
import { manualTimer } from './stream-timer';
import { StreamRecorder } from './test-client';
import { ANA, BRUNO, useSyncServer } from './test-fixture';
import { addTags } from './test-writes';

/*
 * The live stream with permessage-deflate, over real HTTP and websockets on loopback: `ws`
 * clients negotiate and inflate the way the desktop's browser does, and each recorder's TCP
 * byte count shows what crossed the wire.
 */

const deflates = { count: 0 };
const timer = manualTimer();
const f = useSyncServer({
  setTimer: timer.setTimer,
  fanout: {
    deflate: (bytes) => {
      deflates.count += 1;
      return deflateMessage(bytes);
    },
  },
});

beforeEach(() => {
  deflates.count = 0;
});

const connected = (s: StreamRecorder) => s.count('connected') >= 1;
const TAG_IDS = Array.from({ length: 40 }, (_, i) => `tag-deflate-${i}`);

describe('the sync stream with permessage-deflate', () => {
  it('deflates a large frame once per audience group; every client decodes exactly the events', async () => {
    const laptop = new StreamRecorder(await f.signIn(ANA));
    const phone = new StreamRecorder(await f.signIn(ANA));
    const refusing = new StreamRecorder(await f.signIn(ANA), { perMessageDeflate: false });
    // Bruno also sees Suporte, but his other team gives him another epoch: another group.
    const bruno = new StreamRecorder(await f.signIn(BRUNO));
    const all = [laptop, phone, refusing, bruno];
    for (const stream of all) await stream.until(connected);
    const before = all.map((stream) => stream.bytesRead);

    await addTags(f.app, TAG_IDS, 'team-suporte');
    const complete = (s: StreamRecorder) => s.documents('tags').length === TAG_IDS.length;
    for (const stream of all) await stream.until(complete);

    for (const stream of all) {
      expect(stream.documents('tags').map((t) => t.id)).toEqual(TAG_IDS);
      expect(stream.frames).toHaveLength(2);
    }
    expect(phone.frames).toEqual(laptop.frames);
    expect(refusing.frames).toEqual(laptop.frames);
    // Ana's three connections share one deflate, Bruno's group the other; the small
    // `connected` frames were never deflated.
    expect(deflates.count).toBe(2);

    const frameLength = Buffer.byteLength(laptop.frames[1] ?? '');
    const wire = all.map((stream, i) => stream.bytesRead - (before[i] ?? 0));
    expect(frameLength).toBeGreaterThan(2048);
    expect(wire[0]).toBeLessThan(frameLength / 3);
    expect(wire[1]).toBe(wire[0]);
    // The refusing client reads the plain JSON behind a four-byte header.
    expect(wire[2]).toBe(frameLength + 4);
    expect([...laptop.closes, ...refusing.closes]).toEqual([]);
  });

  it('sends heartbeats plain, beside a two-byte ping', async () => {
    const ana = new StreamRecorder(await f.signIn(ANA));
    await ana.until(connected);
    const before = ana.bytesRead;
    timer.fire(STREAM_HEARTBEAT_MS);
    await ana.until((s) => s.frames.length === 2);
    expect(ana.frames[1]).toMatch(/^\[\{"type":"heartbeat",/);
    // The ping frame (2 bytes) and the heartbeat's JSON with its 2-byte header, uncompressed.
    expect(ana.bytesRead - before).toBe(2 + 2 + Buffer.byteLength(ana.frames[1] ?? ''));
    expect(deflates.count).toBe(0);
  });
});
