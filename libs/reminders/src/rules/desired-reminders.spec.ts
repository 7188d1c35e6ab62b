import { type CaseEvent, type CaseState, foldFacts } from '@casetrack/domain';
import * as f from '../../../domain/src/testing/fixtures';
import { at, type Given, toFacts } from '../../../domain/src/testing/specification';
import { desiredReminders } from './desired-reminders';
import { loadRuleSets } from './rule-sets';
import type { DesiredReminder, ReminderRules } from './reminder-types';

const H = 3_600_000;
const D = 24 * H;
const rules: ReminderRules = {
  hearingOffsetsMs: [72 * H, 24 * H, 2 * H],
  measureOffsetsMs: [7 * D, 2 * D],
  escalationAfterMs: 24 * H,
};
const CASE = '11111111-1111-4111-8111-111111111111';
const COORDINATORS = ['coord-a', 'coord-b'];
const HEARING_AT = '2022-01-20T09:00:00.000Z';

function stateOf(...given: Given[]): CaseState {
  return foldFacts(toFacts(given));
}

function desired(...given: Given[]): DesiredReminder[] {
  return desiredReminders(CASE, stateOf(...given), rules, COORDINATORS);
}

/** `kind subject recipient dueAt` lines, sorted, for readable expectations. */
function summary(reminders: DesiredReminder[]): string[] {
  return reminders
    .map((r) => `${r.kind} ${r.subjectId} ${r.recipientUserId} ${new Date(r.dueAt).toISOString()}`)
    .sort();
}

const withHearing: CaseEvent[] = [
  f.opened(),
  f.lawyerAssigned('lawyer-1'),
  f.detained(),
  f.hearingScheduled('h1', HEARING_AT),
];

describe('desired reminders', () => {
  it('a scheduled hearing: each assigned lawyer at each offset before it', () => {
    expect(summary(desired(...withHearing, f.lawyerAssigned('lawyer-2', 'support')))).toEqual([
      'hearing h1 lawyer-1 2022-01-17T09:00:00.000Z',
      'hearing h1 lawyer-1 2022-01-19T09:00:00.000Z',
      'hearing h1 lawyer-1 2022-01-20T07:00:00.000Z',
      'hearing h1 lawyer-2 2022-01-17T09:00:00.000Z',
      'hearing h1 lawyer-2 2022-01-19T09:00:00.000Z',
      'hearing h1 lawyer-2 2022-01-20T07:00:00.000Z',
    ]);
  });

  it('ids are deterministic, distinct, and carry no free text', () => {
    const once = desired(...withHearing);
    const again = desired(...withHearing);
    expect(once.map((r) => r.reminderId)).toEqual(again.map((r) => r.reminderId));
    expect(new Set(once.map((r) => r.reminderId)).size).toBe(once.length);
    for (const r of once)
      expect(r.reminderId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(once[0].payload).toEqual({
      kind: 'hearing',
      caseId: CASE,
      hearingId: 'h1',
      hearingKind: 'preventive_measure',
      court: 'Almaty district court',
      scheduledAt: HEARING_AT,
      scheduledAtPrecision: 'exact',
    });
  });

  it('a hearing known to the day only carries its precision, so that the message says the date alone', () => {
    const scheduledForTheDay: CaseEvent = {
      type: 'HearingScheduled',
      data: {
        hearingId: 'h1',
        kind: 'preventive_measure',
        court: 'Almaty district court',
        scheduledAt: '2022-01-19T19:00:00.000Z',
        scheduledAtPrecision: 'day',
      },
    };
    const dayOnly = desired(f.opened(), f.lawyerAssigned('lawyer-1'), f.detained(), scheduledForTheDay);
    expect(dayOnly.length).toBe(3);
    for (const r of dayOnly) expect(r.payload).toMatchObject({ kind: 'hearing', scheduledAtPrecision: 'day' });
    // Moved to an hour: the precision follows the move.
    const moved = desired(f.opened(), f.lawyerAssigned('lawyer-1'), f.detained(), scheduledForTheDay, {
      type: 'HearingRescheduled',
      data: { hearingId: 'h1', scheduledAt: HEARING_AT, reason: 'listed' },
    });
    for (const r of moved) expect(r.payload).toMatchObject({ kind: 'hearing', scheduledAtPrecision: 'exact' });
  });

  it('a rescheduled hearing: reminders before the new date, with new ids', () => {
    const before = desired(...withHearing);
    const after = desired(...withHearing, {
      type: 'HearingRescheduled',
      data: { hearingId: 'h1', scheduledAt: '2022-01-25T09:00:00.000Z', reason: 'judge ill' },
    });
    expect(summary(after)).toEqual([
      'hearing h1 lawyer-1 2022-01-22T09:00:00.000Z',
      'hearing h1 lawyer-1 2022-01-24T09:00:00.000Z',
      'hearing h1 lawyer-1 2022-01-25T07:00:00.000Z',
    ]);
    const oldIds = new Set(before.map((r) => r.reminderId));
    expect(after.some((r) => oldIds.has(r.reminderId))).toBe(false);
  });

  it('a cancelled hearing, or one held, has none', () => {
    expect(desired(...withHearing, f.hearingCancelled('h1'))).toEqual([]);
    expect(desired(...withHearing, f.hearingHeld('h1'))).toEqual([]);
  });

  it('an unassigned lawyer gets none; the others keep theirs', () => {
    const result = desired(...withHearing, f.lawyerAssigned('lawyer-2'), {
      type: 'LawyerUnassigned',
      data: { lawyerId: 'lawyer-1' },
    });
    expect(new Set(result.map((r) => r.recipientUserId))).toEqual(new Set(['lawyer-2']));
  });

  it('release: hearings on the measure stop, a trial keeps its reminders', () => {
    const trial: CaseEvent = {
      type: 'HearingScheduled',
      data: { hearingId: 'h2', kind: 'trial', court: 'City court', scheduledAt: '2022-02-10T05:00:00.000Z' },
    };
    const result = desired(...withHearing, trial, f.released());
    expect(new Set(result.map((r) => r.subjectId))).toEqual(new Set(['h2']));
  });

  it('death or a closed case: none at all', () => {
    expect(
      desired(...withHearing, f.measureImposed('pretrial_detention', '2022-03-01T00:00:00.000Z'), f.died()),
    ).toEqual([]);
    expect(desired(...withHearing, f.closed())).toEqual([]);
    expect(summary(desired(...withHearing, f.closed(), f.reopened()))).toHaveLength(3);
  });

  it('a preventive measure with an end: lawyers at 7 and 2 days before; an extension moves them', () => {
    const imposed = [...withHearing, f.measureImposed('pretrial_detention', '2022-03-06T00:00:00.000Z')];
    expect(summary(desired(...imposed).filter((r) => r.kind === 'measure_ending'))).toEqual([
      'measure_ending measure lawyer-1 2022-02-27T00:00:00.000Z',
      'measure_ending measure lawyer-1 2022-03-04T00:00:00.000Z',
    ]);
    const extended = desired(...imposed, f.measureExtended('2022-05-06T00:00:00.000Z'));
    expect(summary(extended.filter((r) => r.kind === 'measure_ending'))).toEqual([
      'measure_ending measure lawyer-1 2022-04-29T00:00:00.000Z',
      'measure_ending measure lawyer-1 2022-05-04T00:00:00.000Z',
    ]);
    expect(desired(...imposed, f.released()).filter((r) => r.kind === 'measure_ending')).toEqual([]);
    expect(
      desired(...withHearing, f.measureImposed('pretrial_detention')).filter((r) => r.kind === 'measure_ending'),
    ).toEqual([]);
  });

  it('a complaint awaiting an answer: due when overdue; answered or withdrawn: none', () => {
    const filed: CaseEvent = {
      type: 'ComplaintFiled',
      data: { complaintId: 'k1', filedWith: 'prosecutor', responseDueAt: '2022-02-05T00:00:00.000Z' },
    };
    expect(summary(desired(f.opened(), f.lawyerAssigned('lawyer-1'), filed))).toEqual([
      'complaint_overdue k1 lawyer-1 2022-02-05T00:00:00.000Z',
    ]);
    expect(desired(f.opened(), f.lawyerAssigned('lawyer-1'), filed, f.complaintAnswered('k1'))).toEqual([]);
    expect(desired(f.opened(), f.lawyerAssigned('lawyer-1'), filed, f.complaintWithdrawn('k1'))).toEqual([]);
    expect(desired(f.opened(), f.lawyerAssigned('lawyer-1'), f.complaintFiled('k2'))).toEqual([]);
  });

  it('missing: every coordinator, ESCALATION_AFTER after the report; found again: none', () => {
    const missing = at(f.missing(), '2022-01-06T10:00:00.000Z');
    expect(summary(desired(f.opened(), f.lawyerAssigned('lawyer-1'), missing))).toEqual([
      'escalation_missing whereabouts coord-a 2022-01-07T10:00:00.000Z',
      'escalation_missing whereabouts coord-b 2022-01-07T10:00:00.000Z',
    ]);
    const found = at(f.transferred('pretrial_detention'), '2022-01-06T18:00:00.000Z');
    expect(desired(f.opened(), f.lawyerAssigned('lawyer-1'), missing, found)).toEqual([]);
  });

  it('in custody with no lawyer: coordinators, from the detention; a transfer does not restart the clock', () => {
    const detained = at(f.detained(), '2022-01-06T10:00:00.000Z');
    const transfer = at(f.transferred('temporary_detention'), '2022-01-06T20:00:00.000Z');
    expect(summary(desired(f.opened(), detained, transfer))).toEqual([
      'escalation_no_lawyer custody coord-a 2022-01-07T10:00:00.000Z',
      'escalation_no_lawyer custody coord-b 2022-01-07T10:00:00.000Z',
    ]);
    expect(desired(f.opened(), detained, f.lawyerAssigned('lawyer-1'))).toEqual([]);
    expect(desired(f.opened(), f.lawyerAssigned('lawyer-1'))).toEqual([]);
  });

  it('a lawyer unassigned from a person in custody: the clock starts at the unassignment', () => {
    const detained = at(f.detained(), '2022-01-06T10:00:00.000Z');
    const unassigned = at({ type: 'LawyerUnassigned', data: { lawyerId: 'lawyer-1' } }, '2022-01-08T00:00:00.000Z');
    expect(summary(desired(f.opened(), f.lawyerAssigned('lawyer-1'), detained, unassigned))).toEqual([
      'escalation_no_lawyer custody coord-a 2022-01-09T00:00:00.000Z',
      'escalation_no_lawyer custody coord-b 2022-01-09T00:00:00.000Z',
    ]);
  });

  it('an administrative arrest ending with no release recorded: every coordinator, at its end', () => {
    const detained = at(f.detained(), '2022-01-06T10:00:00.000Z');
    const arrest = at(f.sanction('arrest', 10), '2022-01-06T18:00:00.000Z');
    const terms = (...given: Given[]) =>
      summary(desired(f.opened(), f.lawyerAssigned('lawyer-1'), detained, arrest, ...given)).filter((line) =>
        line.startsWith('escalation_term_ended'),
      );
    expect(terms()).toEqual([
      'escalation_term_ended administrative_term coord-a 2022-01-16T18:00:00.000Z',
      'escalation_term_ended administrative_term coord-b 2022-01-16T18:00:00.000Z',
    ]);
    expect(terms(at(f.released(), '2022-01-16T19:00:00.000Z'))).toEqual([]);
    expect(terms(at(f.measureImposed('pretrial_detention'), '2022-01-15T00:00:00.000Z'))).toEqual([]);
  });

  it('a retracted fact stops counting: retracting the cancellation brings the reminders back', () => {
    // Facts get eventId e<version>: the cancellation is the fifth fact.
    const cancelled = [...withHearing, f.hearingCancelled('h1')];
    expect(desired(...cancelled)).toEqual([]);
    expect(summary(desired(...cancelled, f.retracted('e5')))).toHaveLength(3);
    // Retracting the assignment (e2) leaves the hearing without a lawyer to remind, and the detainee without a lawyer.
    expect(new Set(desired(...withHearing, f.retracted('e2')).map((r) => r.kind))).toEqual(
      new Set(['escalation_no_lawyer']),
    );
  });
});

describe('desired reminders: the deadlines of a rule set (rules/kz.json)', () => {
  const kz = loadRuleSets(['kz']);
  const withKz = (...given: Given[]) => summary(desiredReminders(CASE, stateOf(...given), rules, COORDINATORS, kz));
  const detained = at(f.detained(), '2022-01-05T08:00:00.000Z');
  const ruleLines = (lines: string[]) => lines.filter((line) => line.startsWith('rule_deadline'));

  it('a detention: the lawyer before and at the 48 hours, the coordinators at the 72 hours', () => {
    expect(ruleLines(withKz(f.opened(), f.lawyerAssigned('lawyer-1'), detained))).toEqual(
      [
        'rule_deadline kz:kz.detention.court-decision-48h:e3 lawyer-1 2022-01-05T08:00:00.000Z',
        'rule_deadline kz:kz.detention.court-decision-48h:e3 lawyer-1 2022-01-07T08:00:00.000Z',
        'rule_deadline kz:kz.detention.court-decision-48h:e3 lawyer-1 2021-12-31T08:00:00.000Z',
        'rule_deadline kz:kz.detention.court-decision-72h:e3 coord-a 2022-01-08T08:00:00.000Z',
        'rule_deadline kz:kz.detention.court-decision-72h:e3 coord-b 2022-01-08T08:00:00.000Z',
      ].sort(),
    );
  });

  it('the payload names the rule in every language and its source, and nothing a person typed', () => {
    const reminders = desiredReminders(
      CASE,
      stateOf(f.opened(), f.lawyerAssigned('lawyer-1'), detained),
      rules,
      COORDINATORS,
      kz,
    );
    const escalation = reminders.find((r) => r.recipientUserId === 'coord-a');
    expect(escalation?.payload).toEqual({
      kind: 'rule_deadline',
      caseId: CASE,
      ruleSetId: 'kz',
      ruleId: 'kz.detention.court-decision-72h',
      dueAt: '2022-01-08T08:00:00.000Z',
      precision: 'exact',
      name: kz[0].rules[1].name,
      article: 'Criminal Procedure Code, art. 131 part 4',
      url: 'https://adilet.zan.kz/eng/docs/K1400000231',
    });
  });

  it('a one-month pre-trial detention: the extension request replaces the fixed measure-ending reminders', () => {
    const lines = withKz(
      f.opened(),
      f.lawyerAssigned('lawyer-1'),
      detained,
      at(f.measureImposed('pretrial_detention', '2022-02-07T06:00:00.000Z'), '2022-01-07T06:00:00.000Z'),
    );
    expect(lines.filter((line) => line.startsWith('measure_ending'))).toEqual([]);
    expect(lines.filter((line) => line.includes('extension-request'))).toEqual([
      'rule_deadline kz:kz.pretrial-detention.extension-request:measure lawyer-1 2022-01-30T06:00:00.000Z',
      'rule_deadline kz:kz.pretrial-detention.extension-request:measure lawyer-1 2022-02-04T06:00:00.000Z',
      'rule_deadline kz:kz.pretrial-detention.extension-request:measure lawyer-1 2022-02-06T06:00:00.000Z',
    ]);
  });

  it('without a rule for the measure (another measure, or no rule set) the fixed offsets stay as the fallback', () => {
    const houseArrest = at(f.measureImposed('house_arrest', '2022-02-07T06:00:00.000Z'), '2022-01-07T06:00:00.000Z');
    expect(
      withKz(f.opened(), f.lawyerAssigned('lawyer-1'), detained, houseArrest).filter((l) =>
        l.startsWith('measure_ending'),
      ),
    ).toHaveLength(2);
    const none = summary(
      desiredReminders(CASE, stateOf(f.opened(), f.lawyerAssigned('lawyer-1'), detained), rules, COORDINATORS, []),
    );
    expect(ruleLines(none)).toEqual([]);
  });

  it('an administrative arrest: the rule replaces the term-ended escalation, at the same time', () => {
    const lines = withKz(
      f.opened(),
      f.lawyerAssigned('lawyer-1'),
      detained,
      at(f.sanction('arrest', 10), '2022-01-06T18:00:00.000Z'),
    );
    expect(lines.filter((line) => line.startsWith('escalation_term_ended'))).toEqual([]);
    expect(lines.filter((line) => line.includes('administrative-arrest'))).toEqual([
      'rule_deadline kz:kz.administrative-arrest.release:e4 coord-a 2022-01-16T18:00:00.000Z',
      'rule_deadline kz:kz.administrative-arrest.release:e4 coord-b 2022-01-16T18:00:00.000Z',
    ]);
  });

  it('a changed figure moves the reminders: new ids, so the old rows are cancelled and new ones made', () => {
    const state = stateOf(f.opened(), f.lawyerAssigned('lawyer-1'), detained);
    const changed = [
      {
        ...kz[0],
        rules: kz[0].rules.map((rule) =>
          rule.id.endsWith('72h') ? { ...rule, deadline: { offset: { hours: 60 } } } : rule,
        ),
      },
    ];
    const before = desiredReminders(CASE, state, rules, COORDINATORS, kz).filter(
      (r) => r.recipientUserId === 'coord-a',
    );
    const after = desiredReminders(CASE, state, rules, COORDINATORS, changed).filter(
      (r) => r.recipientUserId === 'coord-a',
    );
    expect(after.map((r) => new Date(r.dueAt).toISOString())).toEqual(['2022-01-07T20:00:00.000Z']);
    expect(after[0].reminderId).not.toBe(before[0].reminderId);
  });
});
