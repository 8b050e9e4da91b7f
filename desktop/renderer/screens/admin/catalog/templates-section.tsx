import { Alert, Button, Group, Select, Stack, Switch, Table, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AdminChannel } from '@atendo/shared/schemas/admin/channels';
import type { AdminTemplate, TemplateSyncResult } from '@atendo/shared/schemas/admin/catalog';
import { useApiAction } from '../../../data/use-api-action';
import { useApiQuery } from '../../../data/use-api-query';
import { useWorkspace } from '../../../data/workspace-context';
import { ArchivedBadge, listOf, useAdminChannels, useAdminTeams, useCanEdit } from './common';
import { TemplateDialog } from './template-dialog';
import { TemplateStatusBadge } from './template-status';

/**
 * "Modelos de mensagem": WhatsApp's come from Meta (synced per number, with Meta's review
 * status); other channels' are written here. Only approved, unarchived ones reach agents.
 */
export function TemplatesSection() {
  const { t } = useTranslation();
  const { api } = useWorkspace();
  const canEdit = useCanEdit();
  const channels = listOf(useAdminChannels());
  const teams = listOf(useAdminTeams());
  const [channelId, setChannelId] = useState<string | null>(null);
  const [showArchived, setShowArchived] = useState(false);
  const [version, setVersion] = useState(0);
  const [editing, setEditing] = useState<AdminTemplate | 'new' | null>(null);
  const [synced, setSynced] = useState<TemplateSyncResult | null>(null);
  const act = useApiAction();
  const sync = useApiAction();
  useEffect(() => {
    if (channelId === null) setChannelId(channels[0]?.id ?? null);
  }, [channels, channelId]);
  const channel = channels.find((c) => c.id === channelId);
  const templates = useApiQuery(
    () =>
      channelId === null
        ? Promise.resolve([])
        : api.admin.templates.list.query({ channelId, includeArchived: showArchived }),
    [api, channelId, showArchived, version],
  );
  const reload = () => {
    setVersion((v) => v + 1);
  };
  const syncNow = async (target: AdminChannel) => {
    setSynced(null);
    const result = await sync.run(() =>
      api.admin.templates.syncFromMeta.mutate({ channelId: target.id }),
    );
    if (result !== null) {
      setSynced(result);
      reload();
    }
  };
  const toggle = async (template: AdminTemplate) => {
    const input = { templateId: template.id };
    const done = await act.runOrNotify(
      () =>
        template.archived
          ? api.admin.templates.restore.mutate(input)
          : api.admin.templates.archive.mutate(input),
      template.archived ? t('adminCatalog.templates.restore') : t('adminCatalog.templates.archive'),
    );
    if (done !== null) reload();
  };
  const teamNames = (ids: readonly string[]) =>
    ids.length === 0
      ? t('adminCatalog.templates.allTeams')
      : ids.map((id) => teams.find((x) => x.id === id)?.name ?? id).join(', ');

  return (
    <Stack gap="md" component="section" aria-label={t('adminCatalog.templates.title')}>
      <Group align="flex-end">
        <Select
          label={t('adminCatalog.templates.channel')}
          data={channels.map((c) => ({
            value: c.id,
            label: `${c.name} · ${t(`adminCatalog.templates.kind.${c.kind}`)}`,
          }))}
          value={channelId}
          onChange={(value) => {
            setChannelId(value);
            setSynced(null);
          }}
          allowDeselect={false}
          w={320}
        />
        <Switch
          label={t('adminCatalog.showArchived')}
          checked={showArchived}
          onChange={(e) => {
            setShowArchived(e.currentTarget.checked);
          }}
          mb={8}
        />
        {canEdit && channel?.kind === 'whatsapp' && (
          <Button loading={sync.pending} onClick={() => void syncNow(channel)}>
            {t('adminCatalog.templates.sync')}
          </Button>
        )}
        {canEdit && channel !== undefined && channel.kind !== 'whatsapp' && (
          <Button
            onClick={() => {
              setEditing('new');
            }}
          >
            {t('adminCatalog.templates.new')}
          </Button>
        )}
      </Group>
      {channel?.kind === 'whatsapp' && (
        <Text size="xs" c="dimmed" maw={760}>
          {t('adminCatalog.templates.metaHint')}
        </Text>
      )}
      {sync.failureText !== null && (
        <Alert color="red" role="alert" title={t('adminCatalog.templates.syncFailed')}>
          {sync.failureText}
        </Alert>
      )}
      {synced !== null && <SyncSummary result={synced} />}
      {templates.status === 'failed' && (
        <Alert color="red" role="alert">
          {act.describe(templates.failure)}
        </Alert>
      )}
      {templates.status === 'ok' && templates.data.length === 0 && (
        <Text c="dimmed" p="md">
          {channel?.kind === 'whatsapp'
            ? t('adminCatalog.templates.emptyMeta')
            : t('adminCatalog.templates.empty')}
        </Text>
      )}
      {templates.status === 'ok' && templates.data.length > 0 && (
        <Table striped highlightOnHover aria-label={t('adminCatalog.templates.title')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('adminCatalog.templates.name')}</Table.Th>
              <Table.Th>{t('adminCatalog.templates.language')}</Table.Th>
              <Table.Th>{t('adminCatalog.templates.status.label')}</Table.Th>
              <Table.Th>{t('adminCatalog.templates.teams')}</Table.Th>
              <Table.Th>{t('adminCatalog.templates.body')}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {templates.data.map((template) => (
              <Table.Tr key={template.id}>
                <Table.Td>
                  <Group gap="xs" wrap="nowrap">
                    <Text size="sm" ff="monospace">
                      {template.name}
                    </Text>
                    {template.archived && <ArchivedBadge />}
                  </Group>
                </Table.Td>
                <Table.Td>{template.language}</Table.Td>
                <Table.Td>
                  <TemplateStatusBadge status={template.status} />
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{teamNames(template.teamIds)}</Text>
                </Table.Td>
                <Table.Td maw={360}>
                  <Text size="sm" lineClamp={2}>
                    {template.body}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Group gap="xs" justify="flex-end" wrap="nowrap">
                    <Button
                      size="xs"
                      variant="default"
                      onClick={() => {
                        setEditing(template);
                      }}
                    >
                      {canEdit ? t('adminCatalog.edit') : t('adminCatalog.templates.view')}
                    </Button>
                    {canEdit && (
                      <Button
                        size="xs"
                        variant="subtle"
                        color={template.archived ? undefined : 'red'}
                        onClick={() => void toggle(template)}
                      >
                        {template.archived
                          ? t('adminCatalog.templates.restore')
                          : t('adminCatalog.templates.archive')}
                      </Button>
                    )}
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {editing !== null && channel !== undefined && (
        <TemplateDialog
          channel={channel}
          teams={teams}
          template={editing === 'new' ? null : editing}
          readOnly={!canEdit}
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

function SyncSummary({ result }: { result: TemplateSyncResult }) {
  const { t } = useTranslation();
  return (
    <Alert color="green" title={t('adminCatalog.templates.synced')} role="status">
      <Text size="sm">
        {t('adminCatalog.templates.syncCounts', {
          created: result.created,
          updated: result.updated,
          archived: result.archived,
        })}
      </Text>
      <Text size="sm">
        {t('adminCatalog.templates.syncStatus', {
          approved: result.approved,
          notApproved: result.notApproved,
        })}
      </Text>
      {result.skipped.length > 0 && (
        <Text size="sm" c="orange">
          {t('adminCatalog.templates.skipped', {
            names: result.skipped.map((s) => `${s.name} (${s.reason})`).join(', '),
          })}
        </Text>
      )}
    </Alert>
  );
}
