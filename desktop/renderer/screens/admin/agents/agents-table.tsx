import { Badge, Group, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { AdminAgent } from '@atendo/shared/schemas/admin/agents';
import type { AdminTeam } from '@atendo/shared/schemas/admin/teams';
import { AgentRowMenu, type AgentAction } from './agent-row-menu';

export type AgentsTableProps = {
  agents: readonly AdminAgent[];
  teams: readonly AdminTeam[];
  onAction: (action: AgentAction, agent: AdminAgent) => void;
};

// Badges in these columns keep their whole word instead of an ellipsis.
const NO_WRAP = { whiteSpace: 'nowrap' } as const;
const WHOLE = { minWidth: 'max-content' } as const;

const PRESENCE_COLOR = { available: 'green', away: 'yellow', offline: 'gray' } as const;

/** Everyone with an account, deactivated ones last. */
export function AgentsTable(props: AgentsTableProps) {
  const { t } = useTranslation();
  const teamName = new Map(props.teams.map((team) => [team.id, team.name]));
  const rows = [...props.agents].sort(
    (a, b) => Number(b.active) - Number(a.active) || a.name.localeCompare(b.name),
  );
  return (
    <Table striped highlightOnHover verticalSpacing="xs" aria-label={t('adminPeople.agents.list')}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('adminPeople.agents.name')}</Table.Th>
          <Table.Th>{t('adminPeople.agents.email')}</Table.Th>
          <Table.Th>{t('adminPeople.agents.role')}</Table.Th>
          <Table.Th>{t('adminPeople.agents.teams')}</Table.Th>
          <Table.Th>{t('adminPeople.agents.capacity')}</Table.Th>
          <Table.Th>{t('adminPeople.agents.state')}</Table.Th>
          <Table.Th>{t('adminPeople.agents.presence')}</Table.Th>
          <Table.Th aria-label={t('adminPeople.actions')} />
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((agent) => (
          <Table.Tr
            key={agent.id}
            data-testid="admin-agent-row"
            c={agent.active ? undefined : 'dimmed'}
          >
            <Table.Td>
              <Text size="sm" fw={500}>
                {agent.name}
              </Text>
            </Table.Td>
            <Table.Td>{agent.email}</Table.Td>
            <Table.Td>{t(`adminPeople.roles.${agent.role}`)}</Table.Td>
            <Table.Td>
              <Group gap={4}>
                {agent.teamIds.map((id) => (
                  <Badge key={id} variant="light" size="sm" style={WHOLE}>
                    {teamName.get(id) ?? id}
                  </Badge>
                ))}
              </Group>
            </Table.Td>
            <Table.Td>{agent.capacity}</Table.Td>
            <Table.Td style={NO_WRAP}>
              <AgentState agent={agent} />
            </Table.Td>
            <Table.Td style={NO_WRAP}>
              {agent.active && (
                <Badge variant="dot" color={PRESENCE_COLOR[agent.presence]} size="sm" style={WHOLE}>
                  {t(`presence.${agent.presence}`)}
                </Badge>
              )}
            </Table.Td>
            <Table.Td>
              <AgentRowMenu agent={agent} onAction={props.onAction} />
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

function AgentState({ agent }: { agent: AdminAgent }) {
  const { t } = useTranslation();
  if (!agent.active) {
    return (
      <Badge color="gray" variant="light" size="sm" style={WHOLE}>
        {t('adminPeople.agents.deactivated')}
      </Badge>
    );
  }
  if (agent.mustChangePassword) {
    return (
      <Badge color="orange" variant="light" size="sm" style={WHOLE}>
        {t('adminPeople.agents.pendingPassword')}
      </Badge>
    );
  }
  return (
    <Badge color="green" variant="light" size="sm" style={WHOLE}>
      {t('adminPeople.agents.active')}
    </Badge>
  );
}
