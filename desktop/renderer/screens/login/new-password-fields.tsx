import { Alert, PasswordInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export type NewPasswordFieldsProps = {
  value: string;
  confirm: string;
  onChange(value: string): void;
  onConfirmChange(value: string): void;
  /** Show what is wrong once the agent tried to submit. */
  touched: boolean;
};

export const MIN_NEW_PASSWORD = 10;

/** Whether the new password may be sent (the server checks its strength again). */
export const newPasswordReady = (value: string, confirm: string): boolean =>
  value.length >= MIN_NEW_PASSWORD && value === confirm;

/** Shown after a temporary password: the agent chooses their own before signing in. */
export function NewPasswordFields(props: NewPasswordFieldsProps) {
  const { t } = useTranslation();
  const short = props.touched && props.value.length < MIN_NEW_PASSWORD;
  const differs = props.touched && props.confirm !== props.value;
  return (
    <>
      <Alert color="blue" variant="light" title={t('login.changeTitle')} role="status">
        {t('login.changeHint')}
      </Alert>
      <PasswordInput
        label={t('login.newPassword')}
        value={props.value}
        onChange={(e) => {
          props.onChange(e.currentTarget.value);
        }}
        error={short ? t('login.newPasswordShort', { count: MIN_NEW_PASSWORD }) : null}
        autoComplete="new-password"
        data-autofocus
      />
      <PasswordInput
        label={t('login.confirmPassword')}
        value={props.confirm}
        onChange={(e) => {
          props.onConfirmChange(e.currentTarget.value);
        }}
        error={differs ? t('login.passwordsDiffer') : null}
        autoComplete="new-password"
      />
    </>
  );
}
