import { Button, Group, Stack, Switch } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AdminTeam } from '@atendo/shared/schemas/admin/teams';
import { useWorkspace } from '../../../data/workspace-context';
import { Icon } from '../../../ui/icons';
import { useAdminAccess } from '../admin-access';
import { QueryState } from '../query-state';
import { useAdminQuery } from '../use-admin-query';
import { useRowAction } from '../use-row-action';
import { TeamFormDialog } from './team-form-dialog';
import { TeamsTable, type TeamAction } from './teams-table';

/** Teams: who is in each one and how its queue closes conversations. */
export function TeamsSection() {
  const { t } = useTranslation();
  const { api } = useWorkspace();
  const { canEdit } = useAdminAccess();
  const [showArchived, setShowArchived] = useState(false);
  const data = useAdminQuery(
    async (client) => {
      const [teams, agents, templates] = await Promise.all([
        client.admin.teams.list.query({ includeArchived: showArchived }),
        client.admin.agents.list.query(),
        client.admin.templates.list.query({}),
      ]);
      return { teams, agents, templates };
    },
    [showArchived],
  );
  const rowAction = useRowAction(data.reload);
  const [editing, setEditing] = useState<AdminTeam | 'new' | null>(null);

  const onAction = (action: TeamAction, team: AdminTeam) => {
    if (action === 'edit') {
      setEditing(team);
      return;
    }
    const teamId = team.id;
    void rowAction(
      () =>
        action === 'archive'
          ? api.admin.teams.archive.mutate({ teamId })
          : api.admin.teams.restore.mutate({ teamId }),
      action === 'archive'
        ? {
            success: t('adminPeople.teams.archived', { name: team.name }),
            failure: t('adminPeople.teams.archiveFailed', { name: team.name }),
          }
        : {
            success: t('adminPeople.teams.restored', { name: team.name }),
            failure: t('adminPeople.teams.restoreFailed', { name: team.name }),
          },
    );
  };
  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Button
          leftSection={<Icon name="plus" size={16} />}
          disabled={!canEdit}
          onClick={() => {
            setEditing('new');
          }}
        >
          {t('adminPeople.teams.new')}
        </Button>
        <Switch
          label={t('adminPeople.showArchived')}
          checked={showArchived}
          onChange={(e) => {
            setShowArchived(e.currentTarget.checked);
          }}
        />
      </Group>
      <QueryState state={data.state}>
        {(loaded) => (
          <>
            <TeamsTable teams={loaded.teams} agents={loaded.agents} onAction={onAction} />
            {editing !== null && (
              <TeamFormDialog
                team={editing === 'new' ? null : editing}
                agents={loaded.agents}
                templates={loaded.templates}
                onSaved={() => {
                  setEditing(null);
                  data.reload();
                }}
                onClose={() => {
                  setEditing(null);
                }}
              />
            )}
          </>
        )}
      </QueryState>
    </Stack>
  );
}
