import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadAgent } from '../repo/directory';
import { runTimers } from '../services/timers';
import { storeUpload } from '../services/uploads';
import { ANA, createHarness, type Harness } from '../testing/harness';
import { PDF } from './hostile-samples';
import { storedFiles } from './hostile-support';

/*
 * Uploads an agent never sends are removed by the timers after the grace period, file and
 * row; sent ones stay however old. The clock is the harness's, moved by hand.
 */

const HOUR = 3_600_000;
const GRACE = 24 * HOUR;
let h: Harness;
beforeEach(async () => {
  h = await createHarness();
});
afterEach(async () => {
  await h.close();
});

async function upload(name: string) {
  const agent = await loadAgent(h.db, 'agent-ana');
  if (agent === null) throw new Error('the seed lost Ana');
  return storeUpload(h.deps, agent, {
    conversationId: 'conv-pedro-1',
    fileName: name,
    mimeType: 'application/pdf',
    body: PDF,
  });
}
const uploadIds = async () =>
  (await h.db.selectFrom('uploads').select('id').orderBy('id').execute()).map((r) => r.id);
const sweep = () => runTimers(h.deps, h.clock.now(), { orphanUploadGraceMs: GRACE });

describe('orphaned uploads', () => {
  it('are removed after the grace period; sent ones are kept', async () => {
    const ana = await h.as(ANA);
    await ana.conversation.take({ conversationId: 'conv-pedro-1' });
    const sent = await upload('enviado.pdf');
    const forgotten = await upload('esquecido.pdf');
    await ana.conversation.sendAttachment({
      conversationId: 'conv-pedro-1',
      clientId: 'orphan-sent',
      attachmentIds: [sent.id],
      caption: '',
    });
    h.clock.advance(GRACE - 1);
    expect(await sweep()).toMatchObject({ orphanUploadsRemoved: 0 });
    expect(await uploadIds()).toEqual([sent.id, forgotten.id].sort());

    h.clock.advance(1);
    expect(await sweep()).toMatchObject({ orphanUploadsRemoved: 1 });
    expect(await uploadIds()).toEqual([sent.id]);
    expect(storedFiles(h.dir)).toEqual([path.join('uploads', sent.id)]);

    h.clock.advance(30 * GRACE);
    expect(await sweep()).toMatchObject({ orphanUploadsRemoved: 0 });
    expect(await uploadIds()).toEqual([sent.id]);
  });

  it('include files on disk that no row records, once they are older than the grace', async () => {
    const dir = path.join(h.dir, 'uploads', 'webchat');
    fs.mkdirSync(dir, { recursive: true });
    const left = path.join(dir, 'crashed-mid-upload');
    fs.writeFileSync(left, 'partial');
    const written = (h.clock.now() - GRACE - 1) / 1000;
    fs.utimesSync(left, written, written);
    const recent = path.join(dir, 'arriving-now');
    fs.writeFileSync(recent, 'partial');
    const now = h.clock.now() / 1000;
    fs.utimesSync(recent, now, now);
    expect(await sweep()).toMatchObject({ orphanUploadsRemoved: 1 });
    expect(storedFiles(h.dir)).toEqual([path.join('uploads', 'webchat', 'arriving-now')]);
  });

  it('are left alone when the timers run without a grace period', async () => {
    const ana = await h.as(ANA);
    await ana.conversation.take({ conversationId: 'conv-pedro-1' });
    await upload('esquecido.pdf');
    h.clock.advance(365 * GRACE);
    expect(await runTimers(h.deps, h.clock.now())).toEqual({ csatTimedOut: 0, botTimedOut: 0 });
    expect(await uploadIds()).toHaveLength(1);
  });
});
