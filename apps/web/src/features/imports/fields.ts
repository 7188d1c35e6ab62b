import type { ImportKind, Mapping } from './api';

/** What a list must map before it can be checked: a name (or, for a court's list, a case id instead). */
export function missingRequired(kind: ImportKind, mapping: Mapping): boolean {
  const mapped = new Set(Object.values(mapping));
  return kind === 'cases' ? !mapped.has('fullName') : !mapped.has('fullName') && !mapped.has('caseId');
}

/** Fields given to more than one column (the API takes each once). */
export function fieldsTwice(mapping: Mapping): ReadonlySet<string> {
  const seen = new Set<string>();
  const twice = new Set<string>();
  for (const field of Object.values(mapping)) {
    if (seen.has(field)) twice.add(field);
    seen.add(field);
  }
  return twice;
}

/** A column mapped to a field, or left out when its value is '' ("not imported"). */
export function withColumn(mapping: Mapping, column: string, field: string): Mapping {
  const next: Mapping = { ...mapping };
  if (field === '') delete next[column];
  else next[column] = field;
  return next;
}
