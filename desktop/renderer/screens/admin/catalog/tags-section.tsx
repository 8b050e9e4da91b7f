import {
  Alert,
  Badge,
  Button,
  ColorInput,
  Group,
  Modal,
  Stack,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TagCreate, type AdminTag } from '@atendo/shared/schemas/admin/catalog';
import { useApiAction } from '../../../data/use-api-action';
import { useApiQuery } from '../../../data/use-api-query';
import { useWorkspace } from '../../../data/workspace-context';
import { DialogActions } from '../../../ui/dialog-actions';
import {
  ArchivedBadge,
  SectionActions,
  TeamCatalogFilters,
  useTeamCatalog,
  useCanEdit,
} from './common';
import { serverFieldErrors, zodFieldErrors, type FieldErrors } from './form-errors';
import { RowActions } from './row-actions';

const SWATCHES = ['#2f9e44', '#1c7ed6', '#f08c00', '#e03131', '#7048e8', '#0c8599', '#868e96'];

/** "Tags": a team's internal labels, created, renamed, recoloured and archived. */
export function TagsSection() {
  const { t } = useTranslation();
  const { api } = useWorkspace();
  const canEdit = useCanEdit();
  const catalog = useTeamCatalog(false);
  const { teamId, showArchived, version, reload } = catalog;
  const [editing, setEditing] = useState<AdminTag | 'new' | null>(null);
  const act = useApiAction();
  const tags = useApiQuery(
    () =>
      teamId === null
        ? Promise.resolve([])
        : api.admin.tags.list.query({ teamId, includeArchived: showArchived }),
    [api, teamId, showArchived, version],
  );
  const toggleArchive = async (tag: AdminTag) => {
    const input = { tagId: tag.id };
    const done = await act.runOrNotify(
      () =>
        tag.active ? api.admin.tags.archive.mutate(input) : api.admin.tags.restore.mutate(input),
      tag.active ? t('adminCatalog.tags.archive') : t('adminCatalog.tags.restore'),
    );
    if (done !== null) reload();
  };

  return (
    <Stack gap="md" component="section" aria-label={t('adminCatalog.tags.title')}>
      <SectionActions>
        <Button
          disabled={teamId === null}
          onClick={() => {
            setEditing('new');
          }}
        >
          {t('adminCatalog.tags.new')}
        </Button>
      </SectionActions>
      <TeamCatalogFilters catalog={catalog} />
      {tags.status === 'ok' && tags.data.length === 0 && (
        <Text c="dimmed" p="md">
          {t('adminCatalog.tags.empty')}
        </Text>
      )}
      {tags.status === 'ok' && tags.data.length > 0 && (
        <Table striped highlightOnHover maw={760} aria-label={t('adminCatalog.tags.title')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('adminCatalog.tags.name')}</Table.Th>
              <Table.Th>{t('adminCatalog.tags.color')}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {tags.data.map((tag) => (
              <Table.Tr key={tag.id}>
                <Table.Td>
                  <Group gap="xs">
                    <Badge color={tag.color} variant="light" tt="none">
                      {tag.name}
                    </Badge>
                    {!tag.active && <ArchivedBadge />}
                  </Group>
                </Table.Td>
                <Table.Td>
                  <Text size="sm" ff="monospace">
                    {tag.color}
                  </Text>
                </Table.Td>
                <Table.Td>
                  {canEdit && (
                    <RowActions
                      active={tag.active}
                      onEdit={() => {
                        setEditing(tag);
                      }}
                      onToggle={() => void toggleArchive(tag)}
                      removeLabel={t('adminCatalog.tags.archive')}
                      restoreLabel={t('adminCatalog.tags.restore')}
                    />
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {tags.status === 'failed' && (
        <Alert color="red" role="alert">
          {act.describe(tags.failure)}
        </Alert>
      )}
      {editing !== null && teamId !== null && (
        <TagDialog
          teamId={teamId}
          tag={editing === 'new' ? null : editing}
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

function TagDialog(props: {
  teamId: string;
  tag: AdminTag | null;
  onClose: () => void;
  onSaved: () => void;
}) {
  const { t } = useTranslation();
  const { api } = useWorkspace();
  const save = useApiAction();
  const [name, setName] = useState(props.tag?.name ?? '');
  const [color, setColor] = useState(props.tag?.color ?? SWATCHES[0] ?? '#2f9e44');
  const [errors, setErrors] = useState<FieldErrors>({});
  const shown = {
    ...serverFieldErrors(save.failure, save.failureText, ['name', 'color']),
    ...errors,
  };

  const submit = async () => {
    const parsed = TagCreate.safeParse({ teamId: props.teamId, name, color });
    if (!parsed.success) {
      setErrors(zodFieldErrors(t, parsed.error));
      return;
    }
    setErrors({});
    const { tag } = props;
    const done = await save.run(
      () =>
        tag === null
          ? api.admin.tags.create.mutate(parsed.data)
          : api.admin.tags.update.mutate({ tagId: tag.id, name: parsed.data.name, color }),
      t('adminCatalog.saved'),
    );
    if (done !== null) props.onSaved();
  };

  return (
    <Modal
      opened
      onClose={props.onClose}
      title={props.tag === null ? t('adminCatalog.tags.new') : t('adminCatalog.tags.editTitle')}
    >
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <Stack gap="sm">
          <TextInput
            label={t('adminCatalog.tags.name')}
            value={name}
            onChange={(e) => {
              setName(e.currentTarget.value);
            }}
            error={shown.name}
            data-autofocus
          />
          <ColorInput
            label={t('adminCatalog.tags.color')}
            value={color}
            onChange={setColor}
            format="hex"
            swatches={SWATCHES}
            error={shown.color}
          />
          {shown.form !== undefined && (
            <Alert color="red" role="alert">
              {shown.form}
            </Alert>
          )}
          <DialogActions
            confirmLabel={t('adminCatalog.save')}
            onConfirm={() => void submit()}
            onCancel={props.onClose}
            pending={save.pending}
          />
        </Stack>
      </form>
    </Modal>
  );
}
