/**
 * Typed reads of a timeline fact's `data`. The contract types it as an open object (each fact's shape is its type's,
 * older versions upcast), so every field is checked here rather than cast: a field of an unexpected shape reads as
 * absent, and the page shows less instead of crashing.
 */
export type FactData = Readonly<Record<string, unknown>>;

export function text(data: FactData, key: string): string | undefined {
  const value = data[key];
  return typeof value === 'string' && value.length > 0 ? value : undefined;
}

export function numberOf(data: FactData, key: string): number | undefined {
  const value = data[key];
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

export function flag(data: FactData, key: string): boolean | undefined {
  const value = data[key];
  return typeof value === 'boolean' ? value : undefined;
}

export function texts(data: FactData, key: string): string[] | undefined {
  const value = data[key];
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string' && v.length > 0) : undefined;
}

export function objectOf(data: FactData, key: string): FactData | undefined {
  const value = data[key];
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as FactData) : undefined;
}

export function objects(data: FactData, key: string): FactData[] {
  const value = data[key];
  return Array.isArray(value)
    ? value.filter((v): v is FactData => v !== null && typeof v === 'object' && !Array.isArray(v))
    : [];
}
