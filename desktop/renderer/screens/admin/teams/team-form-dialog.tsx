import {
  Alert,
  Fieldset,
  Modal,
  MultiSelect,
  NumberInput,
  Stack,
  Switch,
  TextInput,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AdminAgent } from '@atendo/shared/schemas/admin/agents';
import type { AdminTemplate } from '@atendo/shared/schemas/admin/catalog';
import { TeamCreate, TeamUpdate, type AdminTeam } from '@atendo/shared/schemas/admin/teams';
import { useWorkspace } from '../../../data/workspace-context';
import { DialogActions } from '../../../ui/dialog-actions';
import { ReadOnlyNote, useAdminAccess } from '../admin-access';
import { ReadOnlyClose } from '../read-only-close';
import { useNamedPill } from '../named-pill';
import { useAdminForm } from '../use-admin-form';

const MINUTE = 60_000;

// Draft fields whose input path differs from their name.
const FIELD_PATHS: Readonly<Record<string, string>> = {
  dispositionRequired: 'settings',
  csatEnabled: 'settings',
  csatMinutes: 'settings.csatTimeoutMs',
};

type Draft = {
  name: string;
  memberIds: string[];
  dispositionRequired: boolean;
  csatEnabled: boolean;
  csatMinutes: number | '';
  defaultTemplateIds: string[];
};

const draftOf = (team: AdminTeam | null): Draft => ({
  name: team?.name ?? '',
  memberIds: team === null ? [] : [...team.memberIds],
  dispositionRequired: team?.settings.dispositionRequired ?? false,
  csatEnabled: team?.settings.csatEnabled ?? false,
  csatMinutes: team === null ? 60 : Math.round(team.settings.csatTimeoutMs / MINUTE),
  defaultTemplateIds: team === null ? [] : [...team.defaultTemplateIds],
});

export type TeamFormDialogProps = {
  /** Null creates a team. */
  team: AdminTeam | null;
  agents: readonly AdminAgent[];
  templates: readonly AdminTemplate[];
  onSaved: () => void;
  onClose: () => void;
};

/** A team's name, members, queue settings and default templates, saved in one call. */
export function TeamFormDialog(props: TeamFormDialogProps) {
  const { t } = useTranslation();
  const { api } = useWorkspace();
  const renderPill = useNamedPill();
  const { canEdit } = useAdminAccess();
  const overrides = { 'settings.csatTimeoutMs': t('adminPeople.teams.csatTimeoutRange') };
  const createForm = useAdminForm(TeamCreate, overrides);
  const updateForm = useAdminForm(TeamUpdate, overrides);
  const { team } = props;
  const form = team === null ? createForm : updateForm;
  const [draft, setDraft] = useState<Draft>(() => draftOf(team));
  const set = (patch: Partial<Draft>) => {
    setDraft((d) => ({ ...d, ...patch }));
    form.clear(Object.keys(patch).map((key) => FIELD_PATHS[key] ?? key));
  };
  const fields = {
    name: draft.name,
    memberIds: draft.memberIds,
    defaultTemplateIds: draft.defaultTemplateIds,
    settings: {
      dispositionRequired: draft.dispositionRequired,
      csatEnabled: draft.csatEnabled,
      csatTimeoutMs: draft.csatMinutes === '' ? undefined : draft.csatMinutes * MINUTE,
    },
  };
  const labels = {
    success: t('adminPeople.teams.saved', { name: draft.name.trim() }),
  };
  const save = async () => {
    const saved =
      team === null
        ? await createForm.submit(fields, (input) => api.admin.teams.create.mutate(input), labels)
        : await updateForm.submit(
            { teamId: team.id, ...fields },
            (input) => api.admin.teams.update.mutate(input),
            labels,
          );
    if (saved !== null) props.onSaved();
  };

  const memberOptions = props.agents
    .filter((agent) => agent.active || draft.memberIds.includes(agent.id))
    .map((agent) => ({ value: agent.id, label: `${agent.name} · ${agent.email}` }));
  const templateOptions = props.templates
    .filter((tpl) => !tpl.archived || draft.defaultTemplateIds.includes(tpl.id))
    .map((tpl) => ({ value: tpl.id, label: `${tpl.name} (${tpl.language})` }));
  return (
    <Modal
      opened
      onClose={props.onClose}
      size="lg"
      title={
        team === null
          ? t('adminPeople.teams.createTitle')
          : t('adminPeople.teams.editTitle', { name: team.name })
      }
    >
      <Stack gap="sm">
        <ReadOnlyNote />
        <Fieldset variant="unstyled" disabled={!canEdit}>
          <Stack gap="sm">
            <TextInput
              label={t('adminPeople.teams.name')}
              value={draft.name}
              onChange={(e) => {
                set({ name: e.currentTarget.value });
              }}
              error={form.error('name')}
              required
              data-autofocus
            />
            <MultiSelect
              renderPill={renderPill}
              label={t('adminPeople.teams.members')}
              placeholder={t('adminPeople.teams.pickMembers')}
              data={memberOptions}
              value={draft.memberIds}
              onChange={(memberIds) => {
                set({ memberIds });
              }}
              searchable
              error={form.error('memberIds')}
            />
            <Switch
              label={t('adminPeople.teams.dispositionRequired')}
              description={t('adminPeople.teams.dispositionRequiredHint')}
              checked={draft.dispositionRequired}
              onChange={(e) => {
                set({ dispositionRequired: e.currentTarget.checked });
              }}
            />
            <Switch
              label={t('adminPeople.teams.csat')}
              description={t('adminPeople.teams.csatHint')}
              checked={draft.csatEnabled}
              onChange={(e) => {
                set({ csatEnabled: e.currentTarget.checked });
              }}
            />
            <NumberInput
              hideControls
              label={t('adminPeople.teams.csatTimeout')}
              description={t('adminPeople.teams.csatTimeoutHint')}
              disabled={!draft.csatEnabled}
              value={draft.csatMinutes}
              min={1}
              max={7 * 24 * 60}
              allowDecimal={false}
              allowNegative={false}
              suffix=" min"
              maw={360}
              onChange={(value) => {
                set({ csatMinutes: typeof value === 'number' ? value : '' });
              }}
              error={form.error('settings.csatTimeoutMs')}
            />
            <MultiSelect
              renderPill={renderPill}
              label={t('adminPeople.teams.defaultTemplates')}
              description={t('adminPeople.teams.defaultTemplatesHint')}
              placeholder={
                templateOptions.length === 0
                  ? t('adminPeople.teams.noTemplates')
                  : draft.defaultTemplateIds.length === 0
                    ? t('adminPeople.teams.pickTemplates')
                    : undefined
              }
              data={templateOptions}
              value={draft.defaultTemplateIds}
              onChange={(defaultTemplateIds) => {
                set({ defaultTemplateIds });
              }}
              searchable
              error={form.error('defaultTemplateIds')}
            />
          </Stack>
        </Fieldset>
        {form.failureText !== null && (
          <Alert color="red" role="alert">
            {form.failureText}
          </Alert>
        )}
        {canEdit ? (
          <DialogActions
            confirmLabel={team === null ? t('adminPeople.teams.create') : t('adminPeople.save')}
            onConfirm={() => void save()}
            onCancel={props.onClose}
            pending={form.pending}
          />
        ) : (
          <ReadOnlyClose onClose={props.onClose} />
        )}
      </Stack>
    </Modal>
  );
}
