import { Badge, Box, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { AccessLogEntry } from '@atendo/shared/schemas/privacy';
import { useContacts } from '../../data/use-collections';
import { formatDateTime } from '../../ui/format';

/** One row per access: when, who, what, about whom, allowed or refused (and why). */
export function AccessLogTable({ entries }: { entries: readonly AccessLogEntry[] }) {
  const { t, i18n } = useTranslation();
  const contacts = useContacts();
  const about = (e: AccessLogEntry): string => {
    const contact = e.contactId === null ? undefined : contacts.get(e.contactId)?.name;
    const subject = contact ?? e.contactId ?? '';
    const entity = e.entityType === 'contact' ? '' : (e.conversationId ?? e.entityId ?? '');
    return [subject, entity].filter((part) => part !== '').join(' · ');
  };
  return (
    <Box style={{ flex: 1, overflowY: 'auto', minHeight: 0 }}>
      <Table stickyHeader striped verticalSpacing="xs" aria-label={t('privacy.log.table')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('privacy.log.at')}</Table.Th>
            <Table.Th>{t('privacy.log.agent')}</Table.Th>
            <Table.Th>{t('privacy.log.action')}</Table.Th>
            <Table.Th>{t('privacy.log.entity')}</Table.Th>
            <Table.Th>{t('privacy.log.outcome')}</Table.Th>
            <Table.Th>{t('privacy.log.ip')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {entries.map((e) => (
            <Table.Tr key={e.id} data-testid="access-log-row">
              <Table.Td>
                <Text size="sm">{formatDateTime(e.at, i18n.language)}</Text>
              </Table.Td>
              <Table.Td>{e.agentName ?? e.agentId ?? '—'}</Table.Td>
              <Table.Td>{t(`privacy.log.actions.${e.action}`)}</Table.Td>
              <Table.Td>
                <Text size="sm" style={{ wordBreak: 'break-all' }}>
                  {about(e)}
                </Text>
              </Table.Td>
              <Table.Td>
                <Badge color={e.outcome === 'refused' ? 'red' : 'green'} variant="light" tt="none">
                  {e.outcome === 'refused'
                    ? `${t('privacy.log.refused')}${e.reason === null ? '' : ` (${e.reason})`}`
                    : t('privacy.log.allowed')}
                </Badge>
              </Table.Td>
              <Table.Td>
                <Text size="xs" c="dimmed">
                  {e.ip ?? '—'}
                </Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Box>
  );
}
