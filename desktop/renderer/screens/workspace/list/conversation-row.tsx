import { Badge, Group, Text, UnstyledButton } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ChannelIcon } from '../../../ui/channel-icon';
import { formatDuration, formatMessageTime } from '../../../ui/format';
import type { ConversationRowData } from './conversation-rows';
import classes from './conversation-row.module.css';

export type ConversationRowProps = {
  row: ConversationRowData;
  selected: boolean;
  busy: boolean;
  now: number;
  onActivate: (row: ConversationRowData) => void;
};

/** One line of the list: who, where, the last words, how long they wait, which tags. */
export function ConversationRow({ row, selected, busy, now, onActivate }: ConversationRowProps) {
  const { t, i18n } = useTranslation();
  const { conversation, contactName, channelKind, tags } = row;
  const queued = conversation.state === 'queued';
  const label = queued
    ? t('list.take', { name: contactName })
    : t('list.open', { name: contactName });
  const waitingSince = conversation.queuedAt ?? conversation.createdAt;
  return (
    <UnstyledButton
      className={classes.row}
      data-selected={selected || undefined}
      data-testid="conversation-row"
      data-conversation-id={conversation.id}
      aria-label={label}
      aria-current={selected ? 'true' : undefined}
      aria-busy={busy || undefined}
      onClick={() => {
        onActivate(row);
      }}
    >
      <Group gap="sm" wrap="nowrap" align="flex-start">
        {channelKind !== null && <ChannelIcon kind={channelKind} />}
        <div className={classes.body}>
          <Group justify="space-between" wrap="nowrap" gap="xs">
            <Text fw={600} size="sm" truncate="end">
              {contactName}
            </Text>
            {conversation.lastMessageAt !== null && (
              <Text size="xs" c="dimmed" style={{ flexShrink: 0 }}>
                {formatMessageTime(conversation.lastMessageAt, now, i18n.language)}
              </Text>
            )}
          </Group>
          <Text size="sm" c="dimmed" truncate="end">
            {row.botChoice !== null
              ? t('seat.botChoice', { label: row.botChoice })
              : (conversation.lastMessagePreview ?? t('list.noMessages'))}
          </Text>
          <Group gap={4} mt={4} wrap="wrap">
            {queued && (
              <Badge size="xs" variant="light" color="orange">
                {busy
                  ? t('list.taking')
                  : t('list.waiting', { duration: formatDuration(now - waitingSince) })}
              </Badge>
            )}
            {tags.map((tag) => (
              <Badge key={tag.id} size="xs" variant="dot" color={tag.color}>
                {tag.name}
              </Badge>
            ))}
          </Group>
        </div>
      </Group>
    </UnstyledButton>
  );
}
