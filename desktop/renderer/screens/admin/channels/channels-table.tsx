import { ActionIcon, Badge, Group, Menu, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { AdminChannel } from '@atendo/shared/schemas/admin/channels';
import type { AdminTeam } from '@atendo/shared/schemas/admin/teams';
import { ChannelIcon } from '../../../ui/channel-icon';
import { Icon } from '../../../ui/icons';
import { useAdminAccess } from '../admin-access';

export type ChannelAction = 'edit' | 'archive' | 'restore';

/** Channels with their address, default team and bot; archived ones last. */
export function ChannelsTable(props: {
  channels: readonly AdminChannel[];
  teams: readonly AdminTeam[];
  onAction: (action: ChannelAction, channel: AdminChannel) => void;
}) {
  const { t } = useTranslation();
  const { canEdit } = useAdminAccess();
  const teamName = new Map(props.teams.map((team) => [team.id, team.name]));
  const rows = [...props.channels].sort(
    (a, b) => Number(a.archived) - Number(b.archived) || a.name.localeCompare(b.name),
  );
  return (
    <Table
      striped
      highlightOnHover
      verticalSpacing="xs"
      aria-label={t('adminPeople.channels.list')}
    >
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('adminPeople.channels.name')}</Table.Th>
          <Table.Th>{t('adminPeople.channels.address')}</Table.Th>
          <Table.Th>{t('adminPeople.channels.defaultTeam')}</Table.Th>
          <Table.Th>{t('adminPeople.channels.routing')}</Table.Th>
          <Table.Th>{t('adminPeople.teams.state')}</Table.Th>
          <Table.Th aria-label={t('adminPeople.actions')} />
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((channel) => (
          <Table.Tr
            key={channel.id}
            data-testid="admin-channel-row"
            c={channel.archived ? 'dimmed' : undefined}
          >
            <Table.Td>
              <Group gap="xs" wrap="nowrap">
                <ChannelIcon kind={channel.kind} />
                <div>
                  <Text size="sm" fw={500}>
                    {channel.name}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {t(`adminPeople.channels.kinds.${channel.kind}`)}
                  </Text>
                </div>
              </Group>
            </Table.Td>
            <Table.Td>
              <Text size="sm" ff="monospace">
                {channel.externalId}
              </Text>
            </Table.Td>
            <Table.Td>{teamName.get(channel.defaultTeamId) ?? channel.defaultTeamId}</Table.Td>
            <Table.Td>
              <Group gap={4}>
                {channel.botMenu !== null && (
                  <Badge size="sm" variant="light" color="grape">
                    {t('adminPeople.channels.botBadge', { count: channel.botMenu.options.length })}
                  </Badge>
                )}
                {channel.direction === 'inbound-only' && (
                  <Badge size="sm" variant="light" color="gray">
                    {t('adminPeople.channels.inboundBadge')}
                  </Badge>
                )}
              </Group>
            </Table.Td>
            <Table.Td>
              <Badge variant="light" size="sm" color={channel.archived ? 'gray' : 'green'}>
                {channel.archived ? t('adminPeople.archived') : t('adminPeople.active')}
              </Badge>
            </Table.Td>
            <Table.Td>
              <Menu withinPortal position="bottom-end">
                <Menu.Target>
                  <ActionIcon
                    variant="subtle"
                    color="gray"
                    aria-label={t('adminPeople.actionsFor', { name: channel.name })}
                  >
                    <Icon name="dots" size={18} />
                  </ActionIcon>
                </Menu.Target>
                <Menu.Dropdown>
                  <Menu.Item
                    onClick={() => {
                      props.onAction('edit', channel);
                    }}
                  >
                    {canEdit ? t('adminPeople.edit') : t('adminPeople.view')}
                  </Menu.Item>
                  {channel.archived ? (
                    <Menu.Item
                      disabled={!canEdit}
                      onClick={() => {
                        props.onAction('restore', channel);
                      }}
                    >
                      {t('adminPeople.restore')}
                    </Menu.Item>
                  ) : (
                    <Menu.Item
                      color="red"
                      disabled={!canEdit}
                      onClick={() => {
                        props.onAction('archive', channel);
                      }}
                    >
                      {t('adminPeople.archive')}
                    </Menu.Item>
                  )}
                </Menu.Dropdown>
              </Menu>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
