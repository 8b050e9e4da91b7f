import {
  Alert,
  Checkbox,
  Modal,
  MultiSelect,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  TextInput,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AgentRole, type Permission } from '@atendo/shared/schemas/agent';
import {
  AgentInvite,
  AgentUpdate,
  type AdminAgent,
  type TemporaryPasswordResult,
} from '@atendo/shared/schemas/admin/agents';
import type { AdminTeam } from '@atendo/shared/schemas/admin/teams';
import { useWorkspace } from '../../../data/workspace-context';
import { DialogActions } from '../../../ui/dialog-actions';
import { useNamedPill } from '../named-pill';
import { useAdminForm } from '../use-admin-form';

type Draft = {
  email: string;
  name: string;
  role: AgentRole;
  teamIds: string[];
  capacity: number | '';
  historyAll: boolean;
};

const draftOf = (agent: AdminAgent | null): Draft => ({
  email: agent?.email ?? '',
  name: agent?.name ?? '',
  role: agent?.role ?? 'agent',
  teamIds: agent === null ? [] : [...agent.teamIds],
  capacity: agent?.capacity ?? 3,
  historyAll: agent?.permissions.includes('history-all') ?? false,
});

export type AgentFormDialogProps = {
  /** Null invites a new agent. */
  agent: AdminAgent | null;
  teams: readonly AdminTeam[];
  onInvited: (result: TemporaryPasswordResult) => void;
  onClose: () => void;
};

/** Invite a colleague or edit one: e-mail, name, role, teams, capacity and permissions. */
export function AgentFormDialog(props: AgentFormDialogProps) {
  const { t } = useTranslation();
  const { api } = useWorkspace();
  const renderPill = useNamedPill();
  const editing = props.agent;
  const inviteForm = useAdminForm(AgentInvite);
  const updateForm = useAdminForm(AgentUpdate);
  const form = editing === null ? inviteForm : updateForm;
  const [draft, setDraft] = useState<Draft>(() => draftOf(editing));
  const set = (patch: Partial<Draft>) => {
    setDraft((d) => ({ ...d, ...patch }));
    form.clear(Object.keys(patch).map((key) => (key === 'historyAll' ? 'permissions' : key)));
  };
  const permissions: Permission[] = draft.historyAll ? ['history-all'] : [];
  const fields = {
    email: draft.email.trim(),
    name: draft.name,
    role: draft.role,
    teamIds: draft.teamIds,
    capacity: draft.capacity === '' ? undefined : draft.capacity,
    permissions,
  };

  const save = async () => {
    if (editing === null) {
      const invited = await inviteForm.submit(
        fields,
        (input) => api.admin.agents.invite.mutate(input),
        {
          success: t('adminPeople.agents.invited', { name: draft.name.trim() }),
        },
      );
      if (invited !== null) props.onInvited(invited);
      return;
    }
    const saved = await updateForm.submit(
      { agentId: editing.id, ...fields },
      (input) => api.admin.agents.update.mutate(input),
      {
        success: t('adminPeople.agents.saved', { name: draft.name.trim() }),
      },
    );
    if (saved !== null) props.onClose();
  };

  const teamOptions = props.teams
    .filter((team) => !team.archived || draft.teamIds.includes(team.id))
    .map((team) => ({ value: team.id, label: team.name }));
  return (
    <Modal
      opened
      onClose={props.onClose}
      size="lg"
      title={
        editing === null
          ? t('adminPeople.agents.inviteTitle')
          : t('adminPeople.agents.editTitle', { name: editing.name })
      }
    >
      <Stack gap="sm">
        <SimpleGrid cols={2}>
          <TextInput
            label={t('adminPeople.agents.name')}
            value={draft.name}
            onChange={(e) => {
              set({ name: e.currentTarget.value });
            }}
            error={form.error('name')}
            required
            data-autofocus
          />
          <TextInput
            label={t('adminPeople.agents.email')}
            type="email"
            value={draft.email}
            onChange={(e) => {
              set({ email: e.currentTarget.value });
            }}
            error={form.error('email')}
            required
          />
          <Select
            label={t('adminPeople.agents.role')}
            data={AgentRole.options.map((role) => ({
              value: role,
              label: t(`adminPeople.roles.${role}`),
            }))}
            value={draft.role}
            onChange={(value) => {
              const parsed = AgentRole.safeParse(value);
              if (parsed.success) set({ role: parsed.data });
            }}
            allowDeselect={false}
            error={form.error('role')}
          />
          <NumberInput
            hideControls
            label={t('adminPeople.agents.capacity')}
            description={t('adminPeople.agents.capacityHint')}
            value={draft.capacity}
            min={1}
            max={100}
            allowDecimal={false}
            allowNegative={false}
            onChange={(value) => {
              set({ capacity: typeof value === 'number' ? value : '' });
            }}
            error={form.error('capacity')}
          />
        </SimpleGrid>
        <MultiSelect
          renderPill={renderPill}
          label={t('adminPeople.agents.teams')}
          placeholder={draft.teamIds.length === 0 ? t('adminPeople.agents.pickTeams') : undefined}
          data={teamOptions}
          value={draft.teamIds}
          onChange={(teamIds) => {
            set({ teamIds });
          }}
          searchable
          error={form.error('teamIds')}
        />
        <Checkbox
          label={t('adminPeople.agents.historyAll')}
          description={t('adminPeople.agents.historyAllHint')}
          checked={draft.historyAll}
          onChange={(e) => {
            set({ historyAll: e.currentTarget.checked });
          }}
        />
        {editing === null && (
          <Alert color="brand" variant="light">
            {t('adminPeople.agents.inviteExplain')}
          </Alert>
        )}
        {form.failureText !== null && (
          <Alert color="red" role="alert">
            {form.failureText}
          </Alert>
        )}
        <DialogActions
          confirmLabel={
            editing === null ? t('adminPeople.agents.inviteSubmit') : t('adminPeople.save')
          }
          onConfirm={() => void save()}
          onCancel={props.onClose}
          pending={form.pending}
        />
      </Stack>
    </Modal>
  );
}
