import { Button, Group, Menu, Stack, Switch } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AdminChannel } from '@atendo/shared/schemas/admin/channels';
import { useWorkspace } from '../../../data/workspace-context';
import { Icon } from '../../../ui/icons';
import { useAdminAccess } from '../admin-access';
import { QueryState } from '../query-state';
import { useAdminQuery } from '../use-admin-query';
import { useRowAction } from '../use-row-action';
import { ChannelDialog, type Tab } from './channel-dialog';
import type { ChannelDraft } from './channel-draft';
import { ChannelsTable, type ChannelAction } from './channels-table';

type Editing = {
  kind: ChannelDraft['kind'];
  channel: AdminChannel | null;
  tab?: Tab;
};

/** Channels: WhatsApp numbers and web chat widgets, where they route and how they greet. */
export function ChannelsSection() {
  const { t } = useTranslation();
  const { api } = useWorkspace();
  const { canEdit } = useAdminAccess();
  const [showArchived, setShowArchived] = useState(false);
  const data = useAdminQuery(
    async (client) => {
      const [channels, teams] = await Promise.all([
        client.admin.channels.list.query({ includeArchived: showArchived }),
        client.admin.teams.list.query({}),
      ]);
      return { channels, teams };
    },
    [showArchived],
  );
  const rowAction = useRowAction(data.reload);
  const [editing, setEditing] = useState<Editing | null>(null);

  const onAction = (action: ChannelAction, channel: AdminChannel) => {
    if (action === 'edit') {
      if (channel.kind === 'whatsapp' || channel.kind === 'webchat') {
        setEditing({ kind: channel.kind, channel });
      }
      return;
    }
    const channelId = channel.id;
    const name = channel.name;
    void rowAction(
      () =>
        action === 'archive'
          ? api.admin.channels.archive.mutate({ channelId })
          : api.admin.channels.restore.mutate({ channelId }),
      action === 'archive'
        ? {
            success: t('adminPeople.channels.archived', { name }),
            failure: t('adminPeople.channels.archiveFailed', { name }),
          }
        : {
            success: t('adminPeople.channels.restored', { name }),
            failure: t('adminPeople.channels.restoreFailed', { name }),
          },
    );
  };
  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Menu position="bottom-start" withinPortal>
          <Menu.Target>
            <Button leftSection={<Icon name="plus" size={16} />} disabled={!canEdit}>
              {t('adminPeople.channels.new')}
            </Button>
          </Menu.Target>
          <Menu.Dropdown>
            <Menu.Item
              onClick={() => {
                setEditing({ kind: 'whatsapp', channel: null });
              }}
            >
              {t('adminPeople.channels.newWhatsapp')}
            </Menu.Item>
            <Menu.Item
              onClick={() => {
                setEditing({ kind: 'webchat', channel: null });
              }}
            >
              {t('adminPeople.channels.newWebchat')}
            </Menu.Item>
          </Menu.Dropdown>
        </Menu>
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
            <ChannelsTable channels={loaded.channels} teams={loaded.teams} onAction={onAction} />
            {editing !== null && (
              <ChannelDialog
                key={editing.channel?.id ?? `new-${editing.kind}`}
                kind={editing.kind}
                channel={editing.channel}
                initialTab={editing.tab}
                teams={loaded.teams}
                onSaved={(saved) => {
                  data.reload();
                  // Right after creating, the dialog stays open on what to paste elsewhere.
                  setEditing(
                    editing.channel === null
                      ? { kind: editing.kind, channel: saved, tab: 'connection' }
                      : null,
                  );
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
