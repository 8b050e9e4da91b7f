/**
 * Supervisors inside conversations (issue #11): opening a monitored conversation read-only,
 * joining it, transferring and reassigning from monitoring, and telling the agent who lost a
 * conversation who took it.
 */
export const ptBRSeatSuper = {
  /** Error sentences for when the server's details leave out what the usual one names. */
  errorsMore: {
    openConversations:
      'Este contato tem atendimentos em aberto. Encerre-os antes, ou escolha encerrá-los.',
    attachmentTooLarge: 'O arquivo é maior que o limite deste canal.',
    storeOpen:
      'Não foi possível abrir os dados locais deste computador. Saia e entre de novo; se continuar, avise o suporte.',
  },
  supervise: {
    open: 'Abrir',
    openFor: 'Abrir atendimento de {{name}}',
    reading: 'Você está acompanhando este atendimento de {{owner}}, somente leitura.',
    readingUnowned: 'Você está acompanhando este atendimento, somente leitura.',
    joinHint: 'Entre no atendimento para escrever; {{owner}} continua como responsável.',
    join: 'Entrar no atendimento',
    joined: 'Você entrou no atendimento',
    transfer: 'Transferir',
    sendBackTitle: 'Devolver à fila o atendimento de {{name}}?',
    sendBackBody:
      '{{owner}} deixará de atender este contato, e ele volta à fila da equipe {{team}}.',
    sendBackBodyUnowned: 'O atendimento volta à fila da equipe {{team}}.',
    withRole: '{{name}} ({{role}})',
    role: { supervisor: 'supervisão', admin: 'administração' },
    lostTitle: 'Atendimento retirado de você',
    lost: {
      reassigned: '{{by}} reatribuiu este atendimento para {{agent}}.',
      transferredToAgent: '{{by}} transferiu este atendimento para {{agent}} (equipe {{team}}).',
      transferred: '{{by}} transferiu este atendimento para a fila da equipe {{team}}.',
      sentBack: '{{by}} devolveu este atendimento à fila da equipe {{team}}.',
      forceClosed: '{{by}} finalizou este atendimento pelo monitoramento.',
    },
    lostWithContact: '{{contact}}: {{text}}',
    system: {
      transferredBy: '{{by}} transferiu para {{target}}',
      transferredFrom: '{{by}} transferiu de {{from}} para {{target}}',
      note: ' — "{{note}}"',
      reassignedFrom: '{{by}} reatribuiu de {{from}} para {{target}}',
      participantJoined: '{{agent}} entrou no atendimento',
    },
  },
};
