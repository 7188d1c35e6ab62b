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

/** One value of a vocabulary, required ('' = not chosen yet). */
export const choiceOf = <T extends string>(values: readonly T[]): z.ZodType<T | ''> =>
  z.string().refine((v) => (values as readonly string[]).includes(v), { message: REQUIRED }) as z.ZodType<T | ''>;

/** One value of a vocabulary or '' (not known). */
export const optionalChoiceOf = <T extends string>(values: readonly T[]): z.ZodType<T | ''> =>
  z.string().refine((v) => v === '' || (values as readonly string[]).includes(v), {
    message: REQUIRED,
  }) as z.ZodType<T | ''>;

/** A whole number typed as text, or '' (not known). */
export const optionalWholeNumber = (max: number): z.ZodString =>
  z
    .string()
    .trim()
    .regex(/^\d{0,9}$/, { message: NOT_NUMBER })
    .refine((v) => v === '' || Number(v) <= max, {
      message: NOT_NUMBER,
    }) as unknown as z.ZodString;

/** A wall-clock date and time (`YYYY-MM-DDTHH:mm`), required. */
export const wallTime = z
  .string()
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, { message: NOT_DATE });

/** A calendar day (`YYYY-MM-DD`), or '' when `optional`. */
export const calendarDay = (optional: boolean): z.ZodString =>
  z
    .string()
    .trim()
    .regex(optional ? /^(\d{4}-\d{2}-\d{2})?$/ : /^\d{4}-\d{2}-\d{2}$/, { message: NOT_DATE });

/** A yes / no / not known answer, as a select: '' is not known and is not sent. */
export const TRISTATE = ['yes', 'no'] as const;
export function tristateToBody(value: string): boolean | undefined {
  return value === 'yes' ? true : value === 'no' ? false : undefined;
}
