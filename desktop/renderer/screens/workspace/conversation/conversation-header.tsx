import { Badge, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useTags } from '../../../data/use-collections';
import type { ConversationViewData } from '../../../data/use-conversation-view';
import { ChannelIcon } from '../../../ui/channel-icon';
import { ConversationActions } from '../actions/conversation-actions';

export type ConversationHeaderProps = {
  view: ConversationViewData;
  onOpenTemplates: () => void;
};

const STATE_COLORS = {
  bot: 'grape',
  queued: 'orange',
  active: 'green',
  awaiting_csat: 'yellow',
  closed: 'gray',
} as const;

/** The conversation's tags, as the list shows them; internal, never seen by the contact. */
function HeaderTags({ tagIds }: { tagIds: readonly string[] }) {
  const { t } = useTranslation();
  const tags = useTags();
  const shown = tagIds.flatMap((id) => {
    const tag = tags.get(id);
    return tag === undefined ? [] : [tag];
  });
  if (shown.length === 0) return null;
  return (
    <Group
      gap={4}
      wrap="nowrap"
      style={{ flexShrink: 0 }}
      role="list"
      aria-label={t('seat.headerTags')}
      data-testid="header-tags"
    >
      {shown.map((tag) => (
        <Badge key={tag.id} role="listitem" size="xs" variant="dot" color={tag.color}>
          {tag.name}
        </Badge>
      ))}
    </Group>
  );
}

/** Who the contact is, on which channel, in which state and team, with the top-panel actions. */
export function ConversationHeader({ view, onOpenTemplates }: ConversationHeaderProps) {
  const { t } = useTranslation();
  const { conversation, contact, channel, team, owner } = view;
  const phone = contact?.phones[0] ?? null;
  return (
    <Group
      justify="space-between"
      px="md"
      py="sm"
      wrap="nowrap"
      style={{ borderBottom: '1px solid var(--mantine-color-default-border)' }}
    >
      <Group gap="sm" wrap="nowrap" style={{ minWidth: 0 }}>
        {channel !== null && <ChannelIcon kind={channel.kind} />}
        <Stack gap={0} style={{ minWidth: 0 }}>
          <Title order={2} size="h4" lineClamp={1} data-testid="conversation-title">
            {contact?.name ?? t('conversation.contact')}
          </Title>
          <Group gap={6} wrap="nowrap">
            <Text size="xs" c="dimmed" truncate="end">
              {[phone, channel?.name, team?.name, owner?.name].filter(Boolean).join(' · ')}
            </Text>
            <Badge
              size="xs"
              variant="light"
              color={STATE_COLORS[conversation.state]}
              data-testid="conversation-state"
              style={{ flexShrink: 0 }}
            >
              {t(`state.${conversation.state}`)}
            </Badge>
            <HeaderTags tagIds={conversation.tagIds} />
          </Group>
        </Stack>
      </Group>
      <ConversationActions view={view} onOpenTemplates={onOpenTemplates} />
    </Group>
  );
}
