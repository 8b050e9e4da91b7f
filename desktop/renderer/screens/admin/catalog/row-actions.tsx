import { Button, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export type RowActionsProps = {
  /** False for a removed item: it can only be restored. */
  active: boolean;
  onEdit: () => void;
  onToggle: () => void;
  /** What removing and restoring are called for this kind of item. */
  removeLabel: string;
  restoreLabel: string;
};

/** Edit and remove (or restore) at the end of a catalogue row; removing is in red. */
export function RowActions({
  active,
  onEdit,
  onToggle,
  removeLabel,
  restoreLabel,
}: RowActionsProps) {
  const { t } = useTranslation();
  return (
    <Group gap="xs" justify="flex-end" wrap="nowrap">
      {active && (
        <Button size="xs" variant="default" onClick={onEdit}>
          {t('adminCatalog.edit')}
        </Button>
      )}
      <Button size="xs" variant="subtle" color={active ? 'red' : undefined} onClick={onToggle}>
        {active ? removeLabel : restoreLabel}
      </Button>
    </Group>
  );
}
