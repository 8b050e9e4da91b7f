import { Paper, Stack, Text, UnstyledButton } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { DeepReadonly } from 'rxdb';
import type { QuickReply } from '@atendo/shared/schemas/quick-reply';

export type QuickReplyMenuProps = {
  id: string;
  query: string;
  matches: readonly DeepReadonly<QuickReply>[];
  activeIndex: number;
  /** The reply's text as the contact will read it (variables filled in). */
  preview: (reply: DeepReadonly<QuickReply>) => string;
  onPick: (reply: DeepReadonly<QuickReply>) => void;
};

export const quickReplyOptionId = (menuId: string, index: number) => `${menuId}-option-${index}`;

/**
 * The list that `/` opens above the composer. The keyboard stays in the composer (arrows move,
 * Enter or Tab insert, Esc closes); the mouse picks too.
 */
export function QuickReplyMenu({
  id,
  query,
  matches,
  activeIndex,
  preview,
  onPick,
}: QuickReplyMenuProps) {
  const { t } = useTranslation();
  return (
    <Paper withBorder shadow="sm" radius="md" mb="xs" p={4}>
      <Text size="xs" c="dimmed" px={6} pt={2} pb={4}>
        {t('quickReplies.hint')}
      </Text>
      {matches.length === 0 ? (
        <Text size="sm" c="dimmed" px={6} pb={4} role="status">
          {query === '' ? t('quickReplies.noneForTeam') : t('quickReplies.noMatch', { query })}
        </Text>
      ) : (
        <Stack gap={0} id={id} role="listbox" aria-label={t('quickReplies.label')}>
          {matches.map((reply, index) => (
            <UnstyledButton
              key={reply.id}
              id={quickReplyOptionId(id, index)}
              role="option"
              aria-selected={index === activeIndex}
              tabIndex={-1}
              px={6}
              py={4}
              style={{
                borderRadius: 'var(--mantine-radius-sm)',
                background:
                  index === activeIndex ? 'var(--mantine-color-default-hover)' : undefined,
              }}
              // Keep the focus in the composer: a mousedown would move it to the button.
              onMouseDown={(event) => {
                event.preventDefault();
              }}
              onClick={() => {
                onPick(reply);
              }}
            >
              <Text size="sm" fw={600} span>
                /{reply.shortcut}
              </Text>
              <Text size="sm" c="dimmed" truncate="end">
                {preview(reply)}
              </Text>
            </UnstyledButton>
          ))}
        </Stack>
      )}
    </Paper>
  );
}
