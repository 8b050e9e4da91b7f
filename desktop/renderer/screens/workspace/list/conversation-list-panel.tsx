import { Badge, Select, Stack, Tabs, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { clearButtonProps } from '../../../ui/clear-button';
import { Icon } from '../../../ui/icons';
import { useMessageMatches } from '../../../data/use-message-matches';
import { useNow } from '../../../data/use-now';
import { filterRows, type ConversationRowData } from './conversation-rows';
import { VirtualConversationList } from './virtual-conversation-list';

export type ListTab = 'queued' | 'active';

export type ConversationListPanelProps = {
  queued: readonly ConversationRowData[];
  active: readonly ConversationRowData[];
  channels: readonly { id: string; name: string }[];
  tab: ListTab;
  onTabChange: (tab: ListTab) => void;
  selectedId: string | null;
  takingId: string | null;
  onActivate: (row: ConversationRowData) => void;
};

/** "Em espera" and "Em atendimento" with their counts, a search box and a channel filter. */
export function ConversationListPanel(props: ConversationListPanelProps) {
  const { t } = useTranslation();
  const now = useNow(15_000);
  const [search, setSearch] = useState('');
  const [channelId, setChannelId] = useState<string | null>(null);
  const listed = [...props.queued, ...props.active].map((row) => row.conversation.id);
  const messageMatches = useMessageMatches(search, listed);
  const filter = { search, channelId, messageMatches };
  const queued = filterRows(props.queued, filter);
  const active = filterRows(props.active, filter);
  const filtering = search.trim() !== '' || channelId !== null;
  const shown = props.tab === 'queued' ? queued : active;
  const emptyText = filtering
    ? t('list.emptySearch')
    : props.tab === 'queued'
      ? t('list.emptyQueued')
      : t('list.emptyActive');

  return (
    <Stack gap={0} h="100%" component="section" aria-label={t('list.label')}>
      <Stack gap="xs" p="sm">
        <TextInput
          aria-label={t('list.search')}
          placeholder={t('list.search')}
          leftSection={<Icon name="search" size={16} />}
          value={search}
          onChange={(e) => {
            setSearch(e.currentTarget.value);
          }}
          type="search"
        />
        <Select
          aria-label={t('list.channelFilter')}
          placeholder={t('list.allChannels')}
          data={props.channels.map((c) => ({ value: c.id, label: c.name }))}
          value={channelId}
          onChange={setChannelId}
          clearable
          clearButtonProps={clearButtonProps(
            t('monitoring.clearFilter', { name: t('list.channelFilter') }),
          )}
          size="xs"
        />
      </Stack>
      <Tabs
        value={props.tab}
        onChange={(value) => {
          props.onTabChange(value === 'active' ? 'active' : 'queued');
        }}
        styles={{ list: { paddingInline: 'var(--mantine-spacing-sm)' } }}
      >
        <Tabs.List grow>
          <Tabs.Tab
            value="queued"
            rightSection={<CountBadge count={queued.length} color="orange" />}
          >
            {t('list.queued')}
          </Tabs.Tab>
          <Tabs.Tab
            value="active"
            rightSection={<CountBadge count={active.length} color="brand" />}
          >
            {t('list.active')}
          </Tabs.Tab>
        </Tabs.List>
      </Tabs>
      <VirtualConversationList
        rows={shown}
        now={now}
        label={props.tab === 'queued' ? t('list.queued') : t('list.active')}
        emptyText={emptyText}
        selectedId={props.selectedId}
        takingId={props.takingId}
        onActivate={props.onActivate}
      />
    </Stack>
  );
}

function CountBadge({ count, color }: { count: number; color: string }) {
  return (
    <Badge
      size="sm"
      circle={count < 10}
      variant={count > 0 ? 'filled' : 'default'}
      color={count > 0 ? color : 'gray'}
      style={{ flexShrink: 0, overflow: 'visible' }}
      data-testid="tab-count"
    >
      {count}
    </Badge>
  );
}
