import { Alert, Button, Code, Group, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { QuickReply } from '@atendo/shared/schemas/quick-reply';
import { useApiAction } from '../../../data/use-api-action';
import { useApiQuery } from '../../../data/use-api-query';
import { useWorkspace } from '../../../data/workspace-context';
import {
  ArchivedBadge,
  SectionActions,
  TeamCatalogFilters,
  useTeamCatalog,
  useCanEdit,
} from './common';
import { QuickReplyDialog } from './quick-reply-dialog';
import { RowActions } from './row-actions';

/** "Respostas rápidas": a team's saved answers, picked by their shortcut in the composer. */
export function QuickRepliesSection() {
  const { t } = useTranslation();
  const { api } = useWorkspace();
  const canEdit = useCanEdit();
  const catalog = useTeamCatalog(false);
  const { teams, teamId, showArchived, version, reload } = catalog;
  const [editing, setEditing] = useState<QuickReply | 'new' | null>(null);
  const act = useApiAction();
  const replies = useApiQuery(
    () =>
      teamId === null
        ? Promise.resolve([])
        : api.admin.quickReplies.list.query({ teamId, includeArchived: showArchived }),
    [api, teamId, showArchived, version],
  );
  const toggle = async (reply: QuickReply) => {
    const input = { quickReplyId: reply.id };
    const done = await act.runOrNotify(
      () =>
        reply.active
          ? api.admin.quickReplies.remove.mutate(input)
          : api.admin.quickReplies.restore.mutate(input),
      reply.active ? t('adminCatalog.quickReplies.remove') : t('adminCatalog.quickReplies.restore'),
    );
    if (done !== null) reload();
  };
  const team = teams.find((x) => x.id === teamId);

  return (
    <Stack gap="md" component="section" aria-label={t('adminCatalog.quickReplies.title')}>
      <SectionActions>
        <Button
          disabled={teamId === null}
          onClick={() => {
            setEditing('new');
          }}
        >
          {t('adminCatalog.quickReplies.new')}
        </Button>
      </SectionActions>
      <TeamCatalogFilters catalog={catalog} />
      {replies.status === 'failed' && (
        <Alert color="red" role="alert">
          {act.describe(replies.failure)}
        </Alert>
      )}
      {replies.status === 'ok' && replies.data.length === 0 && (
        <Text c="dimmed" p="md">
          {t('adminCatalog.quickReplies.empty')}
        </Text>
      )}
      {replies.status === 'ok' && replies.data.length > 0 && (
        <Table striped highlightOnHover maw={960} aria-label={t('adminCatalog.quickReplies.title')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={180}>{t('adminCatalog.quickReplies.shortcut')}</Table.Th>
              <Table.Th>{t('adminCatalog.quickReplies.text')}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {replies.data.map((reply) => (
              <Table.Tr key={reply.id}>
                <Table.Td>
                  <Group gap="xs">
                    <Code>/{reply.shortcut}</Code>
                    {!reply.active && <ArchivedBadge />}
                  </Group>
                </Table.Td>
                <Table.Td>
                  <Text size="sm" lineClamp={2}>
                    {reply.text}
                  </Text>
                </Table.Td>
                <Table.Td>
                  {canEdit && (
                    <RowActions
                      active={reply.active}
                      onEdit={() => {
                        setEditing(reply);
                      }}
                      onToggle={() => void toggle(reply)}
                      removeLabel={t('adminCatalog.quickReplies.remove')}
                      restoreLabel={t('adminCatalog.quickReplies.restore')}
                    />
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {editing !== null && team !== undefined && (
        <QuickReplyDialog
          team={team}
          reply={editing === 'new' ? null : editing}
          onClose={() => {
            setEditing(null);
          }}
          onSaved={() => {
            setEditing(null);
            reload();
          }}
        />
      )}
    </Stack>
  );
}
