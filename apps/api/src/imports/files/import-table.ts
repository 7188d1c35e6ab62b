/**
 * The seam between reading an uploaded list (files/: bytes -> table -> the writes a row stands for) and running an
 * import (the module around it: storage, dry run, commit). Nothing here knows Nest or the database.
 */

/** What a list describes: people and their detentions, or the hearings of a court's day. */
export const IMPORT_KINDS = ['cases', 'hearings'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

/**
 * A list as read from its file: the header's column names (a merged header over two rows joined into one name) and
 * every data row as the text of its cells, one per column ('' for an empty cell). Dates that a spreadsheet stored as
 * dates arrive as ISO text (`2022-01-05` or `2022-01-05T14:30`, a wall time without a zone); everything else as typed.
 */
export interface ImportTable {
  readonly columns: readonly string[];
  /** Row numbers are those of the file as a person sees it (the header is row 1 for a one-row header). */
  readonly rows: readonly ImportRow[];
}

export interface ImportRow {
  readonly row: number;
  readonly cells: readonly string[];
  /**
   * How many cells the file's row had when that was not the header's count (a CSV line with a delimiter too few or
   * too many). `cells` is then cut or padded to the header; the row is reported, not guessed at.
   */
  readonly cellCount?: number;
}

/** Why a file could not be read as a list at all: a message key of the `import` catalogue and its values. */
export interface TableRefusal {
  readonly refused: true;
  readonly messageKey: string;
  readonly values?: Readonly<Record<string, string>>;
}

export function isTableRefusal(read: ImportTable | TableRefusal): read is TableRefusal {
  return 'refused' in read;
}

/** The fields a column can be mapped to, by kind. Unmapped columns are ignored. */
export const CASE_IMPORT_FIELDS = [
  'fullName',
  'nameVariants',
  'birthDate',
  'sex',
  'city',
  'detainedAt',
  'detentionPlace',
  'authority',
  'article',
  'facility',
  'sourceKind',
  'sourceReference',
  'note',
] as const;
/** `hearingTime`: the hour in a column of its own beside the date (`scheduledAt`), as court lists often have it. */
export const HEARING_IMPORT_FIELDS = [
  'fullName',
  'caseId',
  'court',
  'scheduledAt',
  'hearingTime',
  'hearingKind',
  'judge',
] as const;
export type CaseImportField = (typeof CASE_IMPORT_FIELDS)[number];
export type HearingImportField = (typeof HEARING_IMPORT_FIELDS)[number];
export type ImportField = CaseImportField | HearingImportField;

/** The fields a list of each kind may map its columns to. */
export const IMPORT_FIELDS: Readonly<Record<ImportKind, readonly ImportField[]>> = {
  cases: CASE_IMPORT_FIELDS,
  hearings: HEARING_IMPORT_FIELDS,
};

/** Column name -> field. */
export type ImportMapping = Readonly<Record<string, ImportField>>;

/** One write a row stands for, as the HTTP route would receive it: the same DTO validates it. */
export type RowWrite =
  | { readonly step: 'open'; readonly body: Readonly<Record<string, unknown>> }
  | { readonly step: 'detention'; readonly body: Readonly<Record<string, unknown>> }
  | { readonly step: 'charge'; readonly body: Readonly<Record<string, unknown>> }
  | { readonly step: 'transfer'; readonly body: Readonly<Record<string, unknown>> }
  | { readonly step: 'note'; readonly body: Readonly<Record<string, unknown>> }
  | { readonly step: 'hearing'; readonly body: Readonly<Record<string, unknown>> };
export type RowStep = RowWrite['step'];

/** A cell the reader could not turn into a value (a date it cannot read), named by the field it was mapped to. */
export interface CellError {
  readonly field: string;
  /** A message key of the `imports` catalogue (libs/i18n/messages/<lang>/imports.json) and its values. */
  readonly messageKey: string;
  readonly values?: Readonly<Record<string, string>>;
}

/**
 * A row read through a mapping: who it is about (for duplicate checks), and the writes it stands for, in order.
 * `open` comes first for a `cases` row; a `hearings` row has one `hearing` write and names its case by `caseId` or by
 * the person (matched by the module).
 */
export interface ReadRow {
  readonly row: number;
  readonly person: {
    readonly fullName: string;
    readonly nameVariants: readonly string[];
    readonly city: string | null;
  };
  readonly caseId: string | null;
  readonly writes: readonly RowWrite[];
  readonly errors: readonly CellError[];
}
