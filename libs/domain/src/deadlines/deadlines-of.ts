import type { Instant } from '../events/case-events';
import { administrativeTerm } from '../state/administrative-term';
import type { CaseState, Detention } from '../state/case-state';
import { DAY_MS, toMillis } from '../values/time';
import type { OccurredAtPrecision } from '../values/vocabularies';
import type { Deadline, DeadlineRule, RuleOffset, RuleSet } from './rule-set';

const HOUR_MS = 3_600_000;

/** What a rule counts from, found in the state: its subject, its time, its precision, and the end it may count back from. */
interface Anchor {
  readonly subjectId: string;
  readonly from: Instant;
  readonly precision: OccurredAtPrecision;
  readonly end: Instant | null;
}

/**
 * The deadlines a case has now under a rule set, soonest first: a pure function of the folded state (retracted facts
 * are already out of it) and the rules, so a changed rule set changes them on the next fold without touching events.
 * A closed case, a death or a case that does not exist has none; a deadline whose matter is settled (a court decided
 * on the detention, the measure ended or was extended, the person was released) is gone. `now` only marks `overdue`.
 */
export function deadlinesOf(state: CaseState, ruleSet: RuleSet, now?: Instant): Deadline[] {
  if (!state.exists || state.closed || state.death !== null) return [];
  const out: Deadline[] = [];
  for (const rule of ruleSet.rules) {
    const anchor = anchorOf(state, rule);
    if (anchor === null) continue;
    const due = dueAt(rule, anchor);
    if (due === null) continue;
    out.push({
      ruleSetId: ruleSet.id,
      ruleSetVersion: ruleSet.version,
      ruleId: rule.id,
      fact: rule.trigger.fact,
      subjectId: anchor.subjectId,
      from: new Date(toMillis(anchor.from)).toISOString(),
      dueAt: new Date(due).toISOString(),
      precision: anchor.precision,
      name: rule.name,
      source: rule.source,
      remind: rule.remind,
      ...(now === undefined ? {} : { overdue: due <= toMillis(now) }),
    });
  }
  return out.sort((a, b) => Date.parse(a.dueAt) - Date.parse(b.dueAt) || a.ruleId.localeCompare(b.ruleId));
}

function anchorOf(state: CaseState, rule: DeadlineRule): Anchor | null {
  const trigger = rule.trigger;
  switch (trigger.fact) {
    case 'detention': {
      const detention = undecidedDetention(state);
      if (detention === null) return null;
      const { eventId, occurredAt, occurredAtPrecision } = detention;
      return { subjectId: eventId, from: occurredAt, precision: occurredAtPrecision, end: null };
    }
    case 'measure': {
      const measure = state.measure;
      if (measure === null || measure.measure !== trigger.measure) return null;
      const last = state.measureHistory[state.measureHistory.length - 1];
      // An extension (or a measure first known from one) has its own, later deadlines; the start is no longer the point.
      if (last === undefined || last.change !== 'imposed') return null;
      if (trigger.termUnderMonths !== undefined) {
        if (measure.until === null) return null;
        if (toMillis(measure.until) >= addMonths(toMillis(measure.since), trigger.termUnderMonths)) return null;
      }
      const detention = trigger.countFrom === 'detention' ? detentionBefore(state, measure.since) : null;
      return detention === null
        ? { subjectId: 'measure', from: measure.since, precision: last.occurredAtPrecision, end: measure.until }
        : {
            subjectId: 'measure',
            from: detention.occurredAt,
            precision: detention.occurredAtPrecision,
            end: measure.until,
          };
    }
    case 'administrative_sanction': {
      const term = administrativeTerm(state);
      const arrest = latestArrest(state);
      if (arrest === null || !term.awaitingRelease || term.expectedReleaseAt === null) return null;
      return {
        subjectId: arrest.eventId,
        from: arrest.occurredAt,
        precision: arrest.occurredAtPrecision,
        end: term.expectedReleaseAt,
      };
    }
  }
}

function dueAt(rule: DeadlineRule, anchor: Anchor): number | null {
  const deadline = rule.deadline;
  if ('before' in deadline) return anchor.end === null ? null : toMillis(anchor.end) - deadline.days * DAY_MS;
  return afterOffset(toMillis(anchor.from), deadline.offset);
}

/** Calendar arithmetic in UTC: hours and days are exact spans, months move the date (31 January + 1 month = 28/29 February). */
export function afterOffset(from: number, offset: RuleOffset): number {
  if ('hours' in offset) return from + offset.hours * HOUR_MS;
  if ('days' in offset) return from + offset.days * DAY_MS;
  return addMonths(from, offset.months);
}

function addMonths(from: number, months: number): number {
  const date = new Date(from);
  const day = date.getUTCDate();
  const target = new Date(from);
  target.setUTCDate(1);
  target.setUTCMonth(target.getUTCMonth() + months);
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(day, lastDay));
  return target.getTime();
}

/**
 * The latest detention while the person is held by the police on it and no court has decided: still held as in police
 * custody (a transfer to a pre-trial facility or a prison, house arrest or an administrative arrest means a court
 * ordered it, recorded or not), and no preventive measure, sanction, verdict or release recorded at or after it.
 */
function undecidedDetention(state: CaseState): Detention | null {
  if (state.heldAs !== 'in_police_custody') return null;
  const latest = detentionBefore(state, null);
  if (latest === null) return null;
  const since = toMillis(latest.occurredAt);
  const after = (instant: Instant | null | undefined): boolean => instant != null && toMillis(instant) >= since;
  if (state.measureHistory.some((change) => after(change.occurredAt))) return null;
  if (state.administrativeSanctions.some((sanction) => after(sanction.occurredAt))) return null;
  if (after(state.verdict?.occurredAt) || after(state.releasedAt)) return null;
  return latest;
}

/** The latest detention at or before `at` (any time when null). */
function detentionBefore(state: CaseState, at: Instant | null): Detention | null {
  let latest: Detention | null = null;
  for (const d of state.detentions) {
    if (at !== null && toMillis(d.occurredAt) > toMillis(at)) continue;
    if (latest === null || toMillis(d.occurredAt) >= toMillis(latest.occurredAt)) latest = d;
  }
  return latest;
}

/** The arrest administrativeTerm counts from: the latest one. */
function latestArrest(state: CaseState): CaseState['administrativeSanctions'][number] | null {
  let latest: CaseState['administrativeSanctions'][number] | null = null;
  for (const s of state.administrativeSanctions) {
    if (s.kind !== 'arrest') continue;
    if (latest === null || toMillis(s.occurredAt) >= toMillis(latest.occurredAt)) latest = s;
  }
  return latest;
}
