import { ThemeIcon, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ChannelKind } from '@atendo/shared/schemas/channel';
import { Icon } from './icons';

const COLORS: Record<ChannelKind, string> = {
  whatsapp: 'green',
  webchat: 'brand',
  email: 'orange',
  telegram: 'cyan',
};

/** The channel's icon with its name as the accessible label. */
export function ChannelIcon({ kind, size = 'md' }: { kind: ChannelKind; size?: 'sm' | 'md' }) {
  const { t } = useTranslation();
  const label = t(`channel.${kind}`);
  return (
    <Tooltip label={label} withinPortal>
      <ThemeIcon
        variant="light"
        color={COLORS[kind]}
        radius="xl"
        size={size}
        role="img"
        aria-label={label}
      >
        <Icon name={kind} size={size === 'sm' ? 13 : 16} />
      </ThemeIcon>
    </Tooltip>
  );
}
