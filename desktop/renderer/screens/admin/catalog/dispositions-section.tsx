import { Alert, Badge, Button, Group, Paper, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AdminDisposition } from '@atendo/shared/schemas/admin/catalog';
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
import {
  DispositionDialog,
  RemoveDispositionDialog,
  type DispositionEdit,
} from './disposition-dialogs';
import { dispositionTree, flattenTree } from './disposition-tree';

/**
 * "Tabulações": a team's closing subjects as a tree. Agents pick leaves; removing a node that a
 * closed conversation carries archives it (reports keep its name), unused ones are deleted.
 */
export function DispositionsSection() {
  const { t } = useTranslation();
  const { api } = useWorkspace();
  const canEdit = useCanEdit();
  const catalog = useTeamCatalog(true);
  const { teamId, showArchived, version, reload } = catalog;
  const [edit, setEdit] = useState<DispositionEdit | null>(null);
  const [removing, setRemoving] = useState<AdminDisposition | null>(null);
  const act = useApiAction();
  const loaded = useApiQuery(
    () =>
      teamId === null
        ? Promise.resolve([])
        : api.admin.dispositions.list.query({ teamId, includeArchived: true }),
    [api, teamId, version],
  );
  const all = loaded.status === 'ok' ? loaded.data : [];
  const shown = showArchived ? all : all.filter((d) => d.active);
  const rows = flattenTree(dispositionTree(shown));
  const restore = async (d: AdminDisposition) => {
    const done = await act.runOrNotify(
      () => api.admin.dispositions.restore.mutate({ dispositionId: d.id }),
      t('adminCatalog.dispositions.restore'),
    );
    if (done !== null) reload();
  };

  return (
    <Stack gap="md" component="section" aria-label={t('adminCatalog.dispositions.title')}>
      <SectionActions>
        <Button
          disabled={teamId === null}
          onClick={() => {
            setEdit({ kind: 'add', parent: null });
          }}
        >
          {t('adminCatalog.dispositions.newRoot')}
        </Button>
      </SectionActions>
      <TeamCatalogFilters catalog={catalog} />
      <Text size="xs" c="dimmed" maw={760}>
        {t('adminCatalog.dispositions.archiveRule')}
      </Text>
      {loaded.status === 'failed' && (
        <Alert color="red" role="alert">
          {act.describe(loaded.failure)}
        </Alert>
      )}
      {loaded.status === 'ok' && rows.length === 0 && (
        <Text c="dimmed" p="md">
          {t('adminCatalog.dispositions.empty')}
        </Text>
      )}
      {rows.length > 0 && (
        <Paper withBorder maw={900} role="tree" aria-label={t('adminCatalog.dispositions.title')}>
          {rows.map(({ disposition: d, depth, children }) => (
            <Group
              key={d.id}
              role="treeitem"
              aria-level={depth + 1}
              aria-label={d.name}
              justify="space-between"
              wrap="nowrap"
              px="sm"
              py={6}
              pl={12 + depth * 28}
              style={{ borderBottom: '1px solid var(--mantine-color-default-border)' }}
            >
              <Group gap="xs" wrap="nowrap">
                <Text size="sm" c="dimmed" w={14} aria-hidden>
                  {children.length > 0 ? '▾' : '•'}
                </Text>
                <Text size="sm" fw={depth === 0 ? 600 : 400} c={d.active ? undefined : 'dimmed'}>
                  {d.name}
                </Text>
                {!d.active && <ArchivedBadge />}
                {d.usedCount > 0 && (
                  <Badge variant="light" color="gray" size="sm" tt="none">
                    {t('adminCatalog.dispositions.used', { count: d.usedCount })}
                  </Badge>
                )}
              </Group>
              {canEdit && (
                <Group gap={4} wrap="nowrap">
                  {d.active ? (
                    <>
                      <Button
                        size="compact-xs"
                        variant="subtle"
                        onClick={() => {
                          setEdit({ kind: 'add', parent: d });
                        }}
                        aria-label={t('adminCatalog.dispositions.addChildOf', { name: d.name })}
                      >
                        {t('adminCatalog.dispositions.addChild')}
                      </Button>
                      <Button
                        size="compact-xs"
                        variant="subtle"
                        onClick={() => {
                          setEdit({ kind: 'rename', node: d });
                        }}
                        aria-label={t('adminCatalog.dispositions.renameOf', { name: d.name })}
                      >
                        {t('adminCatalog.dispositions.rename')}
                      </Button>
                      <Button
                        size="compact-xs"
                        variant="subtle"
                        onClick={() => {
                          setEdit({ kind: 'move', node: d });
                        }}
                        aria-label={t('adminCatalog.dispositions.moveOf', { name: d.name })}
                      >
                        {t('adminCatalog.dispositions.move')}
                      </Button>
                      <Button
                        size="compact-xs"
                        variant="subtle"
                        color="red"
                        onClick={() => {
                          setRemoving(d);
                        }}
                        aria-label={t('adminCatalog.dispositions.removeOf', { name: d.name })}
                      >
                        {t('adminCatalog.dispositions.remove')}
                      </Button>
                    </>
                  ) : (
                    <Button size="compact-xs" variant="subtle" onClick={() => void restore(d)}>
                      {t('adminCatalog.dispositions.restore')}
                    </Button>
                  )}
                </Group>
              )}
            </Group>
          ))}
        </Paper>
      )}
      {edit !== null && teamId !== null && (
        <DispositionDialog
          teamId={teamId}
          edit={edit}
          all={all}
          onClose={() => {
            setEdit(null);
          }}
          onSaved={() => {
            setEdit(null);
            reload();
          }}
        />
      )}
      {removing !== null && (
        <RemoveDispositionDialog
          node={removing}
          all={all}
          onClose={() => {
            setRemoving(null);
          }}
          onDone={() => {
            setRemoving(null);
            reload();
          }}
        />
      )}
    </Stack>
  );
}
