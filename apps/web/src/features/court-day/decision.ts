import type { components } from '../../api/schema';
import { hearingDecisionKindValues } from '../../api/schema';
import { wallTimeToIso } from '../../shared/occurred-at';
import { NOT_DATE, NOT_NUMBER, REQUIRED, tristateToBody } from '../../shared/validation';
import { dayToBody } from '../case/forms/definitions/case-choices';

export type DecisionKind = components['schemas']['HearingDecisionKind'];
export type DecisionBody = components['schemas']['RecordHearingDecisionDto'];
type Grounds = NonNullable<components['schemas']['HearingDecisionDto']['grounds']>;

/** The board's buttons, in the order a court's day most often needs them. */
export const DECISION_KINDS: readonly DecisionKind[] = hearingDecisionKindValues;

/** What a decision's inline form holds, all as typed ('' = not given). */
export interface DecisionValues {
  until: string;
  grounds: Grounds | '';
  scheduledAt: string;
  days: string;
  amount: string;
  currency: string;
  durationMinutes: string;
  defendantHeard: string;
  lawyerPresent: string;
}

export const DECISION_INITIAL: DecisionValues = {
  until: '',
  grounds: '',
  scheduledAt: '',
  days: '',
  amount: '',
  currency: 'KZT',
  durationMinutes: '',
  defendantHeard: '',
  lawyerPresent: '',
};

export type DecisionField = 'until' | 'grounds' | 'scheduledAt' | 'days' | 'amount';

/** Only what each decision needs; `required` ones cannot be left empty. */
export const DECISION_FIELDS: Readonly<Record<DecisionKind, readonly { name: DecisionField; required: boolean }[]>> = {
  detention_ordered: [{ name: 'until', required: true }],
  house_arrest: [{ name: 'until', required: false }],
  released: [{ name: 'grounds', required: false }],
  postponed: [{ name: 'scheduledAt', required: true }],
  administrative_arrest: [{ name: 'days', required: true }],
  fine: [{ name: 'amount', required: false }],
  other: [],
};

/** A postponed hearing was not held: it takes no duration or presence (the API refuses them). */
export function takesDetails(kind: DecisionKind): boolean {
  return kind !== 'postponed';
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const WALL_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/;
const WHOLE = /^\d{1,9}$/;

/** Field errors as catalogue keys; empty when the decision can be sent. */
export function decisionErrors(kind: DecisionKind, v: DecisionValues): Partial<Record<keyof DecisionValues, string>> {
  const errors: Partial<Record<keyof DecisionValues, string>> = {};
  for (const { name, required } of DECISION_FIELDS[kind]) {
    const value = v[name].trim();
    if (value === '') {
      if (required) errors[name] = REQUIRED;
      continue;
    }
    if (name === 'until' && !DAY.test(value)) errors[name] = NOT_DATE;
    if (name === 'scheduledAt' && !WALL_TIME.test(value)) errors[name] = NOT_DATE;
    if (name === 'days' && (!WHOLE.test(value) || Number(value) < 1 || Number(value) > 365)) errors[name] = NOT_NUMBER;
    if (name === 'amount' && !/^\d{1,13}(\.\d{1,2})?$/.test(value)) errors[name] = NOT_NUMBER;
  }
  const duration = v.durationMinutes.trim();
  if (takesDetails(kind) && duration !== '' && (!WHOLE.test(duration) || Number(duration) > 24 * 60)) {
    errors.durationMinutes = NOT_NUMBER;
  }
  return errors;
}

/** The write's body: the decision with only its own fields, and how the hearing went unless it was postponed. */
export function decisionBody(kind: DecisionKind, v: DecisionValues, timeZone: string): DecisionBody {
  const details = takesDetails(kind)
    ? {
        durationMinutes: v.durationMinutes.trim() === '' ? undefined : Number(v.durationMinutes),
        defendantHeard: tristateToBody(v.defendantHeard),
        lawyerPresent: tristateToBody(v.lawyerPresent),
      }
    : {};
  return { ...details, decision: decisionOf(kind, v, timeZone) };
}

function decisionOf(kind: DecisionKind, v: DecisionValues, timeZone: string): DecisionBody['decision'] {
  switch (kind) {
    case 'detention_ordered':
    case 'house_arrest':
      return { kind, until: dayToBody(v.until.trim(), timeZone) };
    case 'released':
      return { kind, grounds: v.grounds === '' ? undefined : v.grounds };
    case 'postponed':
      return { kind, scheduledAt: wallTimeToIso(v.scheduledAt.trim(), timeZone) };
    case 'administrative_arrest':
      return { kind, days: Number(v.days) };
    case 'fine':
      return v.amount.trim() === '' ? { kind } : { kind, amount: Number(v.amount), currency: v.currency };
    case 'other':
      return { kind };
  }
}
