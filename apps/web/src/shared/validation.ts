import { z } from 'zod';

/**
 * Schema messages are catalogue keys, translated where they are shown (`useFieldError`), so a schema holds no text.
 */
export const REQUIRED = 'console.validation.required';
export const TOO_LONG = 'console.validation.tooLong';
export const NOT_EMAIL = 'console.validation.email';
export const NOT_DATE = 'console.validation.date';
export const NOT_NUMBER = 'console.validation.number';

/** A required line of text: trimmed, not empty, at most `max` characters. */
export const requiredText = (max: number): z.ZodString =>
  z.string().trim().min(1, { message: REQUIRED }).max(max, { message: TOO_LONG });

/** An optional line of text: empty means not given (absent from the body, "unknown"). */
export const optionalText = (max: number): z.ZodString => z.string().trim().max(max, { message: TOO_LONG });

/** Empty strings are not sent: an absent field is "unknown", an empty one would be refused. */
export function given(value: string | undefined | null): string | undefined {
  const trimmed = value?.trim() ?? '';
  return trimmed === '' ? undefined : trimmed;
}
