import { Alert } from '@mantine/core';
import type { ReactNode } from 'react';
import { ApiError, NetworkError } from '../api/errors';
import { useI18n } from '../i18n/i18n-context';

/**
 * An error in the person's language: the API's code when the catalogue names it (`console.error.CASE_CLOSED`), else
 * the general message for its status. The API's English sentence is never shown in place of the catalogue's.
 */
export function errorMessage(error: unknown, t: (key: string) => string, has: (key: string) => boolean): string {
  if (error instanceof ApiError) {
    const byCode = `console.error.${error.code}`;
    if (has(byCode)) return t(byCode);
    if (error.status >= 500) return t('console.error.server');
    return t('console.error.refused');
  }
  if (error instanceof NetworkError) {
    // A write without a connection that this device could not keep either (issue 18): say how to keep it.
    if (error.notKept !== undefined) return t(`offline.notKept.${error.notKept}`);
    return t('console.error.network');
  }
  return t('console.error.unexpected');
}

export function ErrorAlert({ error }: { error: unknown }): ReactNode {
  const { translator } = useI18n();
  return (
    <Alert color="red" role="alert" title={translator.t('console.error.title')}>
      {errorMessage(
        error,
        (key) => translator.t(key),
        (key) => translator.has(key),
      )}
    </Alert>
  );
}
