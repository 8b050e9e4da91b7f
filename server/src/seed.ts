import type { Conversation } from '@atendo/shared/schemas/conversation';
import type { Message } from '@atendo/shared/schemas/message';
import { hashPassword } from './auth/password';
import type { Clock } from './clock';
import type { Database } from './db/database';
import {
  DEMO_AGENTS,
  DEMO_CHANNELS,
  DEMO_CONTACTS,
  DEMO_DISPOSITIONS,
  DEMO_PASSWORD,
  DEMO_QUICK_REPLIES,
  DEMO_TAGS,
  DEMO_TEAMS,
  DEMO_TEMPLATES,
} from './demo-data';
import type { Tx } from './services/deps';
import { writeContact } from './services/contact-writer';
import { systemMessage, withLastMessage, writeConversation } from './services/conversation-writer';
import {
  insertAgent,
  insertChannel,
  insertDisposition,
  insertQuickReply,
  insertTag,
  insertTeam,
  insertTemplate,
} from './services/directory-writer';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/**
 * Seeds the demo organisation into a database that has no agents yet; on any other database
 * it does nothing, so it is safe to run at every start. Returns whether it seeded.
 */
export async function seedDemo(db: Database, clock: Clock): Promise<boolean> {
  const existing = await db.selectFrom('agents').select('id').limit(1).executeTakeFirst();
  if (existing) return false;
  const now = clock.now();
  // Hash before the transaction: scrypt is slow and the transaction should be short.
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await db.transaction().execute(async (trx) => {
    await seedDirectory(trx, now, passwordHash);
    await seedCatalog(trx, now);
    await seedConversations(trx, now);
  });
  return true;
}

async function seedDirectory(trx: Tx, now: number, passwordHash: string): Promise<void> {
  for (const t of DEMO_TEAMS) {
    const settings = {
      dispositionRequired: t.dispositionRequired,
      csatEnabled: t.csatEnabled,
      csatTimeoutMs: DAY,
    };
    await insertTeam(trx, { id: t.id, name: t.name, settings, updatedAt: now });
  }
  for (const a of DEMO_AGENTS) {
    const agent = {
      ...a,
      teamIds: [...a.teams],
      permissions: [...a.permissions],
      presence: 'offline' as const,
      capacity: 5,
      updatedAt: now,
    };
    await insertAgent(trx, agent, passwordHash);
  }
  for (const c of DEMO_CHANNELS) await insertChannel(trx, { ...c, updatedAt: now });
  for (const c of DEMO_CONTACTS) {
    await writeContact(trx, null, {
      id: c.id,
      name: c.name,
      phones: [c.phone],
      emails: c.email ? [c.email] : [],
      addresses: [{ channelId: 'channel-whatsapp', address: c.phone.slice(1) }],
      customFields: {},
      createdAt: now - 30 * DAY,
      updatedAt: now - 30 * DAY,
      version: 0,
    });
  }
}

async function seedCatalog(trx: Tx, now: number): Promise<void> {
  for (const t of DEMO_TEMPLATES) {
    await insertTemplate(trx, {
      ...t,
      teamIds: [...t.teamIds],
      channelId: 'channel-whatsapp',
      language: 'pt_BR',
      updatedAt: now,
    });
  }
  for (const t of DEMO_TAGS) await insertTag(trx, { ...t, updatedAt: now });
  for (const d of DEMO_DISPOSITIONS)
    await insertDisposition(trx, { ...d, active: true, updatedAt: now });
  for (const q of DEMO_QUICK_REPLIES)
    await insertQuickReply(trx, { ...q, attachment: null, active: true, updatedAt: now });
}

type Line = { from: 'contact' | 'agent'; text: string };

const line = (
  id: string,
  conversationId: string,
  l: Line,
  at: number,
  agentId: string,
): Message => ({
  id,
  conversationId,
  direction: l.from === 'contact' ? 'inbound' : 'outbound',
  kind: 'text',
  authorAgentId: l.from === 'agent' ? agentId : null,
  body: l.text,
  attachments: [],
  template: null,
  system: null,
  status: l.from === 'contact' ? 'delivered' : 'read',
  error: null,
  channelMessageId: null,
  clientId: null,
  createdAt: at,
  updatedAt: at,
});

type Story = {
  id: string;
  contactId: string;
  teamId: string;
  agentId: string;
  dispositionId: string | null;
  startedAt: number;
  lines: Line[];
};

async function seedClosed(trx: Tx, s: Story): Promise<void> {
  const messages = s.lines.map((l, i) =>
    line(`${s.id}-m${i}`, s.id, l, s.startedAt + i * 60_000, s.agentId),
  );
  const closedAt = s.startedAt + s.lines.length * 60_000;
  const closed = systemMessage(
    `${s.id}-closed`,
    s.id,
    { type: 'closed', byAgentId: s.agentId, dispositionId: s.dispositionId, forced: false },
    closedAt,
    s.agentId,
  );
  const last = messages.at(-1);
  const inbound = messages.filter((m) => m.direction === 'inbound').at(-1);
  const conversation: Conversation = {
    id: s.id,
    contactId: s.contactId,
    channelId: 'channel-whatsapp',
    teamId: s.teamId,
    ownerId: s.agentId,
    participantIds: [],
    tagIds: [],
    dispositionId: s.dispositionId,
    state: 'closed',
    lastInboundAt: inbound?.createdAt ?? null,
    lastMessageAt: null,
    lastMessagePreview: null,
    createdAt: s.startedAt,
    queuedAt: null,
    closedAt,
    csatDeadline: null,
    botDeadline: null,
    updatedAt: closedAt,
  };
  const after = last
    ? { ...withLastMessage(conversation, last), updatedAt: closedAt }
    : conversation;
  await writeConversation(trx, { before: null, after, messages: [...messages, closed] });
}

async function seedConversations(trx: Tx, now: number): Promise<void> {
  await seedClosed(trx, {
    id: 'conv-maria-1',
    contactId: 'contact-maria',
    teamId: 'team-suporte',
    agentId: 'agent-ana',
    dispositionId: 'disp-problema-resolvido',
    startedAt: now - 10 * DAY,
    lines: [
      { from: 'contact', text: 'Oi, meu aplicativo não abre desde ontem.' },
      { from: 'agent', text: 'Olá Maria! Pode me dizer a versão do seu celular?' },
      { from: 'contact', text: 'Android 14.' },
      {
        from: 'agent',
        text: 'Atualize o aplicativo pela loja, por favor; a versão 3.2 corrige isso.',
      },
      { from: 'contact', text: 'Funcionou, obrigada!' },
    ],
  });
  await seedClosed(trx, {
    id: 'conv-joao-1',
    contactId: 'contact-joao',
    teamId: 'team-vendas',
    agentId: 'agent-diego',
    dispositionId: 'disp-venda',
    startedAt: now - 5 * DAY,
    lines: [
      { from: 'contact', text: 'Quero saber o preço do plano anual.' },
      { from: 'agent', text: 'O plano anual sai por R$ 1.200,00, com 2 meses grátis.' },
      { from: 'contact', text: 'Fechado, pode enviar o boleto.' },
    ],
  });
  await seedQueued(trx, now);
}

async function seedQueued(trx: Tx, now: number): Promise<void> {
  const at = now - 7 * 60_000;
  const message = line(
    'conv-pedro-1-m0',
    'conv-pedro-1',
    { from: 'contact', text: 'Boa tarde, preciso de ajuda com a minha fatura.' },
    at,
    '',
  );
  const queued = systemMessage(
    'conv-pedro-1-queued',
    'conv-pedro-1',
    { type: 'queued', teamId: 'team-suporte' },
    at,
  );
  const conversation: Conversation = {
    id: 'conv-pedro-1',
    contactId: 'contact-pedro',
    channelId: 'channel-whatsapp',
    teamId: 'team-suporte',
    ownerId: null,
    participantIds: [],
    tagIds: [],
    dispositionId: null,
    state: 'queued',
    lastInboundAt: at,
    lastMessageAt: null,
    lastMessagePreview: null,
    createdAt: at,
    queuedAt: at,
    closedAt: null,
    csatDeadline: null,
    botDeadline: null,
    updatedAt: at,
  };
  await writeConversation(trx, {
    before: null,
    after: withLastMessage(conversation, message),
    messages: [message, queued],
  });
}
