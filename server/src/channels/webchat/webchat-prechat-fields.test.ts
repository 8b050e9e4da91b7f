import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DEFAULT_WEBCHAT_SETTINGS,
  type WebchatSettings,
} from '@atendo/shared/schemas/admin/channels';
import type { SessionResponse } from './protocol';
import { WEBCHAT_CHANNEL_ID, WEBCHAT_KEY, startWebchatServer } from './webchat-test-server';

/*
 * The channel's extra pre-chat questions over real HTTP on a real SQLite file: the session is
 * refused (and nothing stored) when an answer is missing, unknown or malformed, and the answers
 * land in the contact's custom fields when the visitor's first message creates the contact.
 */

const SETTINGS: WebchatSettings = {
  ...DEFAULT_WEBCHAT_SETTINGS,
  language: 'en',
  preChatFields: [
    { key: 'order', label: 'Order number', type: 'text', required: true },
    { key: 'mobile', label: 'Mobile', type: 'phone', required: false },
    { key: 'work_email', label: 'Work e-mail', type: 'email', required: false },
  ],
};

let server: Awaited<ReturnType<typeof startWebchatServer>>;
beforeAll(async () => {
  server = await startWebchatServer();
  await server.db
    .updateTable('channels')
    .set({ settings: JSON.stringify(SETTINGS) })
    .where('id', '=', WEBCHAT_CHANNEL_ID)
    .execute();
});
afterAll(async () => {
  await server.stop();
});

const open = async (fields: unknown) => {
  const response = await fetch(`${server.url}/webchat/${WEBCHAT_KEY}/sessions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name: 'Joana', email: 'joana@example.com', locale: 'en', fields }),
  });
  return { status: response.status, body: await response.json() };
};

const sessionCount = async () =>
  Number(
    (
      await server.db
        .selectFrom('webchat_sessions')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

const contactOf = async (visitorId: string) => {
  const row = await server.db
    .selectFrom('contacts')
    .innerJoin('contact_addresses', 'contact_addresses.contact_id', 'contacts.id')
    .select(['contacts.custom_fields', 'contacts.id'])
    .where('contact_addresses.address', '=', visitorId)
    .executeTakeFirstOrThrow();
  const phones = await server.db
    .selectFrom('contact_phones')
    .select('phone')
    .where('contact_id', '=', row.id)
    .execute();
  return { customFields: JSON.parse(row.custom_fields) as unknown, phones };
};

describe('pre-chat questions', () => {
  it('serves the questions and the language with the widget config', async () => {
    const response = await fetch(`${server.url}/webchat/${WEBCHAT_KEY}/config`);
    expect(await response.json()).toMatchObject({
      language: 'en',
      preChatFields: SETTINGS.preChatFields,
    });
  });

  it('refuses a session without a required answer, naming the field, and stores nothing', async () => {
    const before = await sessionCount();
    for (const fields of [undefined, {}, { order: '  \u202E ' }]) {
      const answer = await open(fields);
      expect(answer.status).toBe(400);
      expect(answer.body).toMatchObject({
        error: { code: 'invalid-input', details: { field: 'order', reason: 'required' } },
      });
    }
    expect(await sessionCount()).toBe(before);
  });

  it('refuses a key the channel does not ask, an over-long answer and a bad phone', async () => {
    const before = await sessionCount();
    const unknown = await open({ order: 'A-1', cpf: '123' });
    expect(unknown).toMatchObject({
      status: 400,
      body: { error: { code: 'invalid-input', details: { field: 'cpf' } } },
    });
    const long = await open({ order: 'x'.repeat(201) });
    expect(long).toMatchObject({ status: 400, body: { error: { code: 'invalid-input' } } });
    const phone = await open({ order: 'A-1', mobile: 'call me' });
    expect(phone).toMatchObject({
      status: 400,
      body: { error: { code: 'invalid-input', details: { field: 'mobile' } } },
    });
    const email = await open({ order: 'A-1', work_email: 'nope' });
    expect(email).toMatchObject({
      status: 400,
      body: { error: { details: { field: 'work_email' } } },
    });
    expect(await sessionCount()).toBe(before);
  });

  it('puts the cleaned answers in the contact’s custom fields at the first message', async () => {
    const answer = await open({
      order: ` A-\u202E1234\u0000 `,
      mobile: '(11) 98765-4321',
      work_email: 'Joana@Acme.COM',
    });
    expect(answer.status).toBe(201);
    const session = answer.body as SessionResponse;
    expect(await server.say(session.token, 'prechat-msg-1', 'Olá')).toMatchObject({
      status: 201,
    });
    const contact = await contactOf(session.visitorId);
    expect(contact.customFields).toEqual({
      order: 'A-1234',
      mobile: '+5511987654321',
      work_email: 'joana@acme.com',
      locale: 'en',
    });
    // An unverified number typed by a visitor is not one of the contact's phones.
    expect(contact.phones).toEqual([]);
  });

  it('keeps an agent’s correction of an answer on the visitor’s next message', async () => {
    const session = (await open({ order: 'B-1' })).body as SessionResponse;
    await server.say(session.token, 'prechat-msg-2', 'Oi');
    const row = await server.db
      .selectFrom('contact_addresses')
      .select('contact_id')
      .where('address', '=', session.visitorId)
      .executeTakeFirstOrThrow();
    await server.db
      .updateTable('contacts')
      .set({ custom_fields: JSON.stringify({ order: 'B-2', locale: 'en' }) })
      .where('id', '=', row.contact_id)
      .execute();
    await server.say(session.token, 'prechat-msg-3', 'De novo');
    expect((await contactOf(session.visitorId)).customFields).toEqual({
      order: 'B-2',
      locale: 'en',
    });
  });
});
