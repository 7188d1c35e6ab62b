import type { Type } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { validate, type ValidationError } from 'class-validator';
import { message, type Locale } from '@casetrack/i18n';
import { AddNoteDto } from '../cases/case-file/case-file.dto';
import { BringChargeDto } from '../cases/charges/charges.dto';
import { RecordDetentionDto, TransferDetaineeDto } from '../cases/custody/custody.dto';
import { ScheduleHearingDto } from '../cases/hearings/hearings.dto';
import { OpenCaseDto } from '../cases/intake/intake.dto';
import type { FactDto } from '../cases/shared/fact.dto';
import { unsafeStrings } from '../common/hostile-input';
import { VALIDATOR_OPTIONS } from '../common/validation.pipe';
import {
  type ImportKind,
  type ImportMapping,
  type ImportRow,
  type ImportTable,
  readRow,
  type ReadRow,
  type RowStep,
} from './files';
import type { StoredRow } from './import-model';

/** The DTO of the route each write of a row would have gone to: a row is checked exactly as that request would be. */
const DTO_OF: Record<RowStep, Type<FactDto>> = {
  open: OpenCaseDto,
  detention: RecordDetentionDto,
  charge: BringChargeDto,
  transfer: TransferDetaineeDto,
  note: AddNoteDto,
  hearing: ScheduleHearingDto,
};

/** Which field of the list a property of a write's body comes from (the longest matching path wins). */
const FIELD_OF: Record<RowStep, Readonly<Record<string, string>>> = {
  open: {
    'detainee.fullName': 'fullName',
    'detainee.nameVariants': 'nameVariants',
    'detainee.birthDate': 'birthDate',
    'detainee.sex': 'sex',
    'detainee.city': 'city',
    'source.kind': 'sourceKind',
    'source.reference': 'sourceReference',
    occurredAt: 'detainedAt',
    occurredAtPrecision: 'detainedAt',
  },
  detention: {
    city: 'city',
    place: 'detentionPlace',
    authority: 'authority',
    occurredAt: 'detainedAt',
    occurredAtPrecision: 'detainedAt',
  },
  charge: { code: 'article', article: 'article', part: 'article', title: 'article' },
  transfer: { facility: 'facility', 'facility.city': 'city' },
  note: { text: 'note' },
  hearing: { kind: 'hearingKind', court: 'court', judge: 'judge', scheduledAt: 'scheduledAt' },
};

/** One write of a row, validated: the DTO instance is what the route's handler would have received. */
export interface CheckedWrite {
  step: RowStep;
  /** The write's place among the row's writes (its idempotency key names it). */
  index: number;
  body: FactDto;
}

export interface RowProblem {
  /** A field of the list (`fullName`, `detainedAt`...) or `row`; never cell text. */
  field: string;
  messageKey: string;
  values?: Readonly<Record<string, string>>;
}

export interface CheckedRow {
  read: ReadRow;
  writes: CheckedWrite[];
  problems: RowProblem[];
}

export interface RowContext {
  table: Pick<ImportTable, 'columns'>;
  mapping: ImportMapping;
  kind: ImportKind;
  timeZone: string;
}

/**
 * Reads a row through the mapping (files/readRow) and validates each of its writes with the DTO of the route it
 * stands for, with the global ValidationPipe's own options, plus the hostile-input rule every request body passes
 * (no NUL, no unpaired surrogate). A row with problems is not to be recorded.
 */
export async function checkRow(row: ImportRow, context: RowContext): Promise<CheckedRow> {
  const read = readRow(row, { columns: context.table.columns, rows: [] }, context.mapping, {
    kind: context.kind,
    timeZone: context.timeZone,
  });
  const problems: RowProblem[] = read.errors.map((error) => ({
    field: error.field,
    messageKey: error.messageKey,
    ...(error.values ? { values: error.values } : {}),
  }));
  const unread = new Set(read.errors.map((error) => error.field));
  const writes: CheckedWrite[] = [];
  for (const [index, write] of read.writes.entries()) {
    for (const unsafe of unsafeStrings(write.body)) {
      problems.push({ field: fieldOf(write.step, unsafe.field), messageKey: 'imports.value.unsafe' });
    }
    const body = plainToInstance(DTO_OF[write.step], write.body);
    const errors = await validate(body, VALIDATOR_OPTIONS);
    // A cell the reader could not read says why itself; the DTO's word on the value it left behind would repeat it.
    for (const problem of problemsOf(write.step, errors)) if (!unread.has(problem.field)) problems.push(problem);
    writes.push({ step: write.step, index, body });
  }
  return { read, writes, problems: unique(problems) };
}

/** A stored row as the file's reader gave it. */
export function importRowOf(stored: Pick<StoredRow, 'row' | 'cellCount'>, cells: readonly string[]): ImportRow {
  return stored.cellCount === undefined
    ? { row: stored.row, cells }
    : { row: stored.row, cells, cellCount: stored.cellCount };
}

/** The list's field a body path comes from. */
function fieldOf(step: RowStep, path: string): string {
  let best: string | null = null;
  for (const key of Object.keys(FIELD_OF[step])) {
    if ((path === key || path.startsWith(`${key}.`)) && (best === null || key.length > best.length)) best = key;
  }
  return best === null ? path : FIELD_OF[step][best];
}

function problemsOf(step: RowStep, errors: ValidationError[], parent = ''): RowProblem[] {
  return errors.flatMap((error) => {
    const path = parent ? `${parent}.${error.property}` : error.property;
    const rules = Object.keys(error.constraints ?? {});
    const own: RowProblem[] =
      rules.length === 0
        ? []
        : [
            {
              field: fieldOf(step, path),
              messageKey: rules.some((rule) => rule === 'maxLength' || rule === 'arrayMaxSize')
                ? 'imports.value.tooLong'
                : 'imports.value.invalid',
            },
          ];
    return [...own, ...problemsOf(step, error.children ?? [], path)];
  });
}

function unique(problems: RowProblem[]): RowProblem[] {
  const seen = new Set<string>();
  return problems.filter((problem) => {
    const key = `${problem.field}\u0000${problem.messageKey}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** The column a field was read from (the first mapped to it), so that a person finds the cell in their file. */
export function columnOf(field: string, context: Pick<RowContext, 'table' | 'mapping'>): string {
  return context.table.columns.find((column) => context.mapping[column] === field) ?? field;
}

/** A problem as the contract's `{field, message}`: the column's name and a sentence in the reader's language. */
export function describeProblem(
  problem: RowProblem,
  context: Pick<RowContext, 'table' | 'mapping'>,
  locale: Locale,
): { field: string; message: string } {
  const column = columnOf(problem.field, context);
  return { field: column, message: message(locale, problem.messageKey, { column, ...problem.values }) };
}
