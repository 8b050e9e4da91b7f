import { Button, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export type DialogActionsProps = {
  confirmLabel: string;
  onConfirm: () => void;
  onCancel: () => void;
  pending?: boolean;
  disabled?: boolean;
  /** Red for actions that end something (close, force-close). */
  danger?: boolean;
};

/** The footer every action dialog shares: cancel on the left, the action on the right. */
export function DialogActions(props: DialogActionsProps) {
  const { t } = useTranslation();
  return (
    <Group justify="flex-end">
      <Button variant="default" onClick={props.onCancel}>
        {t('actions.cancel')}
      </Button>
      <Button
        color={props.danger === true ? 'red' : undefined}
        onClick={props.onConfirm}
        loading={props.pending}
        disabled={props.disabled}
      >
        {props.confirmLabel}
      </Button>
    </Group>
  );
}
