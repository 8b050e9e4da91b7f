import { ActionIcon, Checkbox, Popover, Stack, Text, Tooltip } from '@mantine/core';
import { useWindowEvent } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import type { DeepReadonly } from 'rxdb';
import type { Conversation } from '@atendo/shared/schemas/conversation';
import type { Tag } from '@atendo/shared/schemas/catalog';
import { useApiAction } from '../../../data/use-api-action';
import { useObservable } from '../../../data/use-observable';
import { useWorkspace } from '../../../data/workspace-context';
import { Icon } from '../../../ui/icons';

const NONE: DeepReadonly<Tag>[] = [];

export type TagsMenuProps = {
  conversation: DeepReadonly<Conversation>;
  /** Controlled, so "Atribuir tag" in the contact options menu can open it too. */
  opened: boolean;
  onChange: (opened: boolean) => void;
};

/** The team's tags as checkboxes; a tag is internal and never reaches the contact. */
export function TagsMenu({ conversation, opened, onChange }: TagsMenuProps) {
  const { t } = useTranslation();
  // Esc closes it while the focus is inside (a checkbox, whose key events the Popover's own
  // handler does not see); the button handles its own Esc below.
  useWindowEvent('keydown', (event) => {
    if (opened && event.key === 'Escape') onChange(false);
  });

  const { api, store } = useWorkspace();
  const action = useApiAction();
  const tags = useObservable(() => store.tagsForTeam$(conversation.teamId), NONE, [
    store,
    conversation.teamId,
  ]);
  const toggle = async (tag: DeepReadonly<Tag>, on: boolean) => {
    const input = { conversationId: conversation.id, tagId: tag.id };
    await action.runOrNotify(
      () => (on ? api.conversation.addTag.mutate(input) : api.conversation.removeTag.mutate(input)),
      t('tags.title'),
    );
  };
  return (
    <Popover
      position="bottom-end"
      shadow="md"
      withinPortal
      opened={opened}
      onChange={onChange}
      trapFocus
      returnFocus
    >
      <Popover.Target>
        <Tooltip label={t('actions.tags')}>
          <ActionIcon
            variant="subtle"
            color="gray"
            size="lg"
            aria-label={t('actions.tags')}
            aria-expanded={opened}
            onClick={() => {
              onChange(!opened);
            }}
            onKeyDown={(event) => {
              if (event.key === 'Escape' && opened) onChange(false);
            }}
          >
            <Icon name="tag" />
          </ActionIcon>
        </Tooltip>
      </Popover.Target>
      <Popover.Dropdown>
        <Stack gap="xs" role="group" aria-label={t('tags.title')}>
          <Text size="sm" fw={600}>
            {t('tags.title')}
          </Text>
          {tags.length === 0 && (
            <Text size="sm" c="dimmed">
              {t('tags.none')}
            </Text>
          )}
          {tags.map((tag) => (
            <Checkbox
              key={tag.id}
              label={tag.name}
              color={tag.color}
              checked={conversation.tagIds.includes(tag.id)}
              disabled={action.pending}
              onChange={(e) => void toggle(tag, e.currentTarget.checked)}
            />
          ))}
        </Stack>
      </Popover.Dropdown>
    </Popover>
  );
}
