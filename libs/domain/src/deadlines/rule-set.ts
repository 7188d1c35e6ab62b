import type { Measure, OccurredAtPrecision, SanctionKind } from '../values/vocabularies';

/**
 * A jurisdiction's deadline rules as data (rules/<id>.json), checked by validateRuleSet before use. Every rule names
 * the article it comes from: a rule without its source is refused, and a figure that could not be confirmed is left
 * out of the file (listed under `omitted`), never guessed.
 */
export const RULE_LANGUAGES = ['en', 'ru', 'kk'] as const;
export type RuleLanguage = (typeof RULE_LANGUAGES)[number];
export type Names = Readonly<Record<RuleLanguage, string>>;

/** What starts a rule's clock, read from the folded case state. */
export type RuleTrigger =
  /** The latest detention, while no court has decided on it (no measure, sanction, verdict or release since). */
  | { readonly fact: 'detention' }
  /**
   * The current preventive measure of that kind, as imposed. `termUnderMonths`: only while `until` is within that many
   * months of its start. `countFrom: "detention"`: an offset counts from the detention that preceded the measure (the
   * latest one at or before it), where there is one, else from the measure's start.
   */
  | {
      readonly fact: 'measure';
      readonly measure: Measure;
      readonly termUnderMonths?: number;
      readonly countFrom?: 'detention';
    }
  /** The latest administrative sanction of that kind (an arrest with its days), while the person awaits release. */
  | { readonly fact: 'administrative_sanction'; readonly sanction: SanctionKind };

export const TRIGGER_FACTS = ['detention', 'measure', 'administrative_sanction'] as const;

/** Only calendar days: working days need the jurisdiction's holidays as data with a source, which no rule set has yet. */
export type DayCount = 'calendar';

export type RuleOffset =
  { readonly hours: number } | { readonly days: number; readonly count: DayCount } | { readonly months: number };

/** The ends a rule can count back from. */
export const END_FIELDS = ['measure.until', 'arrest.end'] as const;
export type EndField = (typeof END_FIELDS)[number];

export type RuleDeadline =
  /** After the trigger's own time (the detention, the measure's start). */
  | { readonly offset: RuleOffset }
  /** That many calendar days before an end (0: the end itself). */
  | { readonly before: EndField; readonly days: number };

export const REMIND = ['lawyers', 'coordinators'] as const;
export type Remind = (typeof REMIND)[number];

export interface RuleSource {
  /** The article (and part) as the code numbers it, e.g. "Criminal Procedure Code, art. 131 part 4". */
  readonly article: string;
  readonly title: string;
  /** The official text (adilet.zan.kz for Kazakhstan, the UN's own site for UN texts). */
  readonly url: string;
  /** Where the figure was read when the official text itself could not be (a prosecutor's statement, a reproduction). */
  readonly confirmedBy?: string;
}

export interface DeadlineRule {
  readonly id: string;
  readonly trigger: RuleTrigger;
  readonly deadline: RuleDeadline;
  readonly remind: Remind;
  readonly name: Names;
  readonly source: RuleSource;
  /** Why the rule is scoped as it is; for the people who maintain the file. */
  readonly note?: string;
}

/** A rule the maintainers looked for and left out because its figure could not be confirmed. */
export interface OmittedRule {
  readonly rule: string;
  readonly searched: string;
}

export interface RuleSet {
  readonly id: string;
  readonly version: string;
  readonly jurisdiction: string;
  readonly name: Names;
  readonly rules: readonly DeadlineRule[];
  readonly omitted?: readonly OmittedRule[];
}

/** One deadline a case has now under a rule. */
export interface Deadline {
  readonly ruleSetId: string;
  readonly ruleSetVersion: string;
  readonly ruleId: string;
  /** What kind of fact started it (the rule's trigger). */
  readonly fact: RuleTrigger['fact'];
  /** The fact the deadline counts from (a detention's or sanction's event id, or `measure`). */
  readonly subjectId: string;
  /** The time it counts from, UTC. */
  readonly from: string;
  readonly dueAt: string;
  /** How precisely dueAt is known: no better than the fact it counts from. */
  readonly precision: OccurredAtPrecision;
  readonly name: Names;
  readonly source: RuleSource;
  readonly remind: Remind;
  /** Only when `now` was given: whether dueAt has passed. */
  readonly overdue?: boolean;
}
