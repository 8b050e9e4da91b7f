import {
  ActionIcon,
  Group,
  SegmentedControl,
  Tooltip,
  useMantineColorScheme,
  useComputedColorScheme,
} from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Locale } from '@atendo/shared/schemas/common';
import { saveLocale } from '../i18n/i18n';
import { Icon } from './icons';

/** Theme toggle and language switch, shown on the login screen and in the workspace header. */
export function PreferencesControls() {
  const { t, i18n } = useTranslation();
  const { setColorScheme } = useMantineColorScheme();
  const scheme = useComputedColorScheme('light');
  const nextLabel = scheme === 'dark' ? t('app.themeLight') : t('app.themeDark');
  const changeLocale = (value: string) => {
    const parsed = Locale.safeParse(value);
    if (!parsed.success) return;
    saveLocale(parsed.data);
    document.documentElement.lang = parsed.data;
    void i18n.changeLanguage(parsed.data);
  };
  return (
    <Group gap="xs" wrap="nowrap">
      <SegmentedControl
        size="xs"
        aria-label={t('app.language')}
        value={i18n.language}
        onChange={changeLocale}
        data={[
          { value: 'pt-BR', label: 'PT' },
          { value: 'en', label: 'EN' },
        ]}
      />
      <Tooltip label={nextLabel}>
        <ActionIcon
          variant="default"
          size="lg"
          aria-label={nextLabel}
          onClick={() => {
            setColorScheme(scheme === 'dark' ? 'light' : 'dark');
          }}
        >
          <Icon name={scheme === 'dark' ? 'sun' : 'moon'} />
        </ActionIcon>
      </Tooltip>
    </Group>
  );
}
