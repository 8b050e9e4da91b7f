import { Badge, Stack, Table } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { QueryState } from '../query-state';
import { useAdminQuery } from '../use-admin-query';

/** Teams: who is in each one and how its queue closes conversations. */
export function TeamsSection() {
  const { t } = useTranslation();
  const data = useAdminQuery((api) => api.admin.teams.list.query({ includeArchived: true }));
  return (
    <Stack gap="md">
      <QueryState state={data.state}>
        {(teams) => (
          <Table striped verticalSpacing="xs" aria-label={t('adminPeople.teams.list')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('adminPeople.teams.name')}</Table.Th>
                <Table.Th>{t('adminPeople.teams.members')}</Table.Th>
                <Table.Th>{t('adminPeople.teams.state')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {teams.map((team) => (
                <Table.Tr key={team.id} data-testid="admin-team-row">
                  <Table.Td>{team.name}</Table.Td>
                  <Table.Td>{team.memberIds.length}</Table.Td>
                  <Table.Td>
                    {team.archived && <Badge color="gray">{t('adminPeople.archived')}</Badge>}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </QueryState>
    </Stack>
  );
}
