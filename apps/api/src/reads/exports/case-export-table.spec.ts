import type { CaseExportRow } from '@casetrack/read-model';
import { CASE_EXPORT_COLUMNS, CaseExportTable } from './case-export-table';

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

  it('writes a next hearing with its minute', () => {
    const next = {
      kind: 'trial' as const,
      court: 'Almaty City Court',
      scheduledAt: Date.parse('2022-01-10T04:30:00.000Z'),
      scheduledAtPrecision: 'exact' as const,
    };
    expect(table.cells({ ...row, nextHearing: next })[nextHearingAt]).toBe('2022-01-10 10:30');
  });

  it("writes a next hearing known to the day only as its date in the reader's zone, never an hour", () => {
    // 10 January in Almaty, stored as that day's midnight there.
    const next = {
      kind: 'trial' as const,
      court: 'Almaty City Court',
      scheduledAt: Date.parse('2022-01-09T18:00:00.000Z'),
      scheduledAtPrecision: 'day' as const,
    };
    expect(table.cells({ ...row, nextHearing: next })[nextHearingAt]).toBe('2022-01-10');
  });
});
