import { Alert, Checkbox, List, Modal, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { confirmsErasure } from '@atendo/shared/rules/erasure';
import type { DataSubjectSummary } from '@atendo/shared/schemas/privacy';
import { useApiAction } from '../../data/use-api-action';
import { useWorkspace } from '../../data/workspace-context';
import { DialogActions } from '../../ui/dialog-actions';
import { useNotify } from '../../ui/notices';

export type EraseDialogProps = {
  subject: DataSubjectSummary;
  onClose: () => void;
  onErased: (contactId: string) => void;
};

/**
 * Erasure asks for the contact's name typed out (the same rule the server applies), says what
 * goes and what stays, and with open conversations asks to end them explicitly.
 */
export function EraseDialog({ subject, onClose, onErased }: EraseDialogProps) {
  const { t } = useTranslation();
  const { api } = useWorkspace();
  const action = useApiAction();
  const notify = useNotify();
  const [typed, setTyped] = useState('');
  const [force, setForce] = useState(false);
  const hasOpen = subject.openConversations > 0;
  const confirmed = confirmsErasure(typed, subject.name) && (!hasOpen || force);

  const submit = async () => {
    const report = await action.run(() =>
      api.privacy.erase.mutate({ contactId: subject.contactId, confirmName: typed, force }),
    );
    if (report === null) return;
    notify({
      tone: 'success',
      title: t('privacy.erase.done'),
      text: t('privacy.erase.doneText', report),
    });
    onErased(subject.contactId);
  };

  return (
    <Modal
      opened
      onClose={onClose}
      title={t('privacy.erase.title', { name: subject.name })}
      size="lg"
    >
      <Stack gap="sm">
        <List size="sm" spacing={4}>
          <List.Item>{t('privacy.erase.removes')}</List.Item>
          <List.Item>{t('privacy.erase.keeps')}</List.Item>
          <List.Item>{t('privacy.erase.live')}</List.Item>
        </List>
        {hasOpen && (
          <Alert color="orange" role="status">
            <Stack gap="xs">
              <Text size="sm">{t('privacy.erase.open', { count: subject.openConversations })}</Text>
              <Checkbox
                label={t('privacy.erase.force')}
                checked={force}
                onChange={(event) => {
                  setForce(event.currentTarget.checked);
                }}
              />
            </Stack>
          </Alert>
        )}
        <TextInput
          label={t('privacy.erase.confirmLabel')}
          description={t('privacy.erase.confirmHint', { name: subject.name })}
          value={typed}
          onChange={(event) => {
            setTyped(event.currentTarget.value);
          }}
          autoComplete="off"
          data-autofocus
        />
        {action.failureText !== null && (
          <Alert color="red" role="alert">
            {action.failureText}
          </Alert>
        )}
        <DialogActions
          confirmLabel={t('privacy.erase.submit')}
          onConfirm={() => void submit()}
          onCancel={onClose}
          pending={action.pending}
          disabled={!confirmed}
          danger
        />
      </Stack>
    </Modal>
  );
}
