/**
 * The smaller things of the agent's seat (issue #11): tags in the header and the options menu,
 * bot messages, collaborators, presence, the login's password toggle, template languages.
 */
export const ptBRSeat = {
  seat: {
    assignTag: 'Atribuir tag',
    headerTags: 'Tags do atendimento',
    bot: 'Bot',
    botChoice: 'Opção do menu: {{label}}',
    noConnection: 'Sem conexão',
    noConnectionHint:
      'Sua conexão com o servidor caiu; você não recebe atendimentos até ela voltar.',
    agentPresence: '{{name}} ({{presence}})',
    participants: 'Colaboradores neste atendimento',
    noParticipants: 'Ninguém foi convidado ainda.',
    removeParticipant: 'Remover {{name}}',
    participantRemoved: 'Colaborador removido',
    leave: 'Sair do atendimento',
    left: 'Você saiu do atendimento',
    showPassword: 'Mostrar senha',
    hidePassword: 'Ocultar senha',
    templateLanguage: 'Idioma: {{language}}',
    prefilledName: 'Preenchido com o nome do contato',
  },
};
