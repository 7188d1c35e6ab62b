import type { ChargeCode } from '@casetrack/domain';
import { UUID } from '../../cases/shared/validators';
import type {
  CellError,
  ImportField,
  ImportKind,
  ImportMapping,
  ImportRow,
  ImportTable,
  ReadRow,
  RowWrite,
} from './import-table';
import { readCharges } from './values/articles';
import { readFacility } from './values/facility';
import { readBirthDate, readFactTime, readScheduledAt, type ZoneAndNow } from './values/fact-time';
import { personNames } from './values/names';
import { saysUnknown } from './values/unknown';
import { AUTHORITY_WORDS, HEARING_KIND_WORDS, SEX_WORDS, SOURCE_KIND_WORDS } from './values/vocabularies';
import { recognise } from './values/vocabulary';

export interface ReadRowOptions {
  readonly kind: ImportKind;
  /** The importer's IANA zone: dates in the list are wall times there. */
  readonly timeZone: string;
  /** The clock a date in the future is judged by (default: now). */
  readonly now?: Date;
  /** The code of a charge whose text names none (`272-2`): criminal unless the importer says otherwise. */
  readonly chargeCode?: ChargeCode;
}

type Body = Record<string, unknown>;

/** The cells of one row by the fields their columns are mapped to (the first column mapped to a field speaks). */
class MappedRow {
  private readonly byField = new Map<ImportField, string>();
  private readonly mapped = new Set<ImportField>();

  constructor(row: ImportRow, table: ImportTable, mapping: ImportMapping) {
    table.columns.forEach((column, index) => {
      const field = mapping[column];
      if (field === undefined || this.mapped.has(field)) return;
      this.mapped.add(field);
      this.byField.set(field, (row.cells[index] ?? '').trim());
    });
  }

  /** The cell's text, or null when the field is not mapped or its cell is empty or says nothing is known. */
  text(field: ImportField): string | null {
    const text = this.byField.get(field);
    return text === undefined || saysUnknown(text) ? null : text;
  }

  isMapped(field: ImportField): boolean {
    return this.mapped.has(field);
  }
}

function cellCountErrors(row: ImportRow, table: ImportTable): CellError[] {
  if (row.cellCount === undefined) return [];
  const values = { count: String(row.cellCount), expected: String(table.columns.length) };
  const messageKey = row.cellCount < table.columns.length ? 'imports.row.tooFewCells' : 'imports.row.tooManyCells';
  return [{ field: 'row', messageKey, values }];
}

const required = (field: string): CellError => ({ field, messageKey: 'imports.value.required' });

/** Adds `key: value` to a body only when something is known: absent stays absent, never a placeholder. */
function known(key: string, value: unknown): Body {
  return value === null || value === undefined || (Array.isArray(value) && value.length === 0) ? {} : { [key]: value };
}

/** Facts whose time the list does not give: known to have happened no later than they are recorded. */
const UNKNOWN_TIME: Body = { occurredAtPrecision: 'unknown' };

function readCaseRow(cells: MappedRow, errors: CellError[], options: ReadRowOptions & ZoneAndNow): ReadRow['writes'] {
  const { fullName, nameVariants } = personNames(cells.text('fullName') ?? '', cells.text('nameVariants') ?? '');
  if (fullName === null) errors.push(required('fullName'));
  const city = cells.text('city');

  const birth = readBirthDate(cells.text('birthDate') ?? '', options.now);
  if (birth.kind === 'invalid') errors.push({ field: 'birthDate', messageKey: birth.messageKey });
  const sexText = cells.text('sex');
  const sex = sexText === null ? null : recognise(sexText, SEX_WORDS);
  if (sexText !== null && sex === null) errors.push({ field: 'sex', messageKey: 'imports.value.sexUnreadable' });
  const sourceText = cells.text('sourceKind');
  const sourceKind = sourceText === null ? 'ngo' : recognise(sourceText, SOURCE_KIND_WORDS);
  if (sourceKind === null) errors.push({ field: 'sourceKind', messageKey: 'imports.value.sourceKindUnreadable' });

  const detained = readFactTime(cells.text('detainedAt') ?? '', options);
  if (detained.kind === 'invalid') errors.push({ field: 'detainedAt', messageKey: detained.messageKey });
  const when: Body =
    detained.kind === 'time'
      ? { occurredAt: detained.occurredAt, occurredAtPrecision: detained.occurredAtPrecision }
      : UNKNOWN_TIME;

  const writes: RowWrite[] = [
    {
      step: 'open',
      body: {
        detainee: {
          fullName: fullName ?? '',
          ...known('nameVariants', nameVariants),
          ...known('birthDate', birth.kind === 'date' ? birth.date : null),
          ...known('sex', sex),
          ...known('city', city),
        },
        source: { kind: sourceKind ?? 'ngo', ...known('reference', cells.text('sourceReference')) },
        ...when,
      },
    },
  ];

  if (cells.isMapped('detainedAt') || cells.isMapped('detentionPlace') || cells.isMapped('authority')) {
    const authorityText = cells.text('authority');
    const authority = authorityText === null ? 'unknown' : recognise(authorityText, AUTHORITY_WORDS);
    if (authority === null) errors.push({ field: 'authority', messageKey: 'imports.value.authorityUnreadable' });
    const body = { ...known('city', city), ...known('place', cells.text('detentionPlace')), authority, ...when };
    writes.push({ step: 'detention', body });
  }

  const charges = readCharges(cells.text('article') ?? '');
  if (charges !== null && !charges.ok) errors.push({ field: 'article', messageKey: charges.messageKey });
  for (const charge of charges?.ok === true ? charges.charges : []) {
    const body = {
      code: charge.code ?? options.chargeCode ?? 'criminal',
      ...known('article', charge.article),
      ...known('part', charge.part),
      ...known('title', charge.title),
      ...UNKNOWN_TIME,
    };
    writes.push({ step: 'charge', body });
  }

  const facility = readFacility(cells.text('facility') ?? '');
  if (facility !== null && city === null) {
    errors.push({ field: 'facility', messageKey: 'imports.value.facilityWithoutCity' });
  } else if (facility !== null) {
    writes.push({ step: 'transfer', body: { facility: { ...facility, city }, ...UNKNOWN_TIME } });
  }

  const note = cells.text('note');
  if (note !== null) writes.push({ step: 'note', body: { text: note } });
  return writes;
}

function readHearingRow(cells: MappedRow, errors: CellError[], options: ZoneAndNow): ReadRow['writes'] {
  const caseId = cells.text('caseId');
  if (caseId !== null && !UUID.test(caseId))
    errors.push({ field: 'caseId', messageKey: 'imports.value.caseIdInvalid' });
  if (cells.text('fullName') === null && caseId === null) errors.push(required('fullName'));
  const court = cells.text('court');
  if (court === null) errors.push(required('court'));
  const scheduled = readScheduledAt(cells.text('scheduledAt') ?? '', cells.text('hearingTime'), options);
  if (scheduled.kind === 'absent') errors.push(required('scheduledAt'));
  if (scheduled.kind === 'invalid') errors.push({ field: scheduled.field, messageKey: scheduled.messageKey });
  const kindText = cells.text('hearingKind');
  const body = {
    kind: (kindText === null ? null : recognise(kindText, HEARING_KIND_WORDS)) ?? 'other',
    court: court ?? '',
    ...known('judge', cells.text('judge')),
    scheduledAt: scheduled.kind === 'time' ? scheduled.scheduledAt : '',
  };
  return [{ step: 'hearing', body }];
}

/**
 * One row of a list read through a mapping: whom it is about, the writes it stands for (bodies as the HTTP routes
 * take them, in the order they are to be recorded) and what in it could not be read. A row with errors still shows
 * what could be read, but is not to be recorded.
 */
export function readRow(row: ImportRow, table: ImportTable, mapping: ImportMapping, options: ReadRowOptions): ReadRow {
  const cells = new MappedRow(row, table, mapping);
  const errors: CellError[] = cellCountErrors(row, table);
  const clock = { ...options, now: options.now ?? new Date() };
  const writes = options.kind === 'cases' ? readCaseRow(cells, errors, clock) : readHearingRow(cells, errors, clock);
  const names = personNames(cells.text('fullName') ?? '', cells.text('nameVariants') ?? '');
  const caseId = cells.text('caseId');
  return {
    row: row.row,
    person: {
      fullName: names.fullName ?? '',
      nameVariants: names.nameVariants,
      city: options.kind === 'cases' ? cells.text('city') : null,
    },
    caseId: caseId === null ? null : caseId.toLowerCase(),
    writes,
    errors,
  };
}
