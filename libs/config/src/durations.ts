const UNITS: Record<string, number> = { ms: 1, s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 };

/** `90s`, `15m`, `72h`, `7d` (or `250ms`) in milliseconds; null when it is not such a duration or not positive. */
export function parseDuration(raw: string): number | null {
  const match = /^(\d+(?:\.\d+)?)\s*(ms|s|m|h|d)$/.exec(raw.trim());
  if (!match) return null;
  const ms = Math.round(Number(match[1]) * UNITS[match[2]]);
  return ms > 0 && Number.isSafeInteger(ms) ? ms : null;
}

/** A comma-separated list of durations, longest first and without repeats; null when any item is invalid. */
export function parseDurationList(raw: string): number[] | null {
  const items = raw.split(',').filter((item) => item.trim() !== '');
  if (items.length === 0) return null;
  const values = items.map(parseDuration);
  if (values.some((value) => value === null)) return null;
  return [...new Set(values as number[])].sort((a, b) => b - a);
}
