import { randomUUID } from 'node:crypto';
import { type CaseFact, type CaseState, decide, evolve, initialCaseState, isDomainError } from '@casetrack/domain';
import { caseStreamId, type EventStore, type NewEvent, toNewCaseEvent } from '@casetrack/event-store';
import { caseStory, type ReportedPerson } from '../../../apps/cli/src/seed/case-story';
import { spellings } from '../../../apps/cli/src/seed/invented-names';
import { Random } from '../../../apps/cli/src/seed/random';

export interface GeneratedFeed {
  cases: number;
  events: number;
  /** Latin spellings of people whose case was opened under their Cyrillic name: what the name search looks for. */
  latinQueries: string[];
}

export interface GenerateOptions {
  targetEvents: number;
  /** Cases written together; their events interleave in the feed, as in a real week of reports. */
  window: number;
  concurrency: number;
  onProgress: (events: number) => void;
}

const ACTOR = { id: randomUUID(), role: 'coordinator' as const };

/**
 * Realistic events, fast: each case's story (the seed's generator) is decided by the real pure deciders and folded,
 * exactly as the command handler would, but without a read per write; the events are then appended in a few
 * multi-event appends per case, the cases of a window interleaved, so the feed mixes many cases per batch.
 */
export async function generateFeed(store: EventStore, options: GenerateOptions): Promise<GeneratedFeed> {
  const random = new Random(20_220_105);
  const now = Date.now();
  const ctx = { random, now, protestsBegan: now - 120 * 86_400_000, newId: randomUUID, lawyerIds: [] };
  const reported: ReportedPerson[] = [];
  const feed: GeneratedFeed = { cases: 0, events: 0, latinQueries: [] };
  while (feed.events < options.targetEvents) {
    const window: Array<{ caseId: string; events: NewEvent[] }> = [];
    for (let i = 0; i < options.window && feed.events < options.targetEvents; i++) {
      const again = reported.length > 0 && random.chance(0.04) ? random.pick(reported) : undefined;
      const story = caseStory(ctx, again);
      if (!again) reported.push(story.reported);
      if (reported.length > 5_000) reported.shift();
      const events = decideStory(story.steps, now);
      if (events.length === 0) continue;
      const opened = story.steps[0].command;
      if (opened.type === 'OpenCase' && /[а-яәғқңөұүһі]/i.test(opened.detainee.fullName)) {
        if (feed.latinQueries.length < 1_000) feed.latinQueries.push(spellings(story.reported.person, random)[0]);
      }
      window.push({ caseId: randomUUID(), events });
      feed.cases += 1;
      feed.events += events.length;
    }
    await appendInterleaved(store, window, random, options);
  }
  return feed;
}

/** The events the deciders produce for a story; a step the rules refuse is left out, as the API would refuse it. */
function decideStory(steps: ReadonlyArray<{ command: Parameters<typeof decide>[0]; occurredAt: string }>, now: number) {
  let state: CaseState = initialCaseState;
  const events: NewEvent[] = [];
  for (const step of steps) {
    const decision = decide(step.command, state, {
      now: new Date(now).toISOString(),
      occurredAt: step.occurredAt,
      occurredAtPrecision: 'exact',
      actor: ACTOR,
    });
    if (isDomainError(decision)) continue;
    for (const event of decision) {
      const meta = {
        actorId: ACTOR.id,
        actorRole: ACTOR.role,
        correlationId: randomUUID(),
        causationId: null,
        occurredAt: step.occurredAt,
        occurredAtPrecision: 'exact',
      };
      const stored = toNewCaseEvent(randomUUID(), event, meta);
      const fact: CaseFact = {
        event,
        meta: {
          ...meta,
          eventId: stored.eventId,
          version: state.version + 1,
          recordedAt: new Date(now).toISOString(),
          actorRole: ACTOR.role,
          occurredAtPrecision: 'exact',
        },
      };
      state = evolve(state, fact);
      events.push(stored);
    }
  }
  return events;
}

/** Round r appends the r-th chunk (4 to 12 events) of every case of the window, `concurrency` appends at a time. */
async function appendInterleaved(
  store: EventStore,
  window: ReadonlyArray<{ caseId: string; events: NewEvent[] }>,
  random: Random,
  options: GenerateOptions,
): Promise<void> {
  const written = new Map<string, number>();
  for (;;) {
    const round = window.filter((c) => (written.get(c.caseId) ?? 0) < c.events.length);
    if (round.length === 0) return;
    let next = 0;
    const worker = async (): Promise<void> => {
      while (next < round.length) {
        const { caseId, events } = round[next++];
        const from = written.get(caseId) ?? 0;
        const chunk = events.slice(from, from + random.int(4, 12));
        await store.append(caseStreamId(caseId), chunk, from === 0 ? 'no_stream' : from);
        written.set(caseId, from + chunk.length);
        options.onProgress(chunk.length);
      }
    };
    await Promise.all(Array.from({ length: options.concurrency }, worker));
  }
}
