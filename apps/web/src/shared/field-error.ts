import type { ReactNode } from 'react';
import { useI18n } from '../i18n/i18n-context';

/**
 * A field's error as shown: a schema's catalogue key in the person's language, or the API's own message for a field
 * the server refused (its `details`).
 */
export function useFieldError(): (error: ReactNode) => ReactNode {
  const { translator } = useI18n();
  return (error) => (typeof error === 'string' && translator.has(error) ? translator.t(error) : error);
}
