/** Strings of the admin console's shell and its people pages (agents, teams, channels), pt-BR. */
export const ptBRAdminPeople = {
  adminConsole: {
    nav: 'Administração',
    title: 'Administração',
    navigation: 'Seções da administração',
    readOnly: 'Somente administradores podem alterar. Você está vendo estes dados como supervisor.',
    sections: {
      agents: 'Agentes',
      agentsHint: 'Quem tem acesso ao Atendo, em quais equipes, com qual papel e capacidade.',
      teams: 'Equipes',
      teamsHint: 'Os membros de cada equipe e como a fila dela encerra os atendimentos.',
      channels: 'Canais',
      channelsHint:
        'Números de WhatsApp e chats do site: credenciais, equipe padrão e menu do robô.',
    },
  },
  adminPeople: {
    actions: 'Ações',
    archived: 'Arquivado',
    roles: { agent: 'Agente', supervisor: 'Supervisor', admin: 'Administrador' },
    agents: {
      list: 'Agentes',
      name: 'Nome',
      email: 'E-mail',
      role: 'Papel',
      teams: 'Equipes',
      capacity: 'Capacidade',
      state: 'Situação',
      presence: 'Status',
      active: 'Ativo',
      deactivated: 'Desativado',
      pendingPassword: 'Aguardando nova senha',
      actionsFor: 'Ações para {{name}}',
      invite: 'Convidar agente',
      edit: 'Editar',
      resetPassword: 'Redefinir senha',
      deactivate: 'Desativar',
      reactivate: 'Reativar',
    },
    teams: {
      list: 'Equipes',
      name: 'Nome',
      members: 'Membros',
      state: 'Situação',
    },
    channels: {
      list: 'Canais',
      name: 'Nome',
      kind: 'Tipo',
      kinds: {
        whatsapp: 'WhatsApp',
        webchat: 'Chat do site',
        email: 'E-mail',
        telegram: 'Telegram',
      },
    },
  },
};
