import { applyDecorators } from '@nestjs/common';
import { Transform } from 'class-transformer';
import { IsNotEmpty, IsString, Matches, MaxLength, registerDecorator, type ValidationOptions } from 'class-validator';

const INSTANT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(?:Z|[+-](\d{2}):(\d{2}))$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** An ISO-8601 instant that carries its offset (`Z` or `+05:00`), so it is never read in a guessed zone. */
export function IsInstant(options?: ValidationOptions): PropertyDecorator {
  return (target: object, propertyName: string | symbol) =>
    registerDecorator({
      name: 'isInstant',
      target: target.constructor,
      propertyName: String(propertyName),
      options: { message: `${String(propertyName)} must be an ISO-8601 time with an offset`, ...options },
      validator: { validate: isInstant },
    });
}

/**
 * `Date.parse` rolls an impossible date over (2030-02-30 becomes 2 March), which would store another day than the
 * one written. So the fields themselves must name a real calendar day, time and offset.
 */
function isInstant(value: unknown): boolean {
  if (typeof value !== 'string') return false;
  const match = INSTANT.exec(value);
  if (!match || Number.isNaN(Date.parse(value))) return false;
  const [year, month, day, hour, minute, second = '0', offsetHours = '0', offsetMinutes = '0'] = match.slice(1);
  const local = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day), Number(hour), Number(minute)));
  return (
    local.getUTCFullYear() === Number(year) &&
    local.getUTCMonth() === Number(month) - 1 &&
    local.getUTCDate() === Number(day) &&
    local.getUTCHours() === Number(hour) &&
    Number(minute) <= 59 &&
    Number(second) <= 59 &&
    Number(offsetHours) <= 14 &&
    Number(offsetMinutes) <= 59
  );
}

/** A real calendar date `YYYY-MM-DD` not in the future. */
export function IsPastCalendarDate(options?: ValidationOptions): PropertyDecorator {
  return (target: object, propertyName: string | symbol) =>
    registerDecorator({
      name: 'isPastCalendarDate',
      target: target.constructor,
      propertyName: String(propertyName),
      options: { message: `${String(propertyName)} must be a past date as YYYY-MM-DD`, ...options },
      validator: {
        validate: (value: unknown) => {
          if (typeof value !== 'string' || !DATE.test(value)) return false;
          const parsed = new Date(`${value}T00:00:00Z`);
          return (
            !Number.isNaN(parsed.getTime()) && parsed.toISOString().startsWith(value) && parsed.getTime() <= Date.now()
          );
        },
      },
    });
}

/** A year from 1900 to this one: a birth year, say. */
export function IsPastYear(): PropertyDecorator {
  return (target: object, propertyName: string | symbol) =>
    registerDecorator({
      name: 'isPastYear',
      target: target.constructor,
      propertyName: String(propertyName),
      options: { message: `${String(propertyName)} must be a year from 1900 to this one` },
      validator: {
        validate: (value: unknown) =>
          Number.isInteger(value) && (value as number) >= 1900 && (value as number) <= new Date().getUTCFullYear(),
      },
    });
}

/** On the first of several optional fields: fails when none of `keys` is given, naming them all. */
export function IsGivenOrAnother(keys: readonly string[]): PropertyDecorator {
  return (target: object, propertyName: string | symbol) =>
    registerDecorator({
      name: 'isGivenOrAnother',
      target: target.constructor,
      propertyName: String(propertyName),
      options: { message: `give at least one of ${keys.join(', ')}` },
      validator: {
        validate: (_value: unknown, args) =>
          keys.some((key) => (args?.object as Record<string, unknown>)[key] !== undefined),
      },
    });
}

const trim = (value: unknown): unknown => (typeof value === 'string' ? value.trim() : value);

/** Non-blank text with an upper bound; surrounding whitespace is trimmed before checking. `each` for arrays of text. */
export function Text(max: number, options: { each?: boolean } = {}): PropertyDecorator {
  const each = options.each ?? false;
  return applyDecorators(
    Transform(({ value }: { value: unknown }) => (each && Array.isArray(value) ? value.map(trim) : trim(value))),
    IsString({ each }),
    IsNotEmpty({ each }),
    MaxLength(max, { each }),
  );
}

/** Identifiers of things inside a case (hearings, charges, ...) and of users are UUIDs. */
export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export function IsId(): PropertyDecorator {
  return applyDecorators(
    Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.toLowerCase() : value)),
    Matches(UUID, { message: ({ property }) => `${property} must be a UUID` }),
  );
}

const MONEY = /^\d+(\.\d{1,2})?$/;

/**
 * A non-negative amount with at most two decimals. Not class-validator's `maxDecimalPlaces`, which throws (a 500) on
 * numbers JavaScript writes in exponent form, such as 5e-324.
 */
export function IsMoneyAmount(options?: ValidationOptions): PropertyDecorator {
  return (target: object, propertyName: string | symbol) =>
    registerDecorator({
      name: 'isMoneyAmount',
      target: target.constructor,
      propertyName: String(propertyName),
      options: { message: `${String(propertyName)} must be an amount with at most two decimals`, ...options },
      validator: { validate: (value: unknown) => typeof value === 'number' && MONEY.test(String(value)) },
    });
}

/** An article or part of a code as the code numbers it (`272`, `20.3.1`, `405-1`, `174а`); never free text. */
const LEGAL_NUMBER = /^\d{1,4}(?:[.-]\d{1,4}){0,3}(?:-?\p{L})?$/u;
export function IsLegalNumber(): PropertyDecorator {
  return applyDecorators(
    Text(30),
    Matches(LEGAL_NUMBER, {
      message: ({ property }) => `${property} must be a number of the code, such as 272 or 20.3.1`,
    }),
  );
}
