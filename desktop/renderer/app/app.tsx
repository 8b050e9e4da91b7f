import '@mantine/core/styles.css';
import { MantineProvider } from '@mantine/core';
import type { i18n } from 'i18next';
import { useMemo } from 'react';
import { I18nextProvider, useTranslation } from 'react-i18next';
import { SessionProvider } from '../session/session-context';
import { createAppTheme } from './theme';
import { AppRoot } from './app-root';

/** Providers in the order every screen relies on: language, theme, session. */
export function App({ i18n }: { i18n: i18n }) {
  return (
    <I18nextProvider i18n={i18n}>
      <ThemedApp />
    </I18nextProvider>
  );
}

function ThemedApp() {
  const { t } = useTranslation();
  const theme = useMemo(() => createAppTheme({ closeDialog: t('app.closeDialog') }), [t]);
  return (
    <MantineProvider theme={theme} defaultColorScheme="auto">
      <SessionProvider>
        <AppRoot />
      </SessionProvider>
    </MantineProvider>
  );
}
