import { Alert, Button, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConnectionTestResult } from '@atendo/shared/schemas/admin/channels';
import { useApiAction } from '../../../data/use-api-action';
import { useWorkspace } from '../../../data/workspace-context';
import { useAdminAccess } from '../admin-access';

/** "Testar conexão": asks Meta with the saved credentials and says what to fix, in words. */
export function ConnectionTest(props: { channelId: string; dirty: boolean }) {
  const { t } = useTranslation();
  const { api } = useWorkspace();
  const { canEdit } = useAdminAccess();
  const action = useApiAction();
  const [result, setResult] = useState<ConnectionTestResult | null>(null);
  const test = async () => {
    setResult(null);
    const answer = await action.run(() =>
      api.admin.channels.testConnection.mutate({ channelId: props.channelId }),
    );
    setResult(answer);
  };
  return (
    <Stack gap="xs" align="flex-start">
      <Button
        variant="light"
        loading={action.pending}
        disabled={!canEdit}
        onClick={() => void test()}
      >
        {t('adminPeople.channels.test.run')}
      </Button>
      {props.dirty && (
        <Text size="xs" c="dimmed">
          {t('adminPeople.channels.test.savedOnly')}
        </Text>
      )}
      {action.failureText !== null && (
        <Alert color="red" role="alert">
          {action.failureText}
        </Alert>
      )}
      {result?.ok === true && (
        <Alert color="green" role="status" title={t('adminPeople.channels.test.ok')} w="100%">
          {t('adminPeople.channels.test.okText', {
            number: result.displayPhoneNumber ?? '—',
            name: result.verifiedName ?? '—',
            quality: result.qualityRating ?? '—',
          })}
        </Alert>
      )}
      {result?.ok === false && (
        <Alert color="red" role="alert" title={t('adminPeople.channels.test.failed')} w="100%">
          <Stack gap={4}>
            <Text size="sm">{t(`adminPeople.channels.test.problems.${result.problem}`)}</Text>
            <Text size="xs" c="dimmed">
              {t('adminPeople.channels.test.detail', { message: result.message })}
            </Text>
          </Stack>
        </Alert>
      )}
    </Stack>
  );
}
