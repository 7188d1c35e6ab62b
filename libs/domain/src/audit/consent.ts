import type { CaseEvent, CaseFact } from '../events/case-events';
import { ERASED_TEXT, forEachSensitiveField } from '../events/sensitive-fields';
import { copyJson } from '../values/json';
import { type ActorRole, CONSENTS, type Consent } from '../values/vocabularies';

/** What a reader sees in place of a typed value the victim did not consent to show them (as `[erased]` after erasure). */
export const WITHHELD_TEXT = '[withheld]';

export const EVERY_CONSENT: ReadonlySet<Consent> = new Set(CONSENTS);
/**
 * What leaves the organisation with the person's name on it (the named dossier): only testimony given for full use.
 * `anonymised` allows use without the person's identity, and a named document is their identity.
 */
export const NAMED_DOCUMENT_CONSENTS: ReadonlySet<Consent> = new Set<Consent>(['full']);
const OUTSIDE_THE_CASE_TEAM: ReadonlySet<Consent> = new Set<Consent>(['full', 'anonymised']);

/**
 * The consents whose testimony a reader of a case reads as recorded. Internal-only testimony is for the people who
 * work the case: coordinators and its assigned lawyers (a lawyer reads no case they are not assigned to). Auditors,
 * some of them outside the organisation, read it withheld.
 */
export function readableConsents(role: ActorRole): ReadonlySet<Consent> {
  return role === 'coordinator' || role === 'lawyer' ? EVERY_CONSENT : OUTSIDE_THE_CASE_TEAM;
}

/** Whether the testimony may be read. Without a consent it is internal only (the contract's default). */
export function isReadable(consent: Consent | undefined, readable: ReadonlySet<Consent>): boolean {
  return readable.has(consent ?? 'internal_only');
}

/** The fields of an allegation that are not testimony: what it is, when, which methods, and the consent itself. */
const NOT_TESTIMONY: ReadonlySet<string> = new Set(['allegationId', 'periodFrom', 'periodTo', 'methods', 'consent']);

/**
 * The facts as a reader with these consents may read them. An allegation recorded under another consent keeps its
 * period and methods; every other value of it (place, perpetrators, injuries, witnesses, evidence, any account)
 * reads as WITHHELD_TEXT. So do the typed values of the facts that would quote its testimony: the complaints about
 * it (pressure, answer, withdrawal) and the reasons of retractions of any of these. The filing of a complaint (to
 * whom, its reference) is an official act and stays. A value already erased stays `[erased]`. Facts untouched are
 * the same objects.
 */
export function withholdTestimony(facts: readonly CaseFact[], readable: ReadonlySet<Consent>): readonly CaseFact[] {
  const allegations = new Set<string>();
  for (const { event } of facts) {
    if (event.type === 'TortureAllegationRecorded' && !isReadable(event.data.consent, readable)) {
      allegations.add(event.data.allegationId);
    }
  }
  if (allegations.size === 0) return facts;
  const complaints = new Set<string>();
  for (const { event } of facts) {
    if (event.type === 'ComplaintFiled' && event.data.allegationId && allegations.has(event.data.allegationId)) {
      complaints.add(event.data.complaintId);
    }
  }
  const tied = (event: CaseEvent): boolean =>
    (event.type === 'TortureAllegationRecorded' && allegations.has(event.data.allegationId)) ||
    ('complaintId' in event.data && complaints.has(event.data.complaintId));
  const tiedIds = new Set(facts.filter((f) => tied(f.event)).map((f) => f.meta.eventId));
  return facts.map((fact) => {
    const { event } = fact;
    if (event.type === 'TortureAllegationRecorded' && allegations.has(event.data.allegationId)) {
      return { ...fact, event: withholdAllegation(event) };
    }
    const retractsTied = event.type === 'FactRetracted' && tiedIds.has(event.data.eventId);
    if (!retractsTied && !tiedIds.has(fact.meta.eventId)) return fact;
    const withheld = withholdSensitive(event);
    return withheld === event ? fact : { ...fact, event: withheld };
  });
}

function withholdAllegation<E extends CaseEvent>(event: E): E {
  const data = Object.fromEntries(
    Object.entries(event.data).map(([key, value]) => [key, NOT_TESTIMONY.has(key) ? value : withhold(value)]),
  );
  return { ...event, data } as E;
}

/** The event with its sensitive fields withheld; the event itself when it has none. */
function withholdSensitive<E extends CaseEvent>(event: E): E {
  const data = copyJson(event.data) as unknown;
  let changed = false;
  forEachSensitiveField(event.type, data, (parent, key) => {
    parent[key] = withhold(parent[key]);
    changed = true;
  });
  return changed ? ({ ...event, data } as E) : event;
}

/** Every string of the value withheld, its shape kept: a reader sees that something was recorded, not what. */
function withhold(value: unknown): unknown {
  if (typeof value === 'string') return value === ERASED_TEXT ? value : WITHHELD_TEXT;
  if (Array.isArray(value)) return value.map(withhold);
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, withhold(item)]));
  }
  return value;
}
