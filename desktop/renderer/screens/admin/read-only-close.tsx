import { Button, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** The footer of a form a supervisor only reads: nothing to save, just a way out. */
export function ReadOnlyClose(props: { onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Group justify="flex-end">
      <Button variant="default" onClick={props.onClose}>
        {t('app.closeDialog')}
      </Button>
    </Group>
  );
}
