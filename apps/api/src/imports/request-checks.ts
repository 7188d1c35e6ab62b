import { UUID } from '../cases/shared/validators';
import type { FieldProblem } from '../common/api-exception';
import { IMPORT_FIELDS, type ImportField, type ImportKind, type ImportMapping } from './files';
import type { ImportDecisions, RowDecision } from './import-model';

/**
 * A mapping names columns of the file and fields of its kind, each field once, and the field that says whom a row is
 * about (a `cases` list `fullName`; a `hearings` list `fullName` or `caseId`).
 */
export function mappingProblems(
  mapping: Readonly<Record<string, unknown>>,
  columns: readonly string[],
  kind: ImportKind,
): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const fields = IMPORT_FIELDS[kind];
  const seen = new Set<unknown>();
  for (const [column, field] of Object.entries(mapping)) {
    const at = `mapping.${column}`;
    if (!columns.includes(column)) problems.push({ field: at, message: `${column} is not a column of the file` });
    if (typeof field !== 'string' || !(fields as readonly string[]).includes(field)) {
      problems.push({ field: at, message: `the field must be one of ${fields.join(', ')}` });
    } else if (seen.has(field)) {
      problems.push({ field: at, message: `${field} is mapped from more than one column` });
    }
    seen.add(field);
  }
  const who: ImportField[] = kind === 'cases' ? ['fullName'] : ['fullName', 'caseId'];
  if (!who.some((field) => seen.has(field))) {
    problems.push({ field: 'mapping', message: `a column must be mapped to ${who.join(' or ')}` });
  }
  return problems;
}

/** A checked mapping: only what `mappingProblems` found nothing wrong with. */
export function asMapping(mapping: Readonly<Record<string, unknown>>): ImportMapping {
  return mapping as ImportMapping;
}

/** Decisions name rows of the file (`rows`: the numbers it has) and say `new`, `skip` or `{addTo: caseId}`. */
export function decisionProblems(
  decisions: Readonly<Record<string, unknown>>,
  rows: ReadonlySet<number>,
): { problems: FieldProblem[]; decisions: ImportDecisions } {
  const problems: FieldProblem[] = [];
  const valid: Record<string, RowDecision> = {};
  for (const [key, value] of Object.entries(decisions)) {
    const at = `decisions.${key}`;
    if (!/^[1-9][0-9]{0,6}$/.test(key) || !rows.has(Number(key))) {
      problems.push({ field: at, message: `${key} is not a row of the file` });
      continue;
    }
    const decision = decisionOf(value);
    if (decision === null) {
      problems.push({ field: at, message: 'a decision is "new", "skip" or {"addTo": "<caseId>"}' });
    } else {
      valid[key] = decision;
    }
  }
  return { problems, decisions: valid };
}

function decisionOf(value: unknown): RowDecision | null {
  if (value === 'new' || value === 'skip') return value;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
  const keys = Object.keys(value);
  const addTo = (value as { addTo?: unknown }).addTo;
  if (keys.length !== 1 || typeof addTo !== 'string' || !UUID.test(addTo)) return null;
  return { addTo: addTo.toLowerCase() };
}
