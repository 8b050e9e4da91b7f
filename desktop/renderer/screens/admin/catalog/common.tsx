import { Badge, Group, Select, Switch } from '@mantine/core';
import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { AdminChannel } from '@atendo/shared/schemas/admin/channels';
import type { AdminTeam } from '@atendo/shared/schemas/admin/teams';
import { useApiQuery, type ApiQueryState } from '../../../data/use-api-query';
import { useWorkspace } from '../../../data/workspace-context';
import { useAdminAccess } from '../admin-access';

/** Supervisors read the console; only admins change anything (the server says the same). */
export function useCanEdit(): boolean {
  return useAdminAccess().canEdit;
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

/** A section's main action (new …), above its filters; supervisors do not get it. */
export function SectionActions(props: { children: ReactNode }) {
  const canEdit = useCanEdit();
  if (!canEdit) return null;
  return <Group gap="sm">{props.children}</Group>;
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

/**
 * A per-team catalogue's filters (tags, dispositions, quick replies): the team, the first active
 * one until the admin picks another; whether archived items show; and a counter whose change
 * reloads the list after a save.
 */
export function useTeamCatalog(showArchivedAtFirst: boolean) {
  const teams = listOf(useAdminTeams());
  const [teamId, setTeamId] = useState<string | null>(null);
  const [showArchived, setShowArchived] = useState(showArchivedAtFirst);
  const [version, setVersion] = useState(0);
  useEffect(() => {
    if (teamId === null) setTeamId(teams.find((x) => !x.archived)?.id ?? null);
  }, [teams, teamId]);
  const reload = () => {
    setVersion((v) => v + 1);
  };
  return { teams, teamId, setTeamId, showArchived, setShowArchived, version, reload };
}

export type TeamCatalog = ReturnType<typeof useTeamCatalog>;

/** The team picker and the "show archived" switch above a per-team catalogue. */
export function TeamCatalogFilters({ catalog }: { catalog: TeamCatalog }) {
  const { t } = useTranslation();
  return (
    <Group align="flex-end">
      <TeamSelect teams={catalog.teams} value={catalog.teamId} onChange={catalog.setTeamId} />
      <Switch
        label={t('adminCatalog.showArchived')}
        checked={catalog.showArchived}
        onChange={(e) => {
          catalog.setShowArchived(e.currentTarget.checked);
        }}
        mb={8}
      />
    </Group>
  );
}
