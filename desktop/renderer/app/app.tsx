import '@mantine/core/styles.css';
import { MantineProvider } from '@mantine/core';
import type { i18n } from 'i18next';
import { I18nextProvider } from 'react-i18next';
import { SessionProvider } from '../session/session-context';
import { theme } from './theme';
import { AppRoot } from './app-root';

/** Providers in the order every screen relies on: theme, language, session. */
export function App({ i18n }: { i18n: i18n }) {
  return (
    <MantineProvider theme={theme} defaultColorScheme="auto">
      <I18nextProvider i18n={i18n}>
        <SessionProvider>
          <AppRoot />
        </SessionProvider>
      </I18nextProvider>
    </MantineProvider>
  );
}
