import { Alert, Button, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { StartDenial } from '../../data/use-start-conversation';
import { useApiAction } from '../../data/use-api-action';

/** Why the conversation cannot start, in words, and the next step the seed describes. */
export function StartDenialAlert({
  denial,
  onOpenConversation,
}: {
  denial: StartDenial;
  onOpenConversation: (id: string) => void;
}) {
  const { t } = useTranslation();
  const { describe } = useApiAction();
  const text = describe({
    kind: 'atendo',
    code: denial.reason,
    details: denial.details,
    message: '',
  });
  const conversationId =
    typeof denial.details.conversationId === 'string' ? denial.details.conversationId : null;
  return (
    <Alert
      color="orange"
      variant="light"
      title={t('start.denied')}
      role="alert"
      data-testid="start-denial"
      data-reason={denial.reason}
    >
      <Stack gap={6}>
        <Text size="sm">{text}</Text>
        <Text size="sm">
          <strong>{t('start.nextStep')}:</strong> {t(`hints.${denial.hint}`)}
        </Text>
        {denial.hint === 'take-from-queue' && conversationId !== null && (
          <Button
            size="xs"
            variant="light"
            w="fit-content"
            onClick={() => {
              onOpenConversation(conversationId);
            }}
          >
            {t('start.openExisting')}
          </Button>
        )}
      </Stack>
    </Alert>
  );
}
