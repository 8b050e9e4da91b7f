import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TemporaryPasswordResult } from '@atendo/shared/schemas/admin/agents';
import { CopyValue } from '../copy-value';

/**
 * The temporary password, shown this once: the server keeps only its hash, so closing the
 * dialog loses it (a reset gives a new one).
 */
export function TemporaryPasswordDialog(props: {
  result: TemporaryPasswordResult;
  reason: 'invite' | 'reset';
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { agent, temporaryPassword } = props.result;
  return (
    <Modal
      opened
      onClose={props.onClose}
      title={
        props.reason === 'invite'
          ? t('adminPeople.password.invitedTitle', { name: agent.name })
          : t('adminPeople.password.resetTitle', { name: agent.name })
      }
      size="md"
    >
      <Stack gap="sm">
        <Text size="sm">{t('adminPeople.password.give', { email: agent.email })}</Text>
        <CopyValue
          label={t('adminPeople.password.label')}
          value={temporaryPassword}
          testId="temporary-password"
        />
        <Alert color="orange" variant="light">
          {t('adminPeople.password.once')}
        </Alert>
        <Group justify="flex-end">
          <Button onClick={props.onClose}>{t('adminPeople.password.done')}</Button>
        </Group>
      </Stack>
    </Modal>
  );
}
