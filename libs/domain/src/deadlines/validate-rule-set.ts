import { MEASURES, SANCTION_KINDS } from '../values/vocabularies';
import { END_FIELDS, REMIND, RULE_LANGUAGES, type RuleSet, TRIGGER_FACTS } from './rule-set';

export type RuleSetCheck =
  { readonly ok: true; readonly ruleSet: RuleSet } | { readonly ok: false; readonly problems: string[] };

type Json = Record<string, unknown>;

const ID = /^[a-z0-9][a-z0-9._-]{0,99}$/;
const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const isText = (value: unknown): value is string => typeof value === 'string' && value.trim().length > 0;
const isCount = (value: unknown, min: number): value is number =>
  typeof value === 'number' && Number.isInteger(value) && value >= min && value <= 10_000;

/**
 * Checks a rule set read from JSON: every field, every vocabulary value, a source with an https URL on every rule,
 * unique rule ids, no unknown field (a misspelt one would otherwise be ignored silently). Returns every problem, each
 * with the path of the field it is about, or the rule set typed.
 */
export function validateRuleSet(input: unknown): RuleSetCheck {
  const problems: string[] = [];
  const at = (path: string, message: string): void => void problems.push(`${path}: ${message}`);
  if (!isObject(input)) return { ok: false, problems: ['(root): must be an object'] };

  only(input, '(root)', ['id', 'version', 'jurisdiction', 'name', 'rules', 'omitted'], at);
  if (typeof input.id !== 'string' || !ID.test(input.id))
    at('id', 'must be lower-case letters, digits, ".", "_" or "-"');
  if (!isText(input.version)) at('version', 'must be a non-empty string');
  if (!isText(input.jurisdiction)) at('jurisdiction', 'must be a non-empty string');
  names(input.name, 'name', at);
  if (input.omitted !== undefined) {
    if (!Array.isArray(input.omitted)) at('omitted', 'must be a list');
    else
      input.omitted.forEach((item: unknown, i) => {
        const path = `omitted[${i}]`;
        if (!isObject(item)) return at(path, 'must be an object');
        only(item, path, ['rule', 'searched'], at);
        if (!isText(item.rule)) at(`${path}.rule`, 'must be a non-empty string');
        if (!isText(item.searched)) at(`${path}.searched`, 'must say what was searched');
      });
  }
  if (!Array.isArray(input.rules)) at('rules', 'must be a list');
  else {
    const seen = new Set<string>();
    input.rules.forEach((rule: unknown, i) => {
      const path = `rules[${i}]`;
      if (!isObject(rule)) return at(path, 'must be an object');
      checkRule(rule, path, at);
      if (typeof rule.id === 'string') {
        if (seen.has(rule.id)) at(`${path}.id`, `"${rule.id}" is used by an earlier rule`);
        seen.add(rule.id);
      }
    });
  }
  return problems.length ? { ok: false, problems } : { ok: true, ruleSet: input as unknown as RuleSet };
}

type At = (path: string, message: string) => void;

function checkRule(rule: Json, path: string, at: At): void {
  only(rule, path, ['id', 'trigger', 'deadline', 'remind', 'name', 'source', 'note'], at);
  if (typeof rule.id !== 'string' || !ID.test(rule.id))
    at(`${path}.id`, 'must be lower-case letters, digits, ".", "_" or "-"');
  checkTrigger(rule.trigger, `${path}.trigger`, at);
  checkDeadline(rule.deadline, `${path}.deadline`, at, rule.trigger);
  if (!(REMIND as readonly unknown[]).includes(rule.remind))
    at(`${path}.remind`, `must be one of ${REMIND.join(', ')}`);
  names(rule.name, `${path}.name`, at);
  if (rule.note !== undefined && !isText(rule.note)) at(`${path}.note`, 'must be a non-empty string');
  const source = rule.source;
  if (!isObject(source)) return at(`${path}.source`, 'is required: every rule names its article and the official text');
  only(source, `${path}.source`, ['article', 'title', 'url', 'confirmedBy'], at);
  if (!isText(source.article)) at(`${path}.source.article`, 'must name the article');
  if (!isText(source.title)) at(`${path}.source.title`, 'must name the text');
  if (!isHttps(source.url)) at(`${path}.source.url`, 'must be an https URL of the official text');
  if (source.confirmedBy !== undefined && !isHttps(source.confirmedBy))
    at(`${path}.source.confirmedBy`, 'must be an https URL');
}

function checkTrigger(trigger: unknown, path: string, at: At): void {
  if (!isObject(trigger)) return at(path, 'must be an object');
  const fact = trigger.fact;
  if (!(TRIGGER_FACTS as readonly unknown[]).includes(fact))
    return at(`${path}.fact`, `must be one of ${TRIGGER_FACTS.join(', ')}`);
  if (fact === 'detention') return only(trigger, path, ['fact'], at);
  if (fact === 'measure') {
    only(trigger, path, ['fact', 'measure', 'termUnderMonths', 'countFrom'], at);
    if (trigger.countFrom !== undefined && trigger.countFrom !== 'detention')
      at(`${path}.countFrom`, 'must be "detention" (or absent: the measure\'s start)');
    if (!(MEASURES as readonly unknown[]).includes(trigger.measure))
      at(`${path}.measure`, `must be one of ${MEASURES.join(', ')}`);
    if (trigger.termUnderMonths !== undefined && !isCount(trigger.termUnderMonths, 1))
      at(`${path}.termUnderMonths`, 'must be a whole number of months, at least 1');
    return;
  }
  only(trigger, path, ['fact', 'sanction'], at);
  if (trigger.sanction !== 'arrest')
    at(`${path}.sanction`, `must be "arrest": of ${SANCTION_KINDS.join(', ')}, only an arrest has a term`);
}

function checkDeadline(deadline: unknown, path: string, at: At, trigger: unknown): void {
  if (!isObject(deadline)) return at(path, 'must be an object');
  if ('before' in deadline) {
    only(deadline, path, ['before', 'days'], at);
    if (!(END_FIELDS as readonly unknown[]).includes(deadline.before))
      return at(`${path}.before`, `must be one of ${END_FIELDS.join(', ')}`);
    if (!isCount(deadline.days, 0)) at(`${path}.days`, 'must be a whole number of days, 0 or more');
    const fact = isObject(trigger) ? trigger.fact : undefined;
    const needs = deadline.before === 'measure.until' ? 'measure' : 'administrative_sanction';
    if (fact !== needs) at(`${path}.before`, `"${String(deadline.before)}" needs a ${needs} trigger`);
    return;
  }
  only(deadline, path, ['offset'], at);
  const offset = deadline.offset;
  if (!isObject(offset)) return at(`${path}.offset`, 'must be an object, or the deadline must count "before" an end');
  const units = ['hours', 'days', 'months'].filter((unit) => unit in offset);
  if (units.length !== 1) return at(`${path}.offset`, 'must have exactly one of hours, days, months');
  only(offset, `${path}.offset`, units[0] === 'days' ? ['days', 'count'] : [units[0]], at);
  if (!isCount(offset[units[0]], 1)) at(`${path}.offset.${units[0]}`, 'must be a whole number, at least 1');
  if (units[0] === 'days' && offset.count !== 'calendar') {
    at(
      `${path}.offset.count`,
      offset.count === 'working'
        ? 'working days need the jurisdiction\'s holidays as data with their source, which no rule set has yet: use "calendar"'
        : 'must be "calendar"',
    );
  }
}

function names(value: unknown, path: string, at: At): void {
  if (!isObject(value)) return at(path, `must name it in ${RULE_LANGUAGES.join(', ')}`);
  only(value, path, RULE_LANGUAGES, at);
  for (const language of RULE_LANGUAGES) if (!isText(value[language])) at(`${path}.${language}`, 'is missing');
}

function only(value: Json, path: string, allowed: readonly string[], at: At): void {
  for (const key of Object.keys(value)) if (!allowed.includes(key)) at(`${path}.${key}`, 'is not a known field');
}

function isHttps(value: unknown): boolean {
  if (typeof value !== 'string') return false;
  try {
    return new URL(value).protocol === 'https:';
  } catch {
    return false;
  }
}
