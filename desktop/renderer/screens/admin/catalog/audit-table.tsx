import { Badge, Button, Code, Table, Text } from '@mantine/core';
import { Fragment, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditEntry } from '@atendo/shared/schemas/admin/audit';
import { formatDateTime } from '../../../ui/format';
import { auditChanges } from './audit-diff';

/** The audit rows; a row opens to what changed, before → after (secrets never shown). */
/** The entity as the admin knows it: its name (or shortcut) in the row itself, else by id. */
function entityLabel(entry: Row, names: ReadonlyMap<string, string>): string | null {
  for (const side of [entry.after, entry.before]) {
    if (typeof side !== 'object' || side === null) continue;
    const record = side as Record<string, unknown>;
    if (typeof record.name === 'string') return record.name;
    if (typeof record.shortcut === 'string') return `/${record.shortcut}`;
  }
  return names.get(entry.entityId) ?? null;
}

type Row = Omit<AuditEntry, 'before' | 'after'> & { before?: unknown; after?: unknown };

export function AuditTable({
  entries,
  names,
}: {
  entries: readonly Row[];
  /** Names of the agents, teams and channels by id, so a row says "Suporte", not an id. */
  names: ReadonlyMap<string, string>;
}) {
  const { t, i18n } = useTranslation();
  const [open, setOpen] = useState<string | null>(null);
  return (
    <Table striped highlightOnHover aria-label={t('adminCatalog.audit.title')}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th w={170}>{t('adminCatalog.audit.when')}</Table.Th>
          <Table.Th>{t('adminCatalog.audit.who')}</Table.Th>
          <Table.Th>{t('adminCatalog.audit.action')}</Table.Th>
          <Table.Th>{t('adminCatalog.audit.what')}</Table.Th>
          <Table.Th />
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {entries.map((entry) => (
          <Fragment key={entry.id}>
            <Table.Tr>
              <Table.Td>
                <Text size="sm">{formatDateTime(entry.at, i18n.language)}</Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{entry.actorName ?? t('adminCatalog.audit.cli')}</Text>
              </Table.Td>
              <Table.Td>
                <Code>{entry.action}</Code>
              </Table.Td>
              <Table.Td>
                <Badge variant="light" color="gray" size="sm" tt="none">
                  {t(`adminCatalog.audit.entity.${entry.entityType}`)}
                </Badge>{' '}
                {entityLabel(entry, names) !== null ? (
                  <Text span size="sm">
                    {entityLabel(entry, names)}
                  </Text>
                ) : (
                  <Text span size="xs" c="dimmed" ff="monospace">
                    {entry.entityId}
                  </Text>
                )}
              </Table.Td>
              <Table.Td ta="right">
                <Button
                  size="compact-xs"
                  variant="subtle"
                  aria-expanded={open === entry.id}
                  onClick={() => {
                    setOpen(open === entry.id ? null : entry.id);
                  }}
                >
                  {open === entry.id ? t('adminCatalog.audit.hide') : t('adminCatalog.audit.show')}
                </Button>
              </Table.Td>
            </Table.Tr>
            {open === entry.id && (
              <Table.Tr>
                <Table.Td colSpan={5} p={0}>
                  <Changes entry={entry} names={names} />
                </Table.Td>
              </Table.Tr>
            )}
          </Fragment>
        ))}
      </Table.Tbody>
    </Table>
  );
}

function Changes({ entry, names }: { entry: Row; names: ReadonlyMap<string, string> }) {
  const named = (value: string | null) =>
    value === null ? '—' : names.has(value) ? `${names.get(value) ?? ''} (${value})` : value;
  const { t } = useTranslation();
  const changes = auditChanges(entry.before, entry.after);
  if (changes.length === 0) {
    return (
      <Text size="sm" c="dimmed" p="sm">
        {t('adminCatalog.audit.noChanges')}
      </Text>
    );
  }
  return (
    <Table
      withColumnBorders
      fz="xs"
      aria-label={t('adminCatalog.audit.changes')}
      bg="var(--mantine-color-body)"
    >
      <Table.Thead>
        <Table.Tr>
          <Table.Th w="28%">{t('adminCatalog.audit.field')}</Table.Th>
          <Table.Th w="36%">{t('adminCatalog.audit.before')}</Table.Th>
          <Table.Th w="36%">{t('adminCatalog.audit.after')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {changes.map((c) => (
          <Table.Tr key={c.path}>
            <Table.Td ff="monospace">{c.path}</Table.Td>
            <Table.Td c="red.8" style={{ wordBreak: 'break-word' }}>
              {named(c.before)}
            </Table.Td>
            <Table.Td c="green.8" style={{ wordBreak: 'break-word' }}>
              {named(c.after)}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
