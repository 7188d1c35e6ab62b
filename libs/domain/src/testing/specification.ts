import type { CaseCommand, DecisionContext } from '../commands/case-commands';
import type { CaseEvent, CaseEventType, CaseFact, FactMeta, Instant } from '../events/case-events';
import type { DomainErrorCode } from '../errors';
import { isDomainError } from '../errors';
import { decide } from '../deciders/decide';
import type { CaseState } from '../state/case-state';
import { foldFacts } from '../state/evolve';

/**
 * Given/when/then for the deciders and the fold, without I/O:
 *
 *   given(opened(), at(detained(), '2022-01-06T10:00:00Z'))
 *     .when({ type: 'Release', grounds: 'amnesty' })
 *     .then({ type: 'Released', data: { grounds: 'amnesty' } });
 *
 * Each given fact gets version = its position (from 1), eventId `e<version>`, and by default
 * occurredAt = BASE_TIME + version minutes, so stream order and time order agree unless a test says otherwise.
 */

export const BASE_TIME: Instant = '2022-01-05T00:00:00.000Z';
/** The server's clock in `when`, well after every default occurredAt. */
export const NOW: Instant = '2022-03-01T12:00:00.000Z';

/** A fact to be, with the metadata the test cares about. */
export interface GivenFact {
  readonly event: CaseEvent;
  readonly meta: Partial<FactMeta>;
}

export type Given = CaseEvent | GivenFact;

/** The event, as having occurred at `occurredAt`. */
export function at(event: CaseEvent, occurredAt: Instant, meta: Partial<FactMeta> = {}): GivenFact {
  return { event, meta: { ...meta, occurredAt } };
}

export function withMeta(event: CaseEvent, meta: Partial<FactMeta>): GivenFact {
  return { event, meta };
}

export function minutesAfterBase(minutes: number): Instant {
  return new Date(Date.parse(BASE_TIME) + minutes * 60_000).toISOString();
}

export function toFacts(given: readonly Given[]): CaseFact[] {
  return given.map((item, index) => {
    const { event, meta } = 'meta' in item ? item : { event: item, meta: {} };
    const version = meta.version ?? index + 1;
    const occurredAt = meta.occurredAt ?? minutesAfterBase(version);
    return {
      event,
      meta: {
        eventId: `e${version}`,
        occurredAtPrecision: 'exact',
        recordedAt: minutesAfterBase(version),
        actorId: 'user-1',
        actorRole: 'coordinator',
        ...meta,
        version,
        occurredAt,
      },
    };
  });
}

export function stateOf(...given: Given[]): CaseState {
  return foldFacts(toFacts(given));
}

export function context(overrides: Partial<DecisionContext> = {}): DecisionContext {
  return {
    now: NOW,
    occurredAt: overrides.now ?? NOW,
    occurredAtPrecision: 'exact',
    actor: { id: 'user-1', role: 'coordinator' },
    ...overrides,
  };
}

export interface Then {
  then(...events: CaseEvent[]): void;
  /** Only the type of the single event, when its data is not the point of the test. */
  thenEmits(type: CaseEventType): void;
  thenError(code: DomainErrorCode): void;
}

export function given(...facts: Given[]): { when(command: CaseCommand, ctx?: Partial<DecisionContext>): Then } {
  return {
    when(command, ctx = {}) {
      const result = decide(command, stateOf(...facts), context(ctx));
      return {
        then(...events) {
          if (isDomainError(result)) throw new Error(`Expected events, got ${result.code}: ${result.message}`);
          expect(result).toStrictEqual(events);
          // Events are stored as JSON; what goes in must come back equal.
          expect(JSON.parse(JSON.stringify(result))).toStrictEqual(result);
        },
        thenEmits(type) {
          if (isDomainError(result)) throw new Error(`Expected ${type}, got ${result.code}: ${result.message}`);
          expect(result.map((e) => e.type)).toEqual([type]);
        },
        thenError(code) {
          if (!isDomainError(result)) throw new Error(`Expected ${code}, got events ${JSON.stringify(result)}`);
          expect(result.code).toBe(code);
        },
      };
    },
  };
}
