import { ActionIcon, Loader, Menu, Text, Tooltip } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { map } from 'rxjs';
import { describeApiError } from '../../../api/api-error';
import { useDirectory, type Directory } from '../../../data/use-directory';
import { useObservable } from '../../../data/use-observable';
import { useWorkspace } from '../../../data/workspace-context';
import { errorText } from '../../../i18n/error-text';
import { Icon } from '../../../ui/icons';
import { useOpenConversation } from '../open-conversation';
import { reachOf, type OtherChannelItem, type Reach } from './other-channels';

/**
 * The same contact's open conversations on other channels, fetched when the menu opens. Those the
 * agent has locally open like a click in the list; the others say why not and what to do.
 */
export function OtherChannelsMenu({
  contactId,
  channelId,
}: {
  contactId: string;
  channelId: string;
}) {
  const { t } = useTranslation();
  const { api } = useWorkspace();
  const [items, setItems] = useState<OtherChannelItem[] | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const load = async () => {
    setItems(null);
    setFailure(null);
    try {
      setItems(
        await api.conversation.otherChannels.query({ contactId, exceptChannelId: channelId }),
      );
    } catch (error) {
      setFailure(errorText(t, describeApiError(error)));
    }
  };
  return (
    <Menu position="bottom-end" width={340} withinPortal onOpen={() => void load()}>
      <Menu.Target>
        <Tooltip label={t('actions.otherChannels')}>
          <ActionIcon
            variant="subtle"
            color="gray"
            size="lg"
            aria-label={t('actions.otherChannels')}
          >
            <Icon name="channels" />
          </ActionIcon>
        </Tooltip>
      </Menu.Target>
      <Menu.Dropdown data-testid="other-channels">
        <Menu.Label>{t('actions.otherChannels')}</Menu.Label>
        {failure !== null && (
          <Text size="sm" c="red" p="xs">
            {failure}
          </Text>
        )}
        {items === null && failure === null && <Loader size="xs" m="xs" />}
        {items?.length === 0 && (
          <Text size="sm" c="dimmed" p="xs">
            {t('actions.noOtherChannels')}
          </Text>
        )}
        {items !== null && items.length > 0 && <OtherChannelItems items={items} />}
      </Menu.Dropdown>
    </Menu>
  );
}

/** Mounted only while the menu is open, so the store is watched only then. */
function OtherChannelItems({ items }: { items: readonly OtherChannelItem[] }) {
  const { t } = useTranslation();
  const { session } = useWorkspace();
  const directory = useDirectory();
  const open = useOpenConversation();
  const local = useLocalConversationIds(items.flatMap((c) => (c.readable ? [c.id] : [])));
  if (local === null) return <Loader size="xs" m="xs" />;
  const me = session.agent.id;
  return items.map((c) => {
    const reach = reachOf(c, c.readable && local.has(c.id), me);
    const channel = directory.channels.get(c.channelId) ?? null;
    const details = detailsText(t, c, reach, me);
    return (
      <Menu.Item
        // One open conversation per channel: the channel names a hidden one.
        key={c.readable ? c.id : `hidden:${c.channelId}`}
        data-testid="other-channel"
        disabled={reach.kind !== 'open'}
        // Mantine fades disabled items; the reason is what the agent needs to read, so it stays
        // at full strength while the item itself still looks unavailable (grey, no hover).
        style={reach.kind === 'open' ? undefined : { opacity: 1 }}
        leftSection={channel !== null && <Icon name={channel.kind} />}
        onClick={() => {
          if (c.readable) open(c.id);
        }}
      >
        <Text component="span" display="block" size="sm" fw={500}>
          {channel?.name ?? c.channelId}
        </Text>
        {details !== '' && (
          <Text component="span" display="block" size="xs" c="dimmed">
            {details}
          </Text>
        )}
        {reach.kind !== 'open' && (
          <Text
            component="span"
            display="block"
            size="xs"
            c="var(--mantine-color-text)"
            data-testid="other-channel-reason"
          >
            {reasonText(t, reach, directory)}
          </Text>
        )}
      </Menu.Item>
    );
  });
}

/** Which of these conversations the local store holds, kept current while the menu is open. */
function useLocalConversationIds(ids: readonly string[]): ReadonlySet<string> | null {
  const { store } = useWorkspace();
  const key = ids.join(',');
  return useObservable(
    () =>
      store.db.conversations
        .findByIds([...ids])
        .$.pipe(map((found) => new Set<string>(found.keys()))),
    null,
    [store, key],
  );
}

/** The state, and who serves it unless the reason below already names them. */
function detailsText(t: TFunction, item: OtherChannelItem, reach: Reach, me: string): string {
  // Of a conversation the agent may not read, the reason below says all the server tells.
  if (!item.readable) return '';
  const state = t(`state.${item.state}`);
  if (reach.kind === 'served-by-other') return state;
  if (item.ownerId === me) return `${state} · ${t('otherChannels.ownerYou')}`;
  if (item.ownerName === null) return state;
  return `${state} · ${t('otherChannels.owner', { name: item.ownerName })}`;
}

function reasonText(t: TFunction, reach: Exclude<Reach, { kind: 'open' }>, dir: Directory) {
  switch (reach.kind) {
    case 'not-yours':
      return reach.ownerName === null
        ? t('hiddenConversation.someone')
        : t('hiddenConversation.servedBy', { name: reach.ownerName });
    case 'served-by-other':
      return reach.ownerName === null
        ? t('otherChannels.servedByUnknown')
        : t('otherChannels.servedByOther', { name: reach.ownerName });
    case 'other-queue':
      return t('otherChannels.otherQueue', {
        team: dir.teams.get(reach.teamId)?.name ?? reach.teamId,
      });
    case 'bot':
      return t('otherChannels.bot');
    case 'awaiting-csat':
      return t('otherChannels.awaitingCsat');
    case 'syncing':
      return t('otherChannels.syncing');
  }
}
