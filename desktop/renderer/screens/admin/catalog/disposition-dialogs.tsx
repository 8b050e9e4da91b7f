import { Alert, List, Modal, Select, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  DispositionCreate,
  DispositionUpdate,
  type AdminDisposition,
} from '@atendo/shared/schemas/admin/catalog';
import { useApiAction } from '../../../data/use-api-action';
import { useWorkspace } from '../../../data/workspace-context';
import { DialogActions } from '../../../ui/dialog-actions';
import { useNotify } from '../../../ui/notices';
import { pathName, subtreeIds } from './disposition-tree';
import { serverFieldErrors, zodFieldErrors, type FieldErrors } from './form-errors';

export type DispositionEdit =
  | { kind: 'add'; parent: AdminDisposition | null }
  | { kind: 'rename'; node: AdminDisposition }
  | { kind: 'move'; node: AdminDisposition };

const TOP = '__top__';

/** Adds a node (at the top or under one), renames one, or moves one with its subtree. */
export function DispositionDialog(props: {
  teamId: string;
  edit: DispositionEdit;
  all: readonly AdminDisposition[];
  onClose: () => void;
  onSaved: () => void;
}) {
  const { t } = useTranslation();
  const { api } = useWorkspace();
  const save = useApiAction();
  const { edit } = props;
  const [name, setName] = useState(edit.kind === 'rename' ? edit.node.name : '');
  const [parent, setParent] = useState<string>(
    edit.kind === 'move' ? (edit.node.parentId ?? TOP) : TOP,
  );
  const [errors, setErrors] = useState<FieldErrors>({});
  const shown = {
    ...serverFieldErrors(save.failure, save.failureText, ['name', 'parentId']),
    ...errors,
  };

  const title =
    edit.kind === 'add'
      ? edit.parent === null
        ? t('adminCatalog.dispositions.newRoot')
        : t('adminCatalog.dispositions.addChildOf', { name: edit.parent.name })
      : edit.kind === 'rename'
        ? t('adminCatalog.dispositions.renameOf', { name: edit.node.name })
        : t('adminCatalog.dispositions.moveOf', { name: edit.node.name });

  const submit = async () => {
    let call: () => Promise<unknown>;
    if (edit.kind === 'add') {
      const parsed = DispositionCreate.safeParse({
        teamId: props.teamId,
        parentId: edit.parent?.id ?? null,
        name,
      });
      if (!parsed.success) {
        setErrors(zodFieldErrors(t, parsed.error));
        return;
      }
      call = () => api.admin.dispositions.create.mutate(parsed.data);
    } else {
      const parsed = DispositionUpdate.safeParse(
        edit.kind === 'rename'
          ? { dispositionId: edit.node.id, name }
          : { dispositionId: edit.node.id, parentId: parent === TOP ? null : parent },
      );
      if (!parsed.success) {
        setErrors(zodFieldErrors(t, parsed.error));
        return;
      }
      call = () => api.admin.dispositions.update.mutate(parsed.data);
    }
    setErrors({});
    if ((await save.run(call, t('adminCatalog.saved'))) !== null) props.onSaved();
  };

  const excluded = edit.kind === 'move' ? subtreeIds(props.all, edit.node.id) : new Set();
  const parents = [
    { value: TOP, label: t('adminCatalog.dispositions.top') },
    ...props.all
      .filter((d) => d.active && !excluded.has(d.id))
      .map((d) => ({ value: d.id, label: pathName(props.all, d.id) }))
      .sort((a, b) => a.label.localeCompare(b.label, 'pt-BR')),
  ];

  return (
    <Modal opened onClose={props.onClose} title={title}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <Stack gap="sm">
          {edit.kind === 'move' ? (
            <Select
              label={t('adminCatalog.dispositions.newParent')}
              data={parents}
              value={parent}
              onChange={(value) => {
                setParent(value ?? TOP);
              }}
              allowDeselect={false}
              searchable
              error={shown.parentId}
            />
          ) : (
            <TextInput
              label={t('adminCatalog.dispositions.name')}
              description={
                edit.kind === 'add' && edit.parent !== null
                  ? t('adminCatalog.dispositions.under', {
                      path: pathName(props.all, edit.parent.id),
                    })
                  : undefined
              }
              value={name}
              onChange={(e) => {
                setName(e.currentTarget.value);
              }}
              error={shown.name}
              data-autofocus
            />
          )}
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

/** Says what removing does before doing it: used nodes are archived, the rest deleted. */
export function RemoveDispositionDialog(props: {
  node: AdminDisposition;
  all: readonly AdminDisposition[];
  onClose: () => void;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const { api } = useWorkspace();
  const notify = useNotify();
  const act = useApiAction();
  const subtree = subtreeIds(props.all, props.node.id);
  // A node is kept (archived) when it or anything under it is on a closed conversation.
  const byId = new Map(props.all.map((d) => [d.id, d]));
  const used = [...subtree].filter((id) =>
    [...subtreeIds(props.all, id)].some((x) => (byId.get(x)?.usedCount ?? 0) > 0),
  ).length;

  const confirm = async () => {
    const result = await act.run(() =>
      api.admin.dispositions.remove.mutate({ dispositionId: props.node.id }),
    );
    if (result === null) return;
    notify({
      tone: 'success',
      title: t('adminCatalog.dispositions.removed'),
      text: t('adminCatalog.dispositions.removedCounts', {
        archived: result.archivedIds.length,
        deleted: result.deletedIds.length,
      }),
    });
    props.onDone();
  };

  return (
    <Modal
      opened
      onClose={props.onClose}
      title={t('adminCatalog.dispositions.removeOf', { name: props.node.name })}
    >
      <Stack gap="sm">
        <Text size="sm">{t('adminCatalog.dispositions.removeCount', { count: subtree.size })}</Text>
        <List size="sm" spacing={4}>
          {used > 0 && (
            <List.Item>{t('adminCatalog.dispositions.removeUsed', { count: used })}</List.Item>
          )}
          {subtree.size - used > 0 && (
            <List.Item>
              {t('adminCatalog.dispositions.removeUnused', { count: subtree.size - used })}
            </List.Item>
          )}
        </List>
        {act.failureText !== null && (
          <Alert color="red" role="alert">
            {act.failureText}
          </Alert>
        )}
        <DialogActions
          confirmLabel={t('adminCatalog.dispositions.remove')}
          onConfirm={() => void confirm()}
          onCancel={props.onClose}
          pending={act.pending}
          danger
        />
      </Stack>
    </Modal>
  );
}
