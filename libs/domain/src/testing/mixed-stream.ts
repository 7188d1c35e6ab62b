import type { CaseEvent, CaseFact, Instant } from '../events/case-events';
import {
  FACILITY_KINDS,
  MEASURES,
  MEDICAL_KINDS,
  SANCTION_KINDS,
  SENTENCE_KINDS,
  VERDICT_OUTCOMES,
} from '../values/vocabularies';
import { allegation, complaintFiled, opened } from './fixtures';

/**
 * A long case made of every kind of fact, drawn from a seeded generator so that a failure can be replayed: custody
 * moves, measures, hearings and charges and their changes, complaints, access denied and granted, identity
 * corrections, lawyers coming and going, about one fact in five recorded late (it happened up to three days before
 * the facts around it) and about one in twelve a retraction of an earlier fact. No death and no erasure: both end
 * what a case can still record.
 */
export function mixedStream(length: number, seed: number): CaseFact[] {
  const random = seeded(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
  const ids = { hearings: [] as string[], charges: [] as string[], complaints: [] as string[] };
  const lawyers = ['lawyer-1', 'lawyer-2', 'lawyer-3'];
  const facts: CaseFact[] = [];
  const hour = (n: number): Instant => new Date(Date.UTC(2022, 0, 5) + n * 3_600_000).toISOString();

  const draw = (n: number): CaseEvent => {
    const roll = random();
    if (roll < 0.08 && facts.length > 1) {
      const target = facts[1 + Math.floor(random() * (facts.length - 1))];
      return { type: 'FactRetracted', data: { eventId: target.meta.eventId, reason: 'recorded on the wrong case' } };
    }
    switch (Math.floor(random() * 24)) {
      case 0:
        return { type: 'DetentionRecorded', data: { city: 'Almaty', place: `Square ${n}`, authority: 'police' } };
      case 1:
        return { type: 'WhereaboutsUnknownReported', data: { reportedBy: 'relative' } };
      case 2:
        return {
          type: 'DetaineeTransferred',
          data: { facility: { name: `F-${n}`, city: 'Almaty', kind: pick(FACILITY_KINDS) } },
        };
      case 3:
        return random() < 0.5
          ? { type: 'AdministrativeSanctionImposed', data: { kind: 'arrest', days: 1 + Math.floor(random() * 15) } }
          : { type: 'AdministrativeSanctionImposed', data: { kind: pick(SANCTION_KINDS) } };
      case 4:
        return { type: 'PreventiveMeasureImposed', data: { measure: pick(MEASURES), until: hour(n + 1_000) } };
      case 5:
        return { type: 'PreventiveMeasureExtended', data: { until: hour(n + 2_000) } };
      case 6:
        return random() < 0.5
          ? { type: 'ReleasedToHouseArrest', data: { until: hour(n + 500) } }
          : { type: 'Released', data: { grounds: 'amnesty' } };
      case 7:
        return { type: 'MedicalFactRecorded', data: { kind: pick(MEDICAL_KINDS), details: 'insulin' } };
      case 8: {
        const outcome = pick(VERDICT_OUTCOMES);
        const sentence = { kind: pick(SENTENCE_KINDS), months: 12 };
        return { type: 'VerdictDelivered', data: outcome === 'convicted' ? { outcome, sentence } : { outcome } };
      }
      case 9: {
        const hearingId = `h${n}`;
        ids.hearings.push(hearingId);
        return {
          type: 'HearingScheduled',
          data: { hearingId, kind: 'appeal', court: 'city court', scheduledAt: hour(n) },
        };
      }
      case 10:
        return ids.hearings.length === 0
          ? { type: 'NoteAdded', data: { text: `note ${n}` } }
          : { type: 'HearingRescheduled', data: { hearingId: pick(ids.hearings), scheduledAt: hour(n + 48) } };
      case 11:
        return ids.hearings.length === 0
          ? { type: 'NoteAdded', data: { text: `note ${n}` } }
          : random() < 0.5
            ? { type: 'HearingHeld', data: { hearingId: pick(ids.hearings), outcome: 'adjourned' } }
            : { type: 'HearingCancelled', data: { hearingId: pick(ids.hearings), reason: 'judge ill' } };
      case 12: {
        const chargeId = `c${n}`;
        ids.charges.push(chargeId);
        return { type: 'ChargeBrought', data: { chargeId, code: 'criminal', article: '272', part: '2' } };
      }
      case 13:
        return ids.charges.length === 0
          ? { type: 'NoteAdded', data: { text: `note ${n}` } }
          : random() < 0.6
            ? { type: 'ChargeRequalified', data: { chargeId: pick(ids.charges), article: `${300 + n}` } }
            : { type: 'ChargeDropped', data: { chargeId: pick(ids.charges), reason: 'no evidence' } };
      case 14:
        return { type: 'AccessDenied', data: { who: pick(['lawyer', 'relatives', 'doctor'] as const) } };
      case 15:
        return { type: 'AccessGranted', data: { who: pick(['lawyer', 'relatives', 'doctor'] as const) } };
      case 16:
        return random() < 0.6
          ? { type: 'LawyerAssigned', data: { lawyerId: pick(lawyers), role: 'lead' } }
          : { type: 'LawyerUnassigned', data: { lawyerId: pick(lawyers) } };
      case 17:
        return random() < 0.5
          ? { type: 'IdentityCorrected', data: { fullName: `Zholatov ${n % 3}` } }
          : { type: 'NameVariantsAdded', data: { variants: [`Variant ${n % 5}`] } };
      case 18:
        return allegation(`a${n}`);
      case 19: {
        const complaintId = `k${n}`;
        ids.complaints.push(complaintId);
        return complaintFiled(complaintId);
      }
      case 20: {
        if (ids.complaints.length === 0) return { type: 'PressureReported', data: { details: 'threats' } };
        const complaintId = pick(ids.complaints);
        const which = random();
        if (which < 0.4) return { type: 'ComplaintAnswered', data: { complaintId, outcome: 'refused' } };
        if (which < 0.8) return { type: 'ComplainantPressured', data: { complaintId, details: 'summoned' } };
        return { type: 'ComplaintWithdrawn', data: { complaintId, reason: 'pressure' } };
      }
      case 21:
        return random() < 0.5
          ? { type: 'CaseLinked', data: { caseId: `case-${n}`, relation: 'same_incident' } }
          : { type: 'CaseClosed', data: { reason: 'quiet' } };
      case 22:
        return { type: 'CaseReopened', data: { reason: 'news' } };
      default:
        return { type: 'NoteAdded', data: { text: `note ${n}` } };
    }
  };

  for (let n = 0; n < length; n += 1) {
    const version = n + 1;
    const late = n > 0 && random() < 0.2;
    const occurredAt = hour(n - (late ? Math.floor(random() * 72) : 0));
    const dayOnly = random() < 0.1;
    facts.push({
      event: n === 0 ? opened() : draw(n),
      meta: {
        eventId: `e${version}`,
        version,
        occurredAt,
        occurredAtPrecision: dayOnly ? 'day' : 'exact',
        ...(dayOnly ? { occurredOn: occurredAt.slice(0, 10) } : {}),
        recordedAt: hour(n),
        actorId: 'user-1',
        actorRole: 'lawyer',
      },
    });
  }
  return facts;
}

/** mulberry32: small, fast, and the same sequence on every machine for a seed. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}
