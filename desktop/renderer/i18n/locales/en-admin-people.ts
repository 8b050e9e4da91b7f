import type { ptBRAdminPeople } from './pt-BR-admin-people';

/** English strings of the admin console's shell and its people pages. */
export const enAdminPeople: typeof ptBRAdminPeople = {
  adminConsole: {
    nav: 'Administration',
    title: 'Administration',
    navigation: 'Administration sections',
    readOnly: 'Only administrators can make changes. You are viewing this data as a supervisor.',
    sections: {
      agents: 'Agents',
      agentsHint: 'Who can use Atendo, in which teams, with which role and capacity.',
      teams: 'Teams',
      teamsHint: "Each team's members and how its queue closes conversations.",
      channels: 'Channels',
      channelsHint: 'WhatsApp numbers and website chats: credentials, default team and bot menu.',
    },
  },
  adminPeople: {
    actions: 'Actions',
    archived: 'Archived',
    roles: { agent: 'Agent', supervisor: 'Supervisor', admin: 'Administrator' },
    agents: {
      list: 'Agents',
      name: 'Name',
      email: 'E-mail',
      role: 'Role',
      teams: 'Teams',
      capacity: 'Capacity',
      state: 'State',
      presence: 'Status',
      active: 'Active',
      deactivated: 'Deactivated',
      pendingPassword: 'Awaiting new password',
      actionsFor: 'Actions for {{name}}',
      invite: 'Invite agent',
      edit: 'Edit',
      resetPassword: 'Reset password',
      deactivate: 'Deactivate',
      reactivate: 'Reactivate',
    },
    teams: {
      list: 'Teams',
      name: 'Name',
      members: 'Members',
      state: 'State',
    },
    channels: {
      list: 'Channels',
      name: 'Name',
      kind: 'Kind',
      kinds: {
        whatsapp: 'WhatsApp',
        webchat: 'Website chat',
        email: 'E-mail',
        telegram: 'Telegram',
      },
    },
  },
};
