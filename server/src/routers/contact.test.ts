import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ANA, BRUNO, createHarness, expectDenied, type Harness } from '../testing/harness';

// Maria's WhatsApp id, as the seed's channel proved it: an edit sends it back unchanged.
const MARIA_ADDRESSES = [{ channelId: 'channel-whatsapp', address: '5511987650001' }];
const PEDRO_ADDRESSES = [{ channelId: 'channel-whatsapp', address: '5531987650003' }];

describe('contacts', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await createHarness();
  });
  afterEach(async () => {
    await h.close();
  });

  const count = async (table: 'contacts' | 'changes'): Promise<number> =>
    (
      await h.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n;

  it('creates a contact with phones in E.164 and finds it by name, digits or e-mail', async () => {
    const ana = await h.as(ANA);
    const created = await ana.contact.create({
      name: 'Rita Gomes',
      phones: ['(11) 98888-7777'],
      emails: ['rita@example.com'],
    });
    expect(created).toMatchObject({ phones: ['+5511988887777'], version: 0 });
    for (const query of ['rita', '88887', 'RITA@example']) {
      expect((await ana.contact.search({ query })).map((c) => c.id)).toEqual([created.id]);
    }
    expect(await ana.contact.get({ id: created.id })).toEqual(created);
  });

  it.each([
    ['a phone that is not one', { name: 'X', phones: ['ligar amanhã'] }],
    ['an empty name', { name: '  ', phones: [] }],
    ['a bad e-mail', { name: 'X', emails: ['nope'] }],
  ])('refuses %s as invalid-input and writes nothing', async (_label, input) => {
    const ana = await h.as(ANA);
    const before = [await count('contacts'), await count('changes')];
    const denied = await expectDenied(ana.contact.create(input), 'invalid-input');
    expect(denied.atendoCode).toBe('invalid-input');
    expect([await count('contacts'), await count('changes')]).toEqual(before);
  });

  it('refuses an edit based on a stale version, naming the current one', async () => {
    const ana = await h.as(ANA);
    const bruno = await h.as(BRUNO);
    const fields = {
      name: 'Maria O. Silva',
      phones: ['+5511987650001'],
      emails: [],
      addresses: MARIA_ADDRESSES,
      customFields: {},
    };
    const edited = await ana.contact.update({ id: 'contact-maria', version: 0, fields });
    expect(edited.version).toBe(1);
    const denied = await expectDenied(
      bruno.contact.update({
        id: 'contact-maria',
        version: 0,
        fields: { ...fields, name: 'Outra' },
      }),
      'conflict',
    );
    expect(denied.details).toEqual({ currentVersion: 1 });
    expect((await ana.contact.get({ id: 'contact-maria' })).name).toBe('Maria O. Silva');
  });

  describe('a request retried after its response was lost', () => {
    const fields = (name: string) => ({
      name,
      phones: ['+5531987650003'],
      emails: [],
      addresses: PEDRO_ADDRESSES,
      customFields: {},
    });

    it('an edit returns what it saved, with one version, one change and one timeline note', async () => {
      const ana = await h.as(ANA);
      await ana.conversation.take({ conversationId: 'conv-pedro-1' });
      const edit = {
        id: 'contact-pedro',
        version: 0,
        clientId: 'edit-1',
        fields: fields('Pedro H.'),
      };
      const first = await ana.contact.update(edit);
      const writes = [
        await count('changes'),
        (await ana.conversation.timeline({ conversationId: 'conv-pedro-1' })).length,
      ];
      expect(await ana.contact.update(edit)).toEqual(first);
      expect(first.version).toBe(1);
      expect([
        await count('changes'),
        (await ana.conversation.timeline({ conversationId: 'conv-pedro-1' })).length,
      ]).toEqual(writes);
      // Another request on the same stale version is still a conflict.
      await expectDenied(ana.contact.update({ ...edit, clientId: 'edit-2' }), 'conflict');
    });

    it('an edit someone else saved over since is a conflict', async () => {
      const ana = await h.as(ANA);
      const bruno = await h.as(BRUNO);
      const edit = {
        id: 'contact-pedro',
        version: 0,
        clientId: 'edit-1',
        fields: fields('Pedro H.'),
      };
      await ana.contact.update(edit);
      await bruno.contact.update({
        id: 'contact-pedro',
        version: 1,
        clientId: 'edit-b',
        fields: fields('Pedro B.'),
      });
      const denied = await expectDenied(ana.contact.update(edit), 'conflict');
      expect(denied.details).toEqual({ currentVersion: 2 });
      expect((await ana.contact.get({ id: 'contact-pedro' })).name).toBe('Pedro B.');
    });

    it('a create returns the first contact instead of a second one', async () => {
      const ana = await h.as(ANA);
      const before = await count('contacts');
      const input = { name: 'Rita Gomes', phones: ['(11) 98888-7777'], clientId: 'create-1' };
      const first = await ana.contact.create(input);
      expect(await ana.contact.create(input)).toEqual(first);
      expect(await count('contacts')).toBe(before + 1);
      const other = await ana.contact.create({ ...input, phones: [], clientId: 'create-2' });
      expect(other.id).not.toBe(first.id);
      expect(await count('contacts')).toBe(before + 2);
    });
  });

  it('notes the edit in the timeline of the contact open conversation', async () => {
    const ana = await h.as(ANA);
    await ana.conversation.take({ conversationId: 'conv-pedro-1' });
    const fields = {
      name: 'Pedro H. Santos',
      phones: ['+5531987650003'],
      emails: [],
      addresses: PEDRO_ADDRESSES,
      customFields: {},
    };
    await ana.contact.update({ id: 'contact-pedro', version: 0, fields });
    const timeline = await ana.conversation.timeline({ conversationId: 'conv-pedro-1' });
    expect(timeline.at(-1)?.system).toEqual({ type: 'contact-edited', byAgentId: 'agent-ana' });
  });

  it('refuses bad input to a conversation procedure with the issues and no message written', async () => {
    const ana = await h.as(ANA);
    await ana.conversation.take({ conversationId: 'conv-pedro-1' });
    const messages = await h.db.selectFrom('messages').select('id').execute();
    const denied = await expectDenied(
      ana.conversation.sendText({ conversationId: 'conv-pedro-1', clientId: 'x', text: '   ' }),
      'invalid-input',
    );
    expect(denied.issues?.[0]?.path).toBe('text');
    expect(await h.db.selectFrom('messages').select('id').execute()).toHaveLength(messages.length);
  });
});
