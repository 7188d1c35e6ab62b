import { ERASED_TEXT } from '@casetrack/domain';
import { message } from '@casetrack/i18n';
import type { CaseExportRow, ChargeView, FacilityView, LawyerView } from '@casetrack/read-model';
import { exportTime } from './export-time';
import type { Cell } from './files/table-file';
import { Labels } from './labels';
import type { Reader } from './reader';

/** The columns, in order: every field of the case summary, flattened (headers `exports.cases.header.<column>`). */
export const CASE_EXPORT_COLUMNS = [
  'caseId',
  'fullName',
  'birthYear',
  'nameVariants',
  'city',
  'status',
  'closed',
  'currentFacility',
  'charges',
  'lawyers',
  'nextHearingAt',
  'nextHearingKind',
  'nextHearingCourt',
  'measure',
  'measureUntil',
  'expectedReleaseAt',
  'termEnded',
  'openComplaints',
  'tortureAllegations',
  'vulnerabilities',
  'publicRoles',
  'version',
  'lastRecordedAt',
] as const;

type Column = (typeof CASE_EXPORT_COLUMNS)[number];

/**
 * Consent in an export (a file that leaves the system with names on it, like the named dossier):
 * - an allegation given for `full` use is counted under the person's name;
 * - one given for `anonymised` use may be used without the identity: a case with one is exported anonymised
 *   (initials and year of birth, no other spellings of the name) and its anonymised allegations are counted then;
 * - one given for `internal_only` use stays inside the case team: an export never counts it, under any name.
 */
export function isAnonymised(row: CaseExportRow): boolean {
  return (row.allegations_by_consent.anonymised ?? 0) > 0;
}

/**
 * How many distinct charges and lawyers a table remembers the text of. An export prints the same few articles and
 * the same few hundred lawyers on each of a hundred thousand rows; past this many the memory starts afresh, so that it
 * stays bounded whatever the data.
 */
const REMEMBERED = 5_000;

/** Turns exported cases into rows of cells for one reader (their language and zone). */
export class CaseExportTable {
  private readonly labels: Labels;
  private readonly charges = new Map<string, string>();
  private readonly lawyers = new Map<string, string>();

  constructor(private readonly reader: Reader) {
    this.labels = new Labels(reader.locale);
  }

  header(): string[] {
    return CASE_EXPORT_COLUMNS.map((column) =>
      message(this.reader.locale, `exports.cases.header.${column}`, { zone: this.reader.timeZone }),
    );
  }

  cells(row: CaseExportRow): Cell[] {
    const { labels } = this;
    const { locale, timeZone } = this.reader;
    const anonymised = isAnonymised(row);
    const consents = row.allegations_by_consent;
    const next = row.nextHearing;
    const cells: Record<Column, Cell> = {
      caseId: row.case_id,
      fullName: anonymised ? initials(row.full_name) : row.full_name,
      birthYear: row.birth_year,
      nameVariants: anonymised ? null : list(row.name_variants),
      city: row.city,
      status: labels.vocabulary('caseStatus', row.status),
      closed: this.yesNo(row.closed),
      currentFacility: row.current_facility === null ? null : facility(row.current_facility),
      charges: list(row.charges.map((charge) => this.charge(charge))),
      lawyers: list(row.lawyers.map((lawyer, i) => this.lawyer(lawyer, row.lawyer_names[i]))),
      nextHearingAt: next === null ? null : exportTime(locale, timeZone, next.scheduledAt, next.scheduledAtPrecision),
      nextHearingKind: next === null ? null : labels.vocabulary('hearingKind', next.kind),
      nextHearingCourt: next?.court ?? null,
      measure: row.measure === null ? null : labels.vocabulary('measure', row.measure),
      measureUntil: exportTime(locale, timeZone, row.measure_until),
      expectedReleaseAt: exportTime(locale, timeZone, row.expected_release_at, row.expected_release_precision),
      termEnded: this.yesNo(row.term_ended),
      openComplaints: row.open_complaints,
      tortureAllegations: (consents.full ?? 0) + (anonymised ? (consents.anonymised ?? 0) : 0),
      vulnerabilities: list(row.vulnerabilities.map((v) => labels.vocabulary('vulnerability', v))),
      publicRoles: list((row.public_roles ?? []).map((r) => labels.vocabulary('publicRole', r))),
      version: row.version,
      lastRecordedAt: exportTime(locale, timeZone, row.last_recorded_at),
    };
    return CASE_EXPORT_COLUMNS.map((column) => cells[column]);
  }

  /** "ч. 2 ст. 272 Массовые беспорядки (уголовное)"; a dropped charge says so. Formatted once per export. */
  private charge(charge: ChargeView): string {
    const key = `${charge.article}\u0000${charge.part}\u0000${charge.title}\u0000${charge.code}\u0000${charge.status}`;
    return remembered(this.charges, key, () => this.chargeText(charge));
  }

  /** "Әлия Сәрсенбаева (lead lawyer)": the account's name, or its id once the account is gone. */
  private lawyer(lawyer: LawyerView, name: string | null): string {
    const key = `${lawyer.lawyerId}\u0000${lawyer.role}\u0000${name}`;
    return remembered(
      this.lawyers,
      key,
      () => `${name ?? lawyer.lawyerId} (${this.labels.vocabulary('lawyerRole', lawyer.role)})`,
    );
  }

  private chargeText(charge: ChargeView): string {
    const { locale } = this.reader;
    const article =
      charge.article === null
        ? this.labels.of('exports.cases.articleUnknown')
        : charge.part === null
          ? message(locale, 'exports.cases.article', { article: charge.article })
          : message(locale, 'exports.cases.articlePart', { article: charge.article, part: charge.part });
    const title = charge.title ? ` ${charge.title}` : '';
    const code = this.labels.vocabulary('chargeCode', charge.code);
    const state =
      charge.status === 'active' ? '' : `, ${this.labels.of(`exports.cases.chargeStatus.${charge.status}`)}`;
    return `${article}${title} (${code}${state})`;
  }

  private yesNo(value: boolean): string {
    return this.labels.of(value ? 'exports.yes' : 'exports.no');
  }
}

/** "Arman Zholatov" -> "A. Z."; "Жолатов Арман Серікұлы" -> "Ж. А. С.". An erased name stays as erased. */
export function initials(fullName: string): string {
  if (fullName === ERASED_TEXT) return fullName;
  return fullName
    .split(/[\s\-‐]+/u)
    .map((word) => [...word.replace(/^[^\p{L}]+/u, '')][0])
    .filter((letter): letter is string => letter !== undefined)
    .map((letter) => `${letter.toLocaleUpperCase()}.`)
    .join(' ');
}

function remembered(texts: Map<string, string>, key: string, make: () => string): string {
  let text = texts.get(key);
  if (text === undefined) {
    if (texts.size >= REMEMBERED) texts.clear();
    text = make();
    texts.set(key, text);
  }
  return text;
}

function list(values: readonly string[]): string | null {
  return values.length === 0 ? null : values.join('; ');
}

/** "ИВС-1 (LA-155/18), Almaty": the name and code that are known, then the city. */
function facility(f: FacilityView): string {
  const named = f.name && f.code ? `${f.name} (${f.code})` : (f.name ?? f.code ?? '');
  return `${named}, ${f.city}`;
}
