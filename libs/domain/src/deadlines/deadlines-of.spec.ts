import type { CaseEvent } from '../events/case-events';
import {
  closed,
  detained,
  died,
  measureExtended,
  measureImposed,
  opened,
  released,
  releasedToHouseArrest,
  retracted,
  sanction,
  transferred,
  verdict,
} from '../testing/fixtures';
import { at, type Given, stateOf } from '../testing/specification';
import { deadlinesOf } from './deadlines-of';
import type { DeadlineRule, RuleSet } from './rule-set';

const source = { article: 'art. 1', title: 'A code', url: 'https://example.org/code' };
const names = (en: string) => ({ en, ru: en, kk: en });
const rule = (
  id: string,
  trigger: DeadlineRule['trigger'],
  deadline: DeadlineRule['deadline'],
  remind: DeadlineRule['remind'] = 'lawyers',
): DeadlineRule => ({
  id,
  trigger,
  deadline,
  remind,
  name: names(id),
  source,
});

/** The shapes of rules/kz.json, with its figures, so that each rule's arithmetic is specified on its own. */
const within48h = rule('court-48h', { fact: 'detention' }, { offset: { hours: 48 } });
const within72h = rule('court-72h', { fact: 'detention' }, { offset: { hours: 72 } }, 'coordinators');
const twoMonths = rule('two-months', { fact: 'measure', measure: 'pretrial_detention' }, { offset: { months: 2 } });
const extension = rule(
  'extension-request',
  { fact: 'measure', measure: 'pretrial_detention', termUnderMonths: 2 },
  { before: 'measure.until', days: 1 },
);
const arrestEnds = rule(
  'arrest-ends',
  { fact: 'administrative_sanction', sanction: 'arrest' },
  { before: 'arrest.end', days: 0 },
  'coordinators',
);
const tenDays = rule('ten-days', { fact: 'detention' }, { offset: { days: 10, count: 'calendar' } });

const set = (...rules: DeadlineRule[]): RuleSet => ({
  id: 'test',
  version: '1',
  jurisdiction: 'XX',
  name: names('Test'),
  rules,
});

const DETAINED = '2022-01-05T08:00:00.000Z';
const due = (given: Given[], ...rules: DeadlineRule[]) =>
  deadlinesOf(stateOf(opened(), ...given), set(...rules)).map((d) => [d.ruleId, d.dueAt]);

describe('deadlinesOf: a detention waiting for a court', () => {
  it('given a detention at 08:00 on 5 January, when nothing else is known, then the court is due 48 hours later (7 January, 08:00) and the outer limit 72 hours later', () => {
    expect(due([at(detained(), DETAINED)], within48h, within72h)).toEqual([
      ['court-48h', '2022-01-07T08:00:00.000Z'],
      ['court-72h', '2022-01-08T08:00:00.000Z'],
    ]);
  });

  it('carries the rule set, the rule, its source, whom to remind, and the detention it counts from', () => {
    const [deadline] = deadlinesOf(
      stateOf(opened(), at(detained(), DETAINED)),
      set(within72h),
      '2022-01-09T00:00:00.000Z',
    );
    expect(deadline).toEqual({
      ruleSetId: 'test',
      ruleSetVersion: '1',
      ruleId: 'court-72h',
      fact: 'detention',
      subjectId: 'e2',
      from: DETAINED,
      dueAt: '2022-01-08T08:00:00.000Z',
      precision: 'exact',
      name: names('court-72h'),
      source,
      remind: 'coordinators',
      overdue: true,
    });
  });

  it('is not overdue before its time', () => {
    const [deadline] = deadlinesOf(
      stateOf(opened(), at(detained(), DETAINED)),
      set(within72h),
      '2022-01-08T07:59:59.000Z',
    );
    expect(deadline.overdue).toBe(false);
  });

  it('a detention known to the day gives a deadline known to the day', () => {
    const state = stateOf(opened(), at(detained(), DETAINED, { occurredAtPrecision: 'day' }));
    expect(deadlinesOf(state, set(within48h))[0].precision).toBe('day');
  });

  it.each<[string, CaseEvent]>([
    ['a preventive measure', measureImposed('pretrial_detention', '2022-03-05T00:00:00.000Z')],
    ['house arrest', releasedToHouseArrest()],
    ['an administrative arrest', sanction('arrest', 10)],
    ['a release', released()],
    ['a verdict', verdict({ outcome: 'convicted' })],
  ])('given a detention, when %s is recorded after it, then no court deadline remains', (_what, event) => {
    expect(due([at(detained(), DETAINED), at(event, '2022-01-06T10:00:00.000Z')], within48h, within72h)).toEqual([]);
  });

  it.each<[string, CaseEvent]>([
    ['a pre-trial detention facility', transferred('pretrial_detention')],
    ['a prison', transferred('prison')],
  ])(
    'given a detention, when the person is found in %s, then a court ordered it: no court deadline',
    (_what, event) => {
      expect(due([at(detained(), DETAINED), at(event, '2022-01-06T10:00:00.000Z')], within48h)).toEqual([]);
    },
  );

  it('a stay in hospital from police custody keeps the clock running', () => {
    const given = [at(detained(), DETAINED), at(transferred('hospital'), '2022-01-06T10:00:00.000Z')];
    expect(due(given, within48h)).toEqual([['court-48h', '2022-01-07T08:00:00.000Z']]);
  });

  it('a release before a new detention does not settle the new one', () => {
    const given = [
      at(detained(), '2022-01-02T08:00:00.000Z'),
      at(released(), '2022-01-03T08:00:00.000Z'),
      at(detained(), DETAINED),
    ];
    expect(due(given, within48h)).toEqual([['court-48h', '2022-01-07T08:00:00.000Z']]);
  });

  it('a retracted measure puts the deadline back (the fold leaves retracted facts out)', () => {
    const given = [
      at(detained(), DETAINED),
      at(measureImposed('pretrial_detention'), '2022-01-06T10:00:00.000Z'),
      retracted('e3'),
    ];
    expect(due(given, within48h)).toEqual([['court-48h', '2022-01-07T08:00:00.000Z']]);
  });

  it('counts calendar days as whole days', () => {
    expect(due([at(detained(), DETAINED)], tenDays)).toEqual([['ten-days', '2022-01-15T08:00:00.000Z']]);
  });
});

describe('deadlinesOf: pre-trial detention', () => {
  const IMPOSED = '2022-01-07T06:00:00.000Z';

  it('given detention imposed on 7 January, then two months end on 7 March', () => {
    expect(due([at(detained(), DETAINED), at(measureImposed('pretrial_detention'), IMPOSED)], twoMonths)).toEqual([
      ['two-months', '2022-03-07T06:00:00.000Z'],
    ]);
  });

  it("counted from the detention before the measure when the rule says so, with the detention's precision", () => {
    const fromDetention = rule(
      'two-months-d',
      { fact: 'measure', measure: 'pretrial_detention', countFrom: 'detention' },
      { offset: { months: 2 } },
    );
    const given = [
      at(detained(), DETAINED, { occurredAtPrecision: 'day' }),
      at(measureImposed('pretrial_detention'), IMPOSED),
    ];
    const [deadline] = deadlinesOf(stateOf(opened(), ...given), set(fromDetention));
    expect([deadline.from, deadline.dueAt, deadline.precision]).toEqual([DETAINED, '2022-03-05T08:00:00.000Z', 'day']);
    // Without a recorded detention, from the measure's start.
    expect(due([at(measureImposed('pretrial_detention'), IMPOSED)], fromDetention)).toEqual([
      ['two-months-d', '2022-03-07T06:00:00.000Z'],
    ]);
  });

  it('two months from 31 December end on the last day of February', () => {
    const given = [
      at(detained(), '2021-12-30T08:00:00.000Z'),
      at(measureImposed('pretrial_detention'), '2021-12-31T06:00:00.000Z'),
    ];
    expect(due(given, twoMonths)).toEqual([['two-months', '2022-02-28T06:00:00.000Z']]);
  });

  it('given a one-month term, then the prosecutor must ask for an extension one day before its end', () => {
    const given = [
      at(detained(), DETAINED),
      at(measureImposed('pretrial_detention', '2022-02-07T06:00:00.000Z'), IMPOSED),
    ];
    expect(due(given, extension)).toEqual([['extension-request', '2022-02-06T06:00:00.000Z']]);
  });

  it('a term of two months or more is outside the extension rule (its lead time is another one)', () => {
    const given = [
      at(detained(), DETAINED),
      at(measureImposed('pretrial_detention', '2022-03-07T06:00:00.000Z'), IMPOSED),
    ];
    expect(due(given, extension)).toEqual([]);
  });

  it('a term without an end has no extension deadline, but still its two months', () => {
    const given = [at(detained(), DETAINED), at(measureImposed('pretrial_detention'), IMPOSED)];
    expect(due(given, extension, twoMonths).map(([id]) => id)).toEqual(['two-months']);
  });

  it('an extension recorded settles both: the next deadlines are not these', () => {
    const given = [
      at(detained(), DETAINED),
      at(measureImposed('pretrial_detention', '2022-02-07T06:00:00.000Z'), IMPOSED),
      at(measureExtended('2022-03-07T06:00:00.000Z'), '2022-02-05T06:00:00.000Z'),
    ];
    expect(due(given, extension, twoMonths)).toEqual([]);
  });

  it('another measure is not pre-trial detention', () => {
    expect(
      due(
        [at(detained(), DETAINED), at(measureImposed('house_arrest', '2022-02-07T06:00:00.000Z'), IMPOSED)],
        extension,
        twoMonths,
      ),
    ).toEqual([]);
  });

  it('a release ends the measure and its deadlines', () => {
    const given = [
      at(detained(), DETAINED),
      at(measureImposed('pretrial_detention', '2022-02-07T06:00:00.000Z'), IMPOSED),
      at(released(), '2022-01-20T06:00:00.000Z'),
    ];
    expect(due(given, extension, twoMonths)).toEqual([]);
  });
});

describe('deadlinesOf: an administrative arrest', () => {
  const SENTENCED = '2022-01-06T10:00:00.000Z';

  it('given an arrest of 10 days from 6 January 10:00, then the release is due on 16 January 10:00', () => {
    expect(due([at(detained(), DETAINED), at(sanction('arrest', 10), SENTENCED)], arrestEnds)).toEqual([
      ['arrest-ends', '2022-01-16T10:00:00.000Z'],
    ]);
  });

  it('an arrest of unknown length has no end to count from', () => {
    expect(due([at(detained(), DETAINED), at(sanction('arrest'), SENTENCED)], arrestEnds)).toEqual([]);
  });

  it('a recorded release settles it', () => {
    const given = [
      at(detained(), DETAINED),
      at(sanction('arrest', 10), SENTENCED),
      at(released(), '2022-01-16T11:00:00.000Z'),
    ];
    expect(due(given, arrestEnds)).toEqual([]);
  });
});

describe('deadlinesOf: cases with none', () => {
  it.each<[string, Given[]]>([
    ['a closed case', [at(detained(), DETAINED), closed()]],
    ['a death', [at(detained(), DETAINED), at(died(), '2022-01-06T00:00:00.000Z')]],
  ])('%s has no deadlines', (_what, given) => {
    expect(due(given, within48h, within72h)).toEqual([]);
  });

  it('a case that does not exist has none', () => {
    expect(deadlinesOf(stateOf(), set(within48h))).toEqual([]);
  });

  it('an empty rule set gives none', () => {
    expect(due([at(detained(), DETAINED)])).toEqual([]);
  });

  it('sorts soonest first', () => {
    const given = [at(detained(), DETAINED)];
    expect(due(given, within72h, tenDays, within48h).map(([id]) => id)).toEqual(['court-48h', 'court-72h', 'ten-days']);
  });
});
