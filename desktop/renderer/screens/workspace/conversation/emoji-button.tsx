import { ActionIcon, Popover, SimpleGrid, Tooltip, UnstyledButton } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Icon } from '../../../ui/icons';

// The emoji agents use most in service conversations; a full picker would be a large download.
const EMOJI = [
  '😊',
  '🙂',
  '😉',
  '😄',
  '🙏',
  '👍',
  '👏',
  '🤝',
  '✅',
  '❌',
  '⚠️',
  '📦',
  '📞',
  '💬',
  '⏳',
  '🎉',
  '❤️',
  '😅',
  '🤔',
  '😢',
  '👋',
  '📄',
  '💡',
  '🚚',
];

export function EmojiButton({
  onPick,
  disabled,
}: {
  onPick: (emoji: string) => void;
  disabled: boolean;
}) {
  const { t } = useTranslation();
  const [opened, setOpened] = useState(false);
  return (
    <Popover opened={opened} onChange={setOpened} position="top-start" shadow="md">
      <Popover.Target>
        <Tooltip label={t('composer.emoji')}>
          <ActionIcon
            variant="subtle"
            size="lg"
            color="gray"
            aria-label={t('composer.emoji')}
            disabled={disabled}
            onClick={() => {
              setOpened((o) => !o);
            }}
          >
            <Icon name="smile" />
          </ActionIcon>
        </Tooltip>
      </Popover.Target>
      <Popover.Dropdown>
        <SimpleGrid cols={8} spacing={4}>
          {EMOJI.map((emoji) => (
            <UnstyledButton
              key={emoji}
              aria-label={emoji}
              fz={20}
              p={2}
              onClick={() => {
                onPick(emoji);
                setOpened(false);
              }}
            >
              {emoji}
            </UnstyledButton>
          ))}
        </SimpleGrid>
      </Popover.Dropdown>
    </Popover>
  );
}
