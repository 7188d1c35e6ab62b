import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { detained, measureImposed, opened, sanction } from '../testing/fixtures';
import { at, type Given, stateOf } from '../testing/specification';
import { deadlinesOf } from './deadlines-of';
import type { RuleSet } from './rule-set';
import { validateRuleSet } from './validate-rule-set';

/**
 * The rule set files as deployed (rules/<id>.json), not shapes of them: each rule's figure is pinned here by an example,
 * the text's own where the text gives one, so a figure changed in a file without its source fails a spec.
 */
function ruleSet(id: string): RuleSet {
  const check = validateRuleSet(JSON.parse(readFileSync(join(__dirname, '../../../../rules', `${id}.json`), 'utf8')));
  if (!check.ok) throw new Error(`rules/${id}.json: ${check.problems.join('; ')}`);
  return check.ruleSet;
}

const dueUnder = (set: RuleSet, given: Given[], now?: string) =>
  deadlinesOf(stateOf(opened(), ...given), set, now).map((d) => [d.ruleId, d.dueAt, d.overdue ?? null]);

describe('rules/international.json', () => {
  const international = ruleSet('international');

  it('holds one rule: 48 hours from a detention to a judge, for the lawyers, with the UN document as its source', () => {
    expect(international.rules.map((rule) => [rule.id, rule.trigger, rule.deadline, rule.remind])).toEqual([
      ['international.detention.judge-48h', { fact: 'detention' }, { offset: { hours: 48 } }, 'lawyers'],
    ]);
    const [rule] = international.rules;
    expect(new URL(rule.source.url).host).toBe('undocs.org');
    expect(rule.source.article).toContain('art. 9 (3)');
    expect(rule.source.confirmedBy).toBeDefined();
  });

  // Johar v. Norway (CCPR/C/132/D/2854/2016, para. 2.1): arrested on Thursday 4 July 2013 at 9.45, before a judge on
  // Saturday 6 July at 14.00, 52 hours 15 minutes later. The times as the text gives them, read as UTC.
  const ARRESTED = '2013-07-04T09:45:00.000Z';

  it('given the arrest at 9.45 on 4 July 2013, when no court has decided, then the judge is due at 9.45 on 6 July', () => {
    expect(dueUnder(international, [at(detained(), ARRESTED)], '2013-07-06T09:44:00.000Z')).toEqual([
      ['international.detention.judge-48h', '2013-07-06T09:45:00.000Z', false],
    ]);
  });

  it('given the same arrest, at 14.00 on 6 July (52 hours 15 minutes) with no court decision, then it is overdue', () => {
    expect(dueUnder(international, [at(detained(), ARRESTED)], '2013-07-06T14:00:00.000Z')).toEqual([
      ['international.detention.judge-48h', '2013-07-06T09:45:00.000Z', true],
    ]);
  });

  it('given the same arrest, when a court imposes a measure on 6 July, then the deadline is settled', () => {
    const given = [
      at(detained(), ARRESTED),
      at(measureImposed('pretrial_detention', '2013-08-03T00:00:00.000Z'), '2013-07-06T14:00:00.000Z'),
    ];
    expect(dueUnder(international, given)).toEqual([]);
  });

  it('given an arrest known only to the day (5 March 2016, CCPR/C/132/D/3105/2018, para. 8.2), then the deadline is known to the day', () => {
    const [deadline] = deadlinesOf(
      stateOf(opened(), at(detained(), '2016-03-05T00:00:00.000Z', { occurredAtPrecision: 'day' })),
      international,
    );
    expect([deadline.dueAt, deadline.precision]).toEqual(['2016-03-07T00:00:00.000Z', 'day']);
  });
});

describe('rules/kz.json', () => {
  const kz = ruleSet('kz');
  const DETAINED = '2022-01-05T08:00:00.000Z';
  const IMPOSED = '2022-01-07T06:00:00.000Z';

  it('given a detention at 08:00 on 5 January, then 48 hours (art. 14 part 2) and 72 hours (art. 131 part 4)', () => {
    expect(dueUnder(kz, [at(detained(), DETAINED)])).toEqual([
      ['kz.detention.court-decision-48h', '2022-01-07T08:00:00.000Z', null],
      ['kz.detention.court-decision-72h', '2022-01-08T08:00:00.000Z', null],
    ]);
  });

  it('given pre-trial detention for one month from 7 January, then the request one day before its end and two months from the detention (art. 151)', () => {
    const given = [
      at(detained(), DETAINED),
      at(measureImposed('pretrial_detention', '2022-02-07T06:00:00.000Z'), IMPOSED),
    ];
    expect(dueUnder(kz, given)).toEqual([
      ['kz.pretrial-detention.extension-request', '2022-02-06T06:00:00.000Z', null],
      ['kz.pretrial-detention.two-months', '2022-03-05T08:00:00.000Z', null],
    ]);
  });

  it('given an administrative arrest of 10 days from 10:00 on 6 January, then release at its end (CoAO art. 14 part 4)', () => {
    expect(dueUnder(kz, [at(detained(), DETAINED), at(sanction('arrest', 10), '2022-01-06T10:00:00.000Z')])).toEqual([
      ['kz.administrative-arrest.release', '2022-01-16T10:00:00.000Z', null],
    ]);
  });

  it('every rule names an article and the official text at adilet.zan.kz; what is left out says what was searched', () => {
    for (const rule of kz.rules) expect(new URL(rule.source.url).host).toBe('adilet.zan.kz');
    expect((kz.omitted ?? []).map((omitted) => omitted.rule)).toEqual([
      'Appeal period after a verdict (Criminal Procedure Code, chapter 48)',
      'Maximum duration of an administrative arrest (Code of Administrative Offences)',
      'Lead time of the requests to extend detention beyond two months (Criminal Procedure Code, art. 151 parts 2-3)',
    ]);
  });
});
