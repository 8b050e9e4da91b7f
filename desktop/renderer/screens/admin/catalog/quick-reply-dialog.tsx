import {
  Alert,
  Button,
  Group,
  Modal,
  Paper,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  checkQuickReplyText,
  QUICK_REPLY_VARIABLES,
  renderQuickReply,
} from '@atendo/shared/rules/quick-reply';
import { QuickReplyCreate } from '@atendo/shared/schemas/admin/catalog';
import type { AdminTeam } from '@atendo/shared/schemas/admin/teams';
import type { QuickReply } from '@atendo/shared/schemas/quick-reply';
import { useApiAction } from '../../../data/use-api-action';
import { useWorkspace } from '../../../data/workspace-context';
import { DialogActions } from '../../../ui/dialog-actions';
import { serverFieldErrors, zodFieldErrors, type FieldErrors } from './form-errors';

/** Creates or edits a quick reply, with its variables inserted by click and previewed. */
export function QuickReplyDialog(props: {
  team: AdminTeam;
  reply: QuickReply | null;
  onClose: () => void;
  onSaved: () => void;
}) {
  const { t } = useTranslation();
  const { api, session } = useWorkspace();
  const save = useApiAction();
  const [shortcut, setShortcut] = useState(props.reply?.shortcut ?? '');
  const [text, setText] = useState(props.reply?.text ?? '');
  const [errors, setErrors] = useState<FieldErrors>({});
  const textArea = useRef<HTMLTextAreaElement>(null);
  const shown = {
    ...serverFieldErrors(save.failure, save.failureText, ['shortcut', 'text']),
    ...errors,
  };

  const insert = (variable: string) => {
    const area = textArea.current;
    const token = `{{${variable}}}`;
    const at = area?.selectionStart ?? text.length;
    const end = area?.selectionEnd ?? at;
    setText(text.slice(0, at) + token + text.slice(end));
    requestAnimationFrame(() => {
      area?.focus();
      area?.setSelectionRange(at + token.length, at + token.length);
    });
  };

  const submit = async () => {
    const parsed = QuickReplyCreate.safeParse({ teamId: props.team.id, shortcut, text });
    if (!parsed.success) {
      setErrors(zodFieldErrors(t, parsed.error));
      return;
    }
    const variables = checkQuickReplyText(parsed.data.text);
    if (!variables.ok) {
      const unknown = String(variables.details.unknownVariables ?? '');
      setErrors({ text: t('adminCatalog.quickReplies.unknownVariables', { unknown }) });
      return;
    }
    setErrors({});
    const { reply } = props;
    const done = await save.run(
      () =>
        reply === null
          ? api.admin.quickReplies.create.mutate(parsed.data)
          : api.admin.quickReplies.update.mutate({
              quickReplyId: reply.id,
              shortcut: parsed.data.shortcut,
              text: parsed.data.text,
            }),
      t('adminCatalog.saved'),
    );
    if (done !== null) props.onSaved();
  };

  const preview = renderQuickReply(text, {
    contactName: t('adminCatalog.quickReplies.sampleContact'),
    agentName: session.agent.name,
    teamName: props.team.name,
  });

  return (
    <Modal
      opened
      onClose={props.onClose}
      size="lg"
      title={
        props.reply === null
          ? t('adminCatalog.quickReplies.newFor', { team: props.team.name })
          : t('adminCatalog.quickReplies.editTitle')
      }
    >
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <Stack gap="sm">
          <TextInput
            label={t('adminCatalog.quickReplies.shortcut')}
            description={t('adminCatalog.quickReplies.shortcutHint')}
            leftSection="/"
            value={shortcut}
            onChange={(e) => {
              setShortcut(e.currentTarget.value);
            }}
            error={shown.shortcut}
            data-autofocus
          />
          <Textarea
            ref={textArea}
            label={t('adminCatalog.quickReplies.text')}
            autosize
            minRows={3}
            maxRows={8}
            value={text}
            onChange={(e) => {
              setText(e.currentTarget.value);
            }}
            error={shown.text}
          />
          <Group gap={6}>
            <Text size="xs" c="dimmed">
              {t('adminCatalog.quickReplies.variables')}
            </Text>
            {QUICK_REPLY_VARIABLES.map((v) => (
              <Button
                key={v}
                size="compact-xs"
                variant="light"
                onClick={() => {
                  insert(v);
                }}
              >
                {`{{${v}}}`}
              </Button>
            ))}
          </Group>
          <Paper withBorder p="sm" bg="var(--mantine-color-default-hover)">
            <Text size="xs" c="dimmed" mb={4}>
              {t('adminCatalog.quickReplies.preview')}
            </Text>
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} data-testid="quick-reply-preview">
              {preview === '' ? '—' : preview}
            </Text>
          </Paper>
          {shown.form !== undefined && (
            <Alert color="red" role="alert">
              {shown.form}
            </Alert>
          )}
          <DialogActions
            confirmLabel={t('adminCatalog.save')}
            onConfirm={() => void submit()}
            onCancel={props.onClose}
            pending={save.pending}
          />
        </Stack>
      </form>
    </Modal>
  );
}
