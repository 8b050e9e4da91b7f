import { Badge, Box, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { monitoringRows, NO_FILTER, type MonitoringFilter } from '../../data/monitoring-filter';
import { useAllConversations, useContacts } from '../../data/use-collections';
import { useDirectory } from '../../data/use-directory';
import { useNow } from '../../data/use-now';
import { ChannelIcon } from '../../ui/channel-icon';
import { formatDuration } from '../../ui/format';
import { MonitoringFilters } from './monitoring-filters';
import { MonitoringRowActions } from './monitoring-row-actions';

const ROW_HEIGHT = 52;

/** The supervisor's live view of every open conversation, from the local store. */
export function MonitoringScreen() {
  const { t } = useTranslation();
  const now = useNow(15_000);
  const directory = useDirectory();
  const contacts = useContacts();
  const all = useAllConversations();
  const [filter, setFilter] = useState<MonitoringFilter>(NO_FILTER);
  const rows = monitoringRows(all, filter, now);
  const parentRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => parentRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
  });
  const items = virtualizer.getVirtualItems();
  const padTop = items[0]?.start ?? 0;
  const padBottom = virtualizer.getTotalSize() - (items[items.length - 1]?.end ?? 0);

  return (
    <Stack h="100%" p="md" gap="md" component="section" aria-label={t('monitoring.title')}>
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={2} size="h3">
            {t('monitoring.title')}
          </Title>
          <Text c="dimmed" size="sm">
            {t('monitoring.subtitle')}
          </Text>
        </div>
        <Badge size="lg" variant="light" tt="none" data-testid="monitoring-count">
          {t('monitoring.count', { count: rows.length })}
        </Badge>
      </Group>
      <MonitoringFilters filter={filter} directory={directory} onChange={setFilter} />
      <Box ref={parentRef} style={{ flex: 1, overflowY: 'auto', minHeight: 0 }}>
        {rows.length === 0 ? (
          <Text c="dimmed" ta="center" p="xl">
            {t('monitoring.empty')}
          </Text>
        ) : (
          <Table
            stickyHeader
            highlightOnHover
            verticalSpacing="xs"
            aria-label={t('monitoring.title')}
          >
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('monitoring.channel')}</Table.Th>
                <Table.Th>{t('monitoring.contact')}</Table.Th>
                <Table.Th>{t('monitoring.state')}</Table.Th>
                <Table.Th>{t('monitoring.team')}</Table.Th>
                <Table.Th>{t('monitoring.owner')}</Table.Th>
                <Table.Th>{t('monitoring.waiting')}</Table.Th>
                <Table.Th>{t('monitoring.actions')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {padTop > 0 && <tr style={{ height: padTop }} />}
              {items.map((item) => {
                const c = rows[item.index];
                if (c === undefined) return null;
                const channel = directory.channels.get(c.channelId);
                const contactName = contacts.get(c.contactId)?.name ?? t('conversation.contact');
                return (
                  <Table.Tr
                    key={c.id}
                    h={ROW_HEIGHT}
                    data-testid="monitoring-row"
                    data-conversation-id={c.id}
                  >
                    <Table.Td>
                      {channel !== undefined && <ChannelIcon kind={channel.kind} size="sm" />}
                    </Table.Td>
                    <Table.Td fw={500}>{contactName}</Table.Td>
                    <Table.Td>
                      <Badge size="sm" variant="light">
                        {t(`state.${c.state}`)}
                      </Badge>
                    </Table.Td>
                    <Table.Td>{directory.teams.get(c.teamId)?.name ?? '—'}</Table.Td>
                    <Table.Td>
                      {c.ownerId === null ? '—' : (directory.agents.get(c.ownerId)?.name ?? '—')}
                    </Table.Td>
                    <Table.Td>
                      {c.state === 'queued'
                        ? formatDuration(now - (c.queuedAt ?? c.createdAt))
                        : '—'}
                    </Table.Td>
                    <Table.Td>
                      <MonitoringRowActions
                        conversation={c}
                        contactName={contactName}
                        directory={directory}
                      />
                    </Table.Td>
                  </Table.Tr>
                );
              })}
              {padBottom > 0 && <tr style={{ height: padBottom }} />}
            </Table.Tbody>
          </Table>
        )}
      </Box>
    </Stack>
  );
}
