import { Badge, Stack, Table } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { QueryState } from '../query-state';
import { useAdminQuery } from '../use-admin-query';

/** Channels: WhatsApp numbers and web chat widgets, where they route and how they greet. */
export function ChannelsSection() {
  const { t } = useTranslation();
  const data = useAdminQuery((api) => api.admin.channels.list.query({ includeArchived: true }));
  return (
    <Stack gap="md">
      <QueryState state={data.state}>
        {(channels) => (
          <Table striped verticalSpacing="xs" aria-label={t('adminPeople.channels.list')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('adminPeople.channels.name')}</Table.Th>
                <Table.Th>{t('adminPeople.channels.kind')}</Table.Th>
                <Table.Th>{t('adminPeople.teams.state')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {channels.map((channel) => (
                <Table.Tr key={channel.id} data-testid="admin-channel-row">
                  <Table.Td>{channel.name}</Table.Td>
                  <Table.Td>{t(`adminPeople.channels.kinds.${channel.kind}`)}</Table.Td>
                  <Table.Td>
                    {channel.archived && <Badge color="gray">{t('adminPeople.archived')}</Badge>}
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
