import { type OptionValues, UsageError } from './command-line';

export interface IntegerRange {
  min: number;
  max: number;
  /** The value when the option is absent; without one the option is required. */
  fallback?: number;
}

/** A whole number in decimal digits within the range: not `1.5`, `1e3`, `0x10` or an empty string. */
export function integerOption(values: OptionValues, name: string, range: IntegerRange): number {
  const raw = values[name];
  if (raw === undefined) {
    if (range.fallback === undefined) throw new UsageError(`--${name} is required`);
    return range.fallback;
  }
  const n = typeof raw === 'string' && /^-?\d+$/.test(raw) ? Number(raw) : Number.NaN;
  if (!Number.isSafeInteger(n) || n < range.min || n > range.max) {
    throw new UsageError(`--${name} must be a whole number from ${range.min} to ${range.max}, not '${String(raw)}'`);
  }
  return n;
}

/** One of the listed words, required. */
export function choiceOption<T extends string>(values: OptionValues, name: string, choices: readonly T[]): T {
  const raw = values[name];
  const choice = choices.find((c) => c === raw);
  if (choice !== undefined) return choice;
  const allowed = choices.join(', ');
  throw new UsageError(
    raw === undefined
      ? `--${name} is required (${allowed})`
      : `--${name} must be one of ${allowed}, not '${String(raw)}'`,
  );
}

/** A non-empty text, or null when the option is absent. */
export function textOption(values: OptionValues, name: string): string | null {
  const raw = values[name];
  if (raw === undefined) return null;
  if (typeof raw !== 'string' || raw === '') throw new UsageError(`--${name} needs a value`);
  return raw;
}

/** For options that belong to another form of the command: `--out` only with `--all`. */
export function rejectOptions(values: OptionValues, names: readonly string[], reason: string): void {
  const given = names.find((name) => values[name] !== undefined);
  if (given !== undefined) throw new UsageError(`--${given} ${reason}`);
}
