import { Pill, type ComboboxRenderPillInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/**
 * A MultiSelect's picked item whose remove button says what it removes ("Remover Vendas");
 * Mantine's own has no accessible name.
 */
export function useNamedPill() {
  const { t } = useTranslation();
  return function NamedPill({ option, onRemove, disabled }: ComboboxRenderPillInput) {
    return (
      <Pill
        withRemoveButton={disabled !== true}
        disabled={disabled}
        onRemove={onRemove}
        removeButtonProps={{ 'aria-label': t('adminPeople.removeItem', { label: option.label }) }}
      >
        {option.label}
      </Pill>
    );
  };
}
