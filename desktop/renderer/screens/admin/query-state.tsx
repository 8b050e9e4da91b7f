import { Alert, Loader } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiQueryState } from '../../data/use-api-query';
import { errorText } from '../../i18n/error-text';

/** A section's loading spinner or failure sentence, else its content with the data. */
export function QueryState<T>(props: {
  state: ApiQueryState<T>;
  children: (data: T) => ReactNode;
}) {
  const { t } = useTranslation();
  if (props.state.status === 'loading') return <Loader aria-label={t('app.loading')} />;
  if (props.state.status === 'failed') {
    return (
      <Alert color="red" role="alert">
        {errorText(t, props.state.failure)}
      </Alert>
    );
  }
  return <>{props.children(props.state.data)}</>;
}
