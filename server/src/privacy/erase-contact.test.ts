import fs from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ERASED_CONTACT_NAME } from '@atendo/shared/rules/erasure';
import { dialectOf } from '../db/dialect';
import { ANA, CARLA, createHarness, expectDenied, type Harness } from '../testing/harness';
import { ADMIN, PEDRO_TRACES, pedroScenario, rawFileHits, textColumnHits } from './test-support';

describe('erasing a contact', () => {
  let h: Harness;
  let file: { fileId: string; filePath: string };
  beforeEach(async () => {
    h = await createHarness();
    file = await pedroScenario(h);
  });
  afterEach(async () => {
    await h.close();
  });

  const erase = async (input: { confirmName?: string; force?: boolean } = {}) =>
    (await h.as(ADMIN)).privacy.erase({
      contactId: 'contact-pedro',
      confirmName: input.confirmName ?? 'Pedro Santos',
      force: input.force ?? false,
    });

  it('is refused while the contact has an open conversation, unless forced', async () => {
    const refused = await expectDenied(erase(), 'contact-has-open-conversations');
    expect(refused.details).toEqual({ count: 1 });
    expect(await textColumnHits(h, ['Pedro Santos'])).not.toEqual([]);
    expect(fs.existsSync(file.filePath)).toBe(true);

    const report = await erase({ force: true });
    expect(report).toEqual({
      contactId: 'contact-pedro',
      erasedAt: h.clock.now(),
      conversations: 2,
      closedNow: 1,
      messages: expect.any(Number) as number,
      files: 1,
    });
    expect(report.messages).toBeGreaterThan(5);
  });

  it('leaves no personal data in any table, in the database files or on disk', async () => {
    expect((await textColumnHits(h, PEDRO_TRACES)).length).toBeGreaterThan(5);
    await erase({ force: true });

    expect(await textColumnHits(h, PEDRO_TRACES)).toEqual([]);
    if (dialectOf(h.db) === 'sqlite') expect(rawFileHits(h, PEDRO_TRACES)).toEqual([]);
    expect(fs.existsSync(file.filePath)).toBe(false);
    const uploads = await h.db
      .selectFrom('uploads')
      .select('id')
      .where('id', '=', file.fileId)
      .execute();
    expect(uploads).toEqual([]);
  });

  it('keeps what reports count: times, channel, team, agent, disposition, tags and the score', async () => {
    const before = await h.db
      .selectFrom('conversations')
      .selectAll()
      .where('id', '=', 'conv-pedro-1')
      .executeTakeFirstOrThrow();
    await erase({ force: true });
    const after = await h.db
      .selectFrom('conversations')
      .selectAll()
      .where('contact_id', '=', 'contact-pedro')
      .orderBy('created_at')
      .execute();
    expect(after).toHaveLength(2);
    // The address the conversation was opened on (Pedro's number) goes with the rest.
    expect(before.address).toBe('5531987650003');
    expect(after[0]).toEqual({
      ...before,
      last_message_preview: null,
      address: null,
      updated_at: h.clock.now(),
    });
    expect(after[1]).toMatchObject({
      state: 'closed',
      closed_at: h.clock.now(),
      team_id: 'team-suporte',
    });
    const csat = await h.db
      .selectFrom('csat_answers')
      .selectAll()
      .where('conversation_id', '=', 'conv-pedro-1')
      .executeTakeFirstOrThrow();
    expect(csat).toMatchObject({ score: 5, comment: null });
    const contact = await (await h.as(ADMIN)).contact.get({ id: 'contact-pedro' });
    expect(contact).toMatchObject({
      name: ERASED_CONTACT_NAME,
      phones: [],
      emails: [],
      addresses: [],
      customFields: {},
    });
    const messages = await h.db
      .selectFrom('messages')
      .select('id')
      .where('conversation_id', '=', 'conv-pedro-1')
      .execute();
    expect(messages).toEqual([]);
  });

  it('records who erased whom, answers a retry with the same report, and hides the contact from searches', async () => {
    const first = await erase({ force: true });
    h.clock.advance(1000);
    expect(await erase({ confirmName: 'anything' })).toEqual(first);
    const log = await h.db
      .selectFrom('access_log')
      .selectAll()
      .where('action', '=', 'privacy.erase')
      .execute();
    expect(log).toEqual([
      expect.objectContaining({
        agent_id: 'agent-admin',
        entity_type: 'contact',
        entity_id: 'contact-pedro',
        contact_id: 'contact-pedro',
        outcome: 'allowed',
        at: first.erasedAt,
      }),
    ]);
    const admin = await h.as(ADMIN);
    expect(await admin.privacy.findContacts({ query: ERASED_CONTACT_NAME })).toEqual([]);
  });

  it('wants the contact name typed to confirm, and changes nothing otherwise', async () => {
    const refused = await expectDenied(
      erase({ confirmName: 'Pedro', force: true }),
      'invalid-input',
    );
    expect(refused.details).toEqual({ field: 'confirmName' });
    expect(fs.existsSync(file.filePath)).toBe(true);
    expect(await (await h.as(ANA)).contact.get({ id: 'contact-pedro' })).toMatchObject({
      name: 'Pedro Santos',
    });
  });

  it('is refused to supervisors and agents, and each refusal is logged', async () => {
    for (const email of [CARLA, ANA]) {
      const caller = await h.as(email);
      const refused = await expectDenied(
        caller.privacy.erase({
          contactId: 'contact-pedro',
          confirmName: 'Pedro Santos',
          force: true,
        }),
        'forbidden',
      );
      expect(refused.details).toMatchObject({ required: 'admin' });
    }
    const refusals = await h.db
      .selectFrom('access_log')
      .select(['agent_id', 'action', 'contact_id', 'outcome', 'reason'])
      .where('outcome', '=', 'refused')
      .orderBy('id')
      .execute();
    expect(refusals).toEqual([
      {
        agent_id: 'agent-carla',
        action: 'privacy.erase',
        contact_id: 'contact-pedro',
        outcome: 'refused',
        reason: 'forbidden',
      },
      {
        agent_id: 'agent-ana',
        action: 'privacy.erase',
        contact_id: 'contact-pedro',
        outcome: 'refused',
        reason: 'forbidden',
      },
    ]);
    expect(fs.existsSync(file.filePath)).toBe(true);
  });
});
