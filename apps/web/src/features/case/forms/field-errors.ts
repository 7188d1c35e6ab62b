import { ApiError, fieldErrors } from '../../../api/errors';
import type { FieldSpec } from './registry';

/**
 * The API's `details` placed on the form's own fields: `facility.name` on the field that sends it. A detail naming no
 * field of the form (a header, a body field the form does not show) is returned apart, to show above the form.
 */
export function placeFieldErrors(
  error: ApiError,
  fields: readonly FieldSpec[],
): { onFields: Record<string, string>; elsewhere: string[] } {
  const byApiField = new Map<string, string>();
  for (const field of fields) byApiField.set(field.apiField ?? field.name, field.name);
  byApiField.set('occurredAt', 'occurredAt');
  byApiField.set('occurredAtPrecision', 'occurredAtPrecision');
  const onFields: Record<string, string> = {};
  const elsewhere: string[] = [];
  for (const [apiField, message] of Object.entries(fieldErrors(error))) {
    const name = byApiField.get(apiField);
    if (name === undefined) elsewhere.push(`${apiField}: ${message}`);
    else onFields[name] = message;
  }
  return { onFields, elsewhere };
}
