import {
  ActionIcon,
  Alert,
  Box,
  CloseButton,
  Group,
  Paper,
  Text,
  Textarea,
  Tooltip,
} from '@mantine/core';
import { useId, useRef, useState, type DragEvent, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChannelKind } from '@atendo/shared/schemas/channel';
import { fileAcceptList } from '@atendo/shared/rules/attachment-policy';
import { checkTextLength, TEXT_COUNTER_FROM } from '@atendo/shared/rules/text-limits';
import { useAttachment } from '../../../data/use-attachment';
import { useDraft } from '../../../data/use-draft';
import { useSend } from '../../../data/use-send';
import { errorText, formatBytes } from '../../../i18n/error-text';
import { Icon } from '../../../ui/icons';
import { EmojiButton } from './emoji-button';
import { QuickReplyMenu } from './quick-reply-menu';
import { useQuickReplyPicking, type QuickReplyContext } from './use-quick-reply-picking';

export type ComposerProps = {
  conversationId: string;
  channelKind: ChannelKind | null;
  /** False when the window is closed: only templates may go out. */
  freeMessagesAllowed: boolean;
  onOpenTemplates: () => void;
  /** Whose replies `/` lists and what fills their variables. */
  quickReplies: QuickReplyContext;
};

/** Text, emoji and one attachment; Enter sends through the outbox, Shift+Enter breaks the line. */
export function Composer({
  conversationId,
  channelKind,
  freeMessagesAllowed,
  onOpenTemplates,
  quickReplies,
}: ComposerProps) {
  const { t, i18n } = useTranslation();
  const counterId = useId();
  const draft = useDraft(conversationId);
  const { sendText, sendAttachment } = useSend(conversationId);
  const attachment = useAttachment(conversationId, channelKind);
  const fileInput = useRef<HTMLInputElement>(null);
  const [dragging, setDragging] = useState(false);
  const disabled = !freeMessagesAllowed;
  const picking = useQuickReplyPicking(draft.text, draft.change, quickReplies);
  const length = useTextLength(draft.text, channelKind);
  const counted = {
    length: length.length.toLocaleString(i18n.language),
    limit: length.limit.toLocaleString(i18n.language),
  };

  const send = async () => {
    if (disabled || length.over) return;
    const body = draft.text.trim();
    if (attachment.file !== null) {
      const id = await attachment.upload();
      if (id === null) return;
      await sendAttachment(id, body === '' ? null : body);
      draft.reset();
      return;
    }
    if (body === '') return;
    draft.reset();
    await sendText(body);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (picking.onKeyDown(event)) return;
    if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      void send();
    }
  };
  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setDragging(false);
    const file = event.dataTransfer.files[0];
    if (file !== undefined && !disabled) attachment.pick(file);
  };

  return (
    <Box
      p="sm"
      onDragOver={(e) => {
        e.preventDefault();
        setDragging(true);
      }}
      onDragLeave={() => {
        setDragging(false);
      }}
      onDrop={onDrop}
      style={{ borderTop: '1px solid var(--mantine-color-default-border)' }}
    >
      {attachment.failure !== null && (
        <Alert
          color="red"
          variant="light"
          mb="xs"
          role="alert"
          withCloseButton
          onClose={attachment.clear}
        >
          {errorText(t, attachment.failure)}
        </Alert>
      )}
      {attachment.file !== null && (
        <Paper withBorder p={6} mb="xs" radius="md">
          <Group justify="space-between" wrap="nowrap">
            <Group gap={6} wrap="nowrap">
              <Icon name="file" size={16} />
              <Text size="sm" truncate="end">
                {attachment.uploading
                  ? t('composer.uploading')
                  : t('composer.attachmentReady', {
                      name: attachment.file.name,
                      size: formatBytes(attachment.file.size),
                    })}
              </Text>
            </Group>
            <CloseButton aria-label={t('composer.removeAttachment')} onClick={attachment.clear} />
          </Group>
        </Paper>
      )}
      {picking.open && !disabled && (
        <QuickReplyMenu
          id={picking.menuId}
          query={picking.query}
          matches={picking.matches}
          activeIndex={picking.activeIndex}
          preview={picking.preview}
          onPick={picking.pick}
        />
      )}
      <Group gap={4} align="flex-end" wrap="nowrap">
        <Tooltip label={t('composer.attach')}>
          <ActionIcon
            variant="subtle"
            color="gray"
            size="lg"
            aria-label={t('composer.attach')}
            disabled={disabled || channelKind === null}
            onClick={() => fileInput.current?.click()}
          >
            <Icon name="paperclip" />
          </ActionIcon>
        </Tooltip>
        <input
          ref={fileInput}
          type="file"
          hidden
          data-testid="composer-file-input"
          accept={channelKind === null ? '' : fileAcceptList(channelKind)}
          onChange={(e) => {
            const file = e.currentTarget.files?.[0];
            if (file !== undefined) attachment.pick(file);
            e.currentTarget.value = '';
          }}
        />
        <EmojiButton
          disabled={disabled}
          onPick={(emoji) => {
            draft.change(draft.text + emoji);
          }}
        />
        <Tooltip label={t('composer.template')}>
          <ActionIcon
            variant="subtle"
            color="gray"
            size="lg"
            aria-label={t('composer.template')}
            onClick={onOpenTemplates}
          >
            <Icon name="template" />
          </ActionIcon>
        </Tooltip>
        <Textarea
          aria-label={t('composer.label')}
          placeholder={
            dragging
              ? t('composer.dropHere')
              : disabled
                ? t('composer.placeholderClosed')
                : t('composer.placeholder')
          }
          value={draft.text}
          onChange={(e) => {
            draft.change(e.currentTarget.value);
          }}
          onKeyDown={onKeyDown}
          disabled={disabled}
          autosize
          minRows={1}
          maxRows={6}
          style={{ flex: 1 }}
          data-testid="composer-input"
          aria-haspopup="listbox"
          aria-expanded={picking.open && picking.matches.length > 0}
          aria-controls={picking.open ? picking.menuId : undefined}
          aria-activedescendant={picking.activeOption}
          error={length.over ? t('sending.tooLong', counted) : undefined}
          aria-describedby={length.shown ? counterId : undefined}
        />
        <Tooltip label={t('composer.send')}>
          <ActionIcon
            size="lg"
            aria-label={t('composer.send')}
            disabled={disabled || attachment.uploading || length.over}
            onClick={() => void send()}
          >
            <Icon name="send" />
          </ActionIcon>
        </Tooltip>
      </Group>
      {length.shown && (
        <Text
          id={counterId}
          size="xs"
          ta="right"
          mt={4}
          c={length.over ? 'red' : 'dimmed'}
          aria-label={t('sending.counterLabel', counted)}
          data-testid="composer-counter"
        >
          {t('sending.counter', counted)}
        </Text>
      )}
    </Box>
  );
}

/**
 * The channel's limit, as the server applies it (shared/rules/text-limits): the counter shows
 * from 80 % of it, and past it the composer refuses to send and says why. A long paste is kept
 * whole, never cut, so the agent decides what to remove.
 */
function useTextLength(text: string, channelKind: ChannelKind | null) {
  const decision = checkTextLength(text, channelKind);
  const { length, limit } = decision.ok
    ? decision
    : { length: Number(decision.details.length), limit: Number(decision.details.limit) };
  return { length, limit, over: !decision.ok, shown: length >= limit * TEXT_COUNTER_FROM };
}
