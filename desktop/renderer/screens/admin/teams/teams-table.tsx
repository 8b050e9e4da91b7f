import { ActionIcon, Badge, Group, Menu, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { AdminAgent } from '@atendo/shared/schemas/admin/agents';
import type { AdminTeam } from '@atendo/shared/schemas/admin/teams';
import { Icon } from '../../../ui/icons';
import { useAdminAccess } from '../admin-access';

export type TeamAction = 'edit' | 'archive' | 'restore';

const MINUTE = 60_000;

/** "30 min", "24 h": whole hours read better than 1440 minutes. */
const duration = (ms: number): string => {
  const minutes = Math.round(ms / MINUTE);
  return minutes >= 60 && minutes % 60 === 0 ? `${minutes / 60} h` : `${minutes} min`;
};

/** Teams with their members and queue settings; archived ones last. */
export function TeamsTable(props: {
  teams: readonly AdminTeam[];
  agents: readonly AdminAgent[];
  onAction: (action: TeamAction, team: AdminTeam) => void;
}) {
  const { t } = useTranslation();
  const { canEdit } = useAdminAccess();
  const agentName = new Map(props.agents.map((a) => [a.id, a.name]));
  const rows = [...props.teams].sort(
    (a, b) => Number(a.archived) - Number(b.archived) || a.name.localeCompare(b.name),
  );
  return (
    <Table striped highlightOnHover verticalSpacing="xs" aria-label={t('adminPeople.teams.list')}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('adminPeople.teams.name')}</Table.Th>
          <Table.Th>{t('adminPeople.teams.members')}</Table.Th>
          <Table.Th>{t('adminPeople.teams.queue')}</Table.Th>
          <Table.Th>{t('adminPeople.teams.state')}</Table.Th>
          <Table.Th aria-label={t('adminPeople.actions')} />
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((team) => {
          const names = team.memberIds.map((id) => agentName.get(id) ?? id);
          return (
            <Table.Tr
              key={team.id}
              data-testid="admin-team-row"
              c={team.archived ? 'dimmed' : undefined}
            >
              <Table.Td>
                <Text size="sm" fw={500}>
                  {team.name}
                </Text>
              </Table.Td>
              <Table.Td maw={320}>
                <Text size="sm" lineClamp={2} title={names.join(', ')}>
                  {names.length === 0 ? t('adminPeople.teams.noMembers') : names.join(', ')}
                </Text>
              </Table.Td>
              <Table.Td>
                <Group gap={4}>
                  {team.settings.dispositionRequired && (
                    <Badge variant="light" size="sm">
                      {t('adminPeople.teams.dispositionBadge')}
                    </Badge>
                  )}
                  {team.settings.csatEnabled && (
                    <Badge variant="light" size="sm" color="teal">
                      {t('adminPeople.teams.csatBadge', {
                        time: duration(team.settings.csatTimeoutMs),
                      })}
                    </Badge>
                  )}
                </Group>
              </Table.Td>
              <Table.Td>
                <Badge variant="light" size="sm" color={team.archived ? 'gray' : 'green'}>
                  {team.archived ? t('adminPeople.archived') : t('adminPeople.active')}
                </Badge>
              </Table.Td>
              <Table.Td>
                <Menu withinPortal position="bottom-end">
                  <Menu.Target>
                    <ActionIcon
                      variant="subtle"
                      color="gray"
                      aria-label={t('adminPeople.actionsFor', { name: team.name })}
                    >
                      <Icon name="dots" size={18} />
                    </ActionIcon>
                  </Menu.Target>
                  <Menu.Dropdown>
                    <Menu.Item
                      onClick={() => {
                        props.onAction('edit', team);
                      }}
                    >
                      {canEdit ? t('adminPeople.edit') : t('adminPeople.view')}
                    </Menu.Item>
                    {team.archived ? (
                      <Menu.Item
                        disabled={!canEdit}
                        onClick={() => {
                          props.onAction('restore', team);
                        }}
                      >
                        {t('adminPeople.restore')}
                      </Menu.Item>
                    ) : (
                      <Menu.Item
                        color="red"
                        disabled={!canEdit}
                        onClick={() => {
                          props.onAction('archive', team);
                        }}
                      >
                        {t('adminPeople.archive')}
                      </Menu.Item>
                    )}
                  </Menu.Dropdown>
                </Menu>
              </Table.Td>
            </Table.Tr>
          );
        })}
      </Table.Tbody>
    </Table>
  );
}
