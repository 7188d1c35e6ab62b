import { validateRuleSet } from './validate-rule-set';

const names = { en: 'A', ru: 'А', kk: 'А' };
const goodRule = {
  id: 'r1',
  trigger: { fact: 'detention' },
  deadline: { offset: { hours: 48 } },
  remind: 'lawyers',
  name: names,
  source: { article: 'art. 1', title: 'A code', url: 'https://example.org/code' },
};
const withRule = (rule: Record<string, unknown>) => ({
  id: 'xx',
  version: '1',
  jurisdiction: 'XX',
  name: names,
  rules: [rule],
});
const problems = (input: unknown): string[] => {
  const check = validateRuleSet(input);
  return check.ok ? [] : check.problems;
};

describe('validateRuleSet', () => {
  it('accepts a complete rule set and returns it typed', () => {
    const check = validateRuleSet(withRule(goodRule));
    expect(check.ok && check.ruleSet.rules[0].id).toBe('r1');
  });

  it('refuses a rule without its source', () => {
    const { source: _source, ...rule } = goodRule;
    expect(problems(withRule(rule))).toEqual([
      'rules[0].source: is required: every rule names its article and the official text',
    ]);
  });

  it('refuses a source that is not an https URL', () => {
    expect(problems(withRule({ ...goodRule, source: { ...goodRule.source, url: 'adilet.zan.kz' } }))).toEqual([
      'rules[0].source.url: must be an https URL of the official text',
    ]);
  });

  it('refuses working days: the holidays are not data yet', () => {
    expect(problems(withRule({ ...goodRule, deadline: { offset: { days: 5, count: 'working' } } }))).toEqual([
      'rules[0].deadline.offset.count: working days need the jurisdiction\'s holidays as data with their source, which no rule set has yet: use "calendar"',
    ]);
  });

  it('refuses a name missing in one language, an unknown field and an unknown trigger', () => {
    expect(
      problems(withRule({ ...goodRule, name: { en: 'A', ru: 'А' }, trigger: { fact: 'arrest' }, extra: true })),
    ).toEqual([
      'rules[0].extra: is not a known field',
      'rules[0].trigger.fact: must be one of detention, measure, administrative_sanction',
      'rules[0].name.kk: is missing',
    ]);
  });

  it('refuses an end that the trigger does not have', () => {
    expect(problems(withRule({ ...goodRule, deadline: { before: 'measure.until', days: 1 } }))).toEqual([
      'rules[0].deadline.before: "measure.until" needs a measure trigger',
    ]);
  });

  it('refuses two units in one offset and a negative count', () => {
    expect(problems(withRule({ ...goodRule, deadline: { offset: { hours: 1, days: 1 } } }))).toEqual([
      'rules[0].deadline.offset: must have exactly one of hours, days, months',
    ]);
    expect(problems(withRule({ ...goodRule, deadline: { offset: { hours: -1 } } }))).toEqual([
      'rules[0].deadline.offset.hours: must be a whole number, at least 1',
    ]);
  });

  it('refuses a measure counted from anything but the detention', () => {
    const trigger = { fact: 'measure', measure: 'pretrial_detention', countFrom: 'arrest' };
    expect(problems(withRule({ ...goodRule, trigger }))).toEqual([
      'rules[0].trigger.countFrom: must be "detention" (or absent: the measure\'s start)',
    ]);
  });

  it('refuses two rules with one id, and a sanction without a term', () => {
    const fine = {
      ...goodRule,
      id: 'r2',
      trigger: { fact: 'administrative_sanction', sanction: 'fine' },
      deadline: { before: 'arrest.end', days: 0 },
    };
    expect(problems({ ...withRule(goodRule), rules: [goodRule, goodRule, fine] })).toEqual([
      'rules[1].id: "r1" is used by an earlier rule',
      'rules[2].trigger.sanction: must be "arrest": of arrest, fine, warning, only an arrest has a term',
    ]);
  });

  it('refuses a root that is not a rule set', () => {
    expect(problems([])).toEqual(['(root): must be an object']);
    expect(problems({ id: 'Bad Id', version: '', jurisdiction: 'XX', name: names, rules: {} })).toEqual([
      'id: must be lower-case letters, digits, ".", "_" or "-"',
      'version: must be a non-empty string',
      'rules: must be a list',
    ]);
  });
});
