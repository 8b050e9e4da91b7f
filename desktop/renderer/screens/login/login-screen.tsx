import {
  Alert,
  Box,
  Button,
  Center,
  Group,
  Input,
  Paper,
  PasswordInput,
  SegmentedControl,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useState, type SyntheticEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { errorText } from '../../i18n/error-text';
import { PreferencesControls } from '../../ui/preferences-controls';
import { BrandMark } from '../../ui/brand-mark';
import { useSession } from '../../session/session-context';
import { SignedOutNotice } from '../../session/signed-out-notice';
import { useSignIn, type SignInInput } from '../../session/use-sign-in';
import { NewPasswordFields, newPasswordReady } from './new-password-fields';

export type LoginScreenProps = {
  defaultServerUrl: string;
  /** IT set the address by machine policy and does not let the agent change it. */
  serverUrlLocked: boolean;
};

const HttpUrl = z.url({ protocol: /^https?$/ });
const Email = z.email();

/** Whole minutes, rounded up, so "1 minuto" never means 40 seconds too early. */
const retryMinutes = (seconds: unknown): number =>
  typeof seconds === 'number' && seconds > 0 ? Math.ceil(seconds / 60) : 1;

export function LoginScreen({ defaultServerUrl, serverUrlLocked }: LoginScreenProps) {
  const { t } = useTranslation();
  const { submit, pending, failure, changeRequired } = useSignIn();
  const { lastSignOut } = useSession();
  const [serverUrl, setServerUrl] = useState(defaultServerUrl);
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [passwordVisible, setPasswordVisible] = useState(false);
  const [presence, setPresence] = useState<SignInInput['presence']>('available');
  const [touched, setTouched] = useState(false);
  const [newPassword, setNewPassword] = useState('');
  const [confirm, setConfirm] = useState('');

  const urlError = touched && !HttpUrl.safeParse(serverUrl).success ? t('login.invalidUrl') : null;
  const emailError = touched && !Email.safeParse(email).success ? t('login.invalidEmail') : null;
  const passwordError = touched && password === '' ? t('login.passwordRequired') : null;

  const onSubmit = (event: SyntheticEvent<HTMLFormElement>) => {
    event.preventDefault();
    setTouched(true);
    const valid =
      HttpUrl.safeParse(serverUrl).success && Email.safeParse(email).success && password !== '';
    const input = { serverUrl: serverUrl.trim(), email: email.trim(), password, presence };
    if (!valid) return;
    if (!changeRequired) void submit(input);
    else if (newPasswordReady(newPassword, confirm)) void submit({ ...input, newPassword });
  };

  const failureText =
    failure === null
      ? null
      : failure.kind === 'network'
        ? t('login.unreachable', { url: serverUrl })
        : failure.kind === 'atendo' && failure.code === 'unauthenticated'
          ? failure.details.reason === 'deactivated'
            ? t('login.deactivated')
            : t('login.wrongCredentials')
          : failure.kind === 'atendo' && failure.code === 'rate-limited'
            ? t('signInLimits.retryIn', { count: retryMinutes(failure.details.retryAfterSeconds) })
            : failure.kind === 'atendo' && failure.code === 'weak-password'
              ? t(`login.weakPassword.${String(failure.details.reason)}`, {
                  defaultValue: errorText(t, failure),
                })
              : errorText(t, failure);

  return (
    <Box mih="100vh" bg="var(--mantine-color-body)" pos="relative">
      <Group pos="absolute" top={16} right={16}>
        <PreferencesControls />
      </Group>
      <Center mih="100vh" p="md">
        <Paper component="main" withBorder shadow="sm" radius="lg" p="xl" w={420} maw="100%">
          <form onSubmit={onSubmit} noValidate aria-label={t('login.title')}>
            <Stack gap="md">
              <Group gap="sm">
                <BrandMark size={36} />
                <div>
                  <Title order={2} size="h3">
                    {t('login.title')}
                  </Title>
                  <Text size="sm" c="dimmed">
                    {t('login.subtitle')}
                  </Text>
                </div>
              </Group>
              {lastSignOut !== null && failure === null && (
                <SignedOutNotice outcome={lastSignOut} />
              )}
              <TextInput
                label={t('login.serverUrl')}
                description={serverUrlLocked ? t('login.serverUrlHint') : undefined}
                value={serverUrl}
                readOnly={serverUrlLocked}
                onChange={(e) => {
                  setServerUrl(e.currentTarget.value);
                }}
                error={urlError}
                autoComplete="url"
              />
              <TextInput
                label={t('login.email')}
                type="email"
                value={email}
                onChange={(e) => {
                  setEmail(e.currentTarget.value);
                }}
                error={emailError}
                autoComplete="username"
                data-autofocus
                autoFocus
              />
              <PasswordInput
                label={changeRequired ? t('login.temporaryPassword') : t('login.password')}
                value={password}
                onChange={(e) => {
                  setPassword(e.currentTarget.value);
                }}
                error={passwordError}
                autoComplete="current-password"
                visible={passwordVisible}
                onVisibilityChange={setPasswordVisible}
                visibilityToggleButtonProps={{
                  'aria-label': passwordVisible ? t('seat.hidePassword') : t('seat.showPassword'),
                }}
              />
              {changeRequired && (
                <NewPasswordFields
                  value={newPassword}
                  confirm={confirm}
                  onChange={setNewPassword}
                  onConfirmChange={setConfirm}
                  touched={touched}
                />
              )}
              <Input.Wrapper label={t('login.presence')} id="login-presence">
                <SegmentedControl
                  fullWidth
                  aria-label={t('login.presence')}
                  value={presence}
                  onChange={(value) => {
                    setPresence(value === 'away' ? 'away' : 'available');
                  }}
                  data={[
                    { value: 'available', label: t('presence.available') },
                    { value: 'away', label: t('presence.away') },
                  ]}
                />
              </Input.Wrapper>
              {failureText !== null && (
                <Alert color="red" variant="light" title={t('login.failed')} role="alert">
                  {failureText}
                </Alert>
              )}
              <Button type="submit" loading={pending} fullWidth size="md">
                {changeRequired ? t('login.submitNewPassword') : t('login.submit')}
              </Button>
            </Stack>
          </form>
        </Paper>
      </Center>
    </Box>
  );
}
