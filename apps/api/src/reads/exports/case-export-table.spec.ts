import type { CaseExportRow, ExportedHearing } from '@casetrack/read-model';
import { CASE_EXPORT_COLUMNS, CaseExportTable } from './case-export-table';
import type { Cell } from './files/table-file';

const row: CaseExportRow = {
  case_id: '11111111-1111-4111-8111-111111111111',
  full_name: 'Arman Zholatov',
  name_variants: [],
  city: 'Almaty',
  status: 'in_police_custody',
  closed: false,
  current_facility: null,
  charges: [],
  lawyers: [],
  measure: null,
  measure_until: null,
  expected_release_at: null,
  expected_release_precision: null,
  term_ended: false,
  open_complaints: 0,
  torture_allegations: 0,
  vulnerabilities: [],
  public_roles: [],
  version: 3,
  last_recorded_at: Date.parse('2022-01-08T10:00:00.000Z'),
  birth_year: null,
  allegations_by_consent: {},
  lawyer_names: [],
  nextHearing: null,
};

const nextHearingAt = CASE_EXPORT_COLUMNS.indexOf('nextHearingAt');

describe('the case export table', () => {
  const table = new CaseExportTable({ locale: 'en', timeZone: 'Asia/Almaty' });

  /** The next-hearing time cell of a case whose next hearing is a trial at `scheduledAt`. */
  function nextHearingCell(scheduledAt: string, scheduledAtPrecision: ExportedHearing['scheduledAtPrecision']): Cell {
    const next: ExportedHearing = {
      kind: 'trial',
      court: 'Almaty City Court',
      scheduledAt: Date.parse(scheduledAt),
      scheduledAtPrecision,
    };
    return table.cells({ ...row, nextHearing: next })[nextHearingAt];
  }

  it('writes a next hearing with its minute', () => {
    expect(nextHearingCell('2022-01-10T04:30:00.000Z', 'exact')).toBe('2022-01-10 10:30');
  });

  it("writes a next hearing known to the day only as its date in the reader's zone, never an hour", () => {
    // 10 January in Almaty, stored as that day's midnight there.
    expect(nextHearingCell('2022-01-09T18:00:00.000Z', 'day')).toBe('2022-01-10');
  });
});
