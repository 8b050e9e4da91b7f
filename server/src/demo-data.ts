import type { BotMenu } from '@atendo/shared/schemas/channel';

/*
 * The demo organisation seeded into a fresh database: readable fixed ids so the demo, the docs
 * and the tests can name things. Passwords are for the demo only and printed at start.
 */

export const DEMO_PASSWORD = 'atendo-demo';
/** The demo web chat channel's key: the `data-channel` of its script tag. */
export const DEMO_WEBCHAT_KEY = 'site-atendo';

export const DEMO_TEAMS = [
  { id: 'team-suporte', name: 'Suporte', dispositionRequired: true, csatEnabled: true },
  { id: 'team-vendas', name: 'Vendas', dispositionRequired: false, csatEnabled: false },
] as const;

export const DEMO_AGENTS = [
  {
    id: 'agent-carla',
    name: 'Carla Mendes',
    email: 'carla@atendo.demo',
    role: 'supervisor',
    teams: ['team-suporte', 'team-vendas'],
    permissions: [],
  },
  {
    id: 'agent-ana',
    name: 'Ana Souza',
    email: 'ana@atendo.demo',
    role: 'agent',
    teams: ['team-suporte'],
    permissions: [],
  },
  {
    id: 'agent-bruno',
    name: 'Bruno Lima',
    email: 'bruno@atendo.demo',
    role: 'agent',
    teams: ['team-suporte', 'team-vendas'],
    permissions: [],
  },
  {
    id: 'agent-diego',
    name: 'Diego Alves',
    email: 'diego@atendo.demo',
    role: 'agent',
    teams: ['team-vendas'],
    permissions: ['history-all'],
  },
  {
    id: 'agent-admin',
    name: 'Administrador Atendo',
    email: 'admin@atendo.demo',
    role: 'admin',
    teams: [],
    permissions: [],
  },
] as const;

export const DEMO_BOT_MENU: BotMenu = {
  greeting: 'Olá! Bem-vindo à Atendo. Escolha uma opção:',
  options: [
    { key: '1', label: 'Suporte', teamId: 'team-suporte' },
    { key: '2', label: 'Vendas', teamId: 'team-vendas' },
  ],
  invalidReply: 'Não entendi. Responda com o número de uma das opções.',
  timeoutMs: 10 * 60_000,
  onTimeout: 'route-default-team',
};

export const DEMO_CHANNELS = [
  {
    id: 'channel-whatsapp',
    name: 'WhatsApp Atendo',
    kind: 'whatsapp',
    direction: 'both',
    defaultTeamId: 'team-suporte',
    botMenu: DEMO_BOT_MENU,
    externalId: '5511940000000',
  },
  {
    id: 'channel-webchat',
    name: 'Chat do site',
    kind: 'webchat',
    direction: 'both',
    defaultTeamId: 'team-vendas',
    botMenu: null,
    externalId: DEMO_WEBCHAT_KEY,
  },
  {
    id: 'channel-receptivo',
    name: 'WhatsApp Receptivo',
    kind: 'whatsapp',
    direction: 'inbound-only',
    defaultTeamId: 'team-suporte',
    botMenu: null,
    externalId: '5511940000001',
  },
] as const;

export const DEMO_CONTACTS = [
  {
    id: 'contact-maria',
    name: 'Maria Oliveira',
    phone: '+5511987650001',
    email: 'maria@example.com',
  },
  { id: 'contact-joao', name: 'João Pereira', phone: '+5521987650002', email: 'joao@example.com' },
  { id: 'contact-pedro', name: 'Pedro Santos', phone: '+5531987650003', email: null },
  {
    id: 'contact-lucia',
    name: 'Lúcia Ferreira',
    phone: '+5541987650004',
    email: 'lucia@example.com',
  },
] as const;

export const DEMO_TEMPLATES = [
  {
    id: 'template-retomada',
    name: 'retomada_atendimento',
    teamIds: [],
    category: 'UTILITY',
    header: null,
    body: 'Olá {{1}}, aqui é {{2}} da Atendo. Podemos continuar o seu atendimento?',
    footer: 'Atendo',
  },
  {
    id: 'template-pedido',
    name: 'status_pedido',
    teamIds: ['team-vendas'],
    category: 'UTILITY',
    header: 'Seu pedido',
    body: 'Olá {{1}}, o pedido {{2}} foi atualizado: {{3}}.',
    footer: null,
  },
  {
    id: 'template-chamado',
    name: 'chamado_aberto',
    teamIds: ['team-suporte'],
    category: 'UTILITY',
    header: null,
    body: 'Olá {{1}}, abrimos o chamado {{2}}. Responda esta mensagem para continuar.',
    footer: null,
  },
  {
    // Sent by the system at close when the 24 h window has shut (services/csat-question.ts).
    id: 'template-csat',
    name: 'avaliacao_atendimento',
    teamIds: [],
    category: 'UTILITY',
    header: null,
    body: 'Como você avalia este atendimento? Responda com uma nota de 1 (muito insatisfeito) a 5 (muito satisfeito).',
    footer: 'Atendo',
  },
] as const;

export const DEMO_TAGS = [
  { id: 'tag-aguardando', teamId: 'team-suporte', name: 'Aguardando cliente', color: '#f59f00' },
  { id: 'tag-urgente', teamId: 'team-suporte', name: 'Urgente', color: '#e03131' },
  { id: 'tag-negociacao', teamId: 'team-vendas', name: 'Negociação', color: '#1971c2' },
  { id: 'tag-agendamento', teamId: 'team-vendas', name: 'Agendamento', color: '#2f9e44' },
] as const;

/** The demo teams' quick replies: what agents of each team type `/` for. */
export const DEMO_QUICK_REPLIES = [
  {
    id: 'qr-saudacao-suporte',
    teamId: 'team-suporte',
    shortcut: 'saudacao',
    text: 'Olá, {{contact.firstName}}! Aqui é {{agent.firstName}}, do {{team.name}} da Atendo. Como posso ajudar?',
  },
  {
    id: 'qr-segunda-via',
    teamId: 'team-suporte',
    shortcut: 'segunda-via',
    text: 'A segunda via do boleto está no app, em Financeiro › Boletos. Se preferir, envio por aqui.',
  },
  {
    id: 'qr-encerramento-suporte',
    teamId: 'team-suporte',
    shortcut: 'encerramento',
    text: 'Posso ajudar em algo mais, {{contact.firstName}}? Se não, vou encerrar o atendimento. Obrigado pelo contato!',
  },
  {
    id: 'qr-saudacao-vendas',
    teamId: 'team-vendas',
    shortcut: 'saudacao',
    text: 'Olá, {{contact.firstName}}! Sou {{agent.firstName}}, do time de {{team.name}}. Em que posso ajudar?',
  },
  {
    id: 'qr-proposta',
    teamId: 'team-vendas',
    shortcut: 'proposta',
    text: 'Vou preparar uma proposta e envio ainda hoje, {{contact.firstName}}.',
  },
] as const;

export const DEMO_DISPOSITIONS = [
  { id: 'disp-duvida', teamId: 'team-suporte', parentId: null, name: 'Dúvida' },
  {
    id: 'disp-duvida-produto',
    teamId: 'team-suporte',
    parentId: 'disp-duvida',
    name: 'Sobre o produto',
  },
  { id: 'disp-duvida-cobranca', teamId: 'team-suporte', parentId: 'disp-duvida', name: 'Cobrança' },
  { id: 'disp-problema', teamId: 'team-suporte', parentId: null, name: 'Problema técnico' },
  {
    id: 'disp-problema-resolvido',
    teamId: 'team-suporte',
    parentId: 'disp-problema',
    name: 'Resolvido',
  },
  {
    id: 'disp-problema-escalado',
    teamId: 'team-suporte',
    parentId: 'disp-problema',
    name: 'Encaminhado ao nível 2',
  },
  { id: 'disp-venda', teamId: 'team-vendas', parentId: null, name: 'Venda realizada' },
  { id: 'disp-sem-interesse', teamId: 'team-vendas', parentId: null, name: 'Sem interesse' },
] as const;
