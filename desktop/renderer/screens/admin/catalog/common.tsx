import { Alert, Badge, Group, Select, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { AdminChannel } from '@atendo/shared/schemas/admin/channels';
import type { AdminTeam } from '@atendo/shared/schemas/admin/teams';
import { useApiQuery, type ApiQueryState } from '../../../data/use-api-query';
import { useWorkspace } from '../../../data/workspace-context';

/** Supervisors read the console; only admins change anything (the server says the same). */
export function useCanEdit(): boolean {
  return useWorkspace().session.agent.role === 'admin';
}

/** Every team (archived ones too: old tags and replies still name them). */
export function useAdminTeams(): ApiQueryState<AdminTeam[]> {
  const { api } = useWorkspace();
  return useApiQuery(() => api.admin.teams.list.query({ includeArchived: true }), [api]);
}

export function useAdminChannels(): ApiQueryState<AdminChannel[]> {
  const { api } = useWorkspace();
  return useApiQuery(() => api.admin.channels.list.query({ includeArchived: false }), [api]);
}

export const listOf = <T,>(state: ApiQueryState<T[]>): T[] =>
  state.status === 'ok' ? state.data : [];

/** A section's title, its one-line purpose, and what the supervisor may not do. */
export function SectionHeader(props: { title: string; intro: string; actions?: ReactNode }) {
  const { t } = useTranslation();
  const canEdit = useCanEdit();
  return (
    <Stack gap={6}>
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <div>
          <Title order={2} size="h3">
            {props.title}
          </Title>
          <Text c="dimmed" size="sm" maw={760}>
            {props.intro}
          </Text>
        </div>
        {canEdit && props.actions}
      </Group>
      {!canEdit && (
        <Alert color="gray" variant="light" p="xs">
          {t('adminCatalog.readOnly')}
        </Alert>
      )}
    </Stack>
  );
}

/** The team whose catalogue is shown: tags, dispositions and quick replies belong to one. */
export function TeamSelect(props: {
  teams: AdminTeam[];
  value: string | null;
  onChange: (teamId: string | null) => void;
}) {
  const { t } = useTranslation();
  return (
    <Select
      label={t('adminCatalog.team')}
      data={props.teams
        .filter((team) => !team.archived)
        .map((team) => ({ value: team.id, label: team.name }))}
      value={props.value}
      onChange={props.onChange}
      allowDeselect={false}
      searchable
      w={260}
    />
  );
}

export function ArchivedBadge() {
  const { t } = useTranslation();
  return (
    <Badge color="gray" variant="light" size="sm">
      {t('adminCatalog.archived')}
    </Badge>
  );
}
