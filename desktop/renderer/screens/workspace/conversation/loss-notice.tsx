import { Alert, Box, Center } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { LossNotice } from '../../../data/loss-notice';
import { lossText } from '../../../data/loss-notice';
import { useNames } from '../../../data/use-names';
import { Icon } from '../../../ui/icons';

/** Who took the conversation from this agent, where it was open (see data/loss-notice.ts). */
export function LossNoticeAlert({ loss }: { loss: LossNotice }) {
  const { t } = useTranslation();
  const names = useNames();
  return (
    <Box px="sm" pt="sm">
      <Alert
        color="orange"
        variant="light"
        role="status"
        data-testid="loss-notice"
        icon={<Icon name="transfer" />}
        title={t('supervise.lostTitle')}
      >
        {lossText(t, loss, names)}
      </Alert>
    </Box>
  );
}

/** The pane of a conversation that has left the agent's store: the notice, not a blank. */
export function LostConversation({ loss }: { loss: LossNotice }) {
  return (
    <Center h="100%" p="xl">
      <Box maw={520} w="100%">
        <LossNoticeAlert loss={loss} />
      </Box>
    </Center>
  );
}
