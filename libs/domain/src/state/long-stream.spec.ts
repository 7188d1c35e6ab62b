import type { CaseFact } from '../events/case-events';
import { mixedStream } from '../testing/mixed-stream';
import { initialCaseState, type CaseState } from './case-state';
import { evolve, evolveAll, foldFacts } from './evolve';

/*
 * The fold builds each state in place on a private draft (case-draft.ts) so that a long stream folds in linear time.
 * These specs hold it to what callers rely on, on long streams of every kind of fact: folding one fact at a time
 * gives what folding the whole stream gives, and no fold ever changes a state it handed out earlier.
 */

const SEEDS = [1, 2, 3, 4, 5, 6, 7, 8];

/** The state with its fact index as the record it stands for, so that equality checks compare the index too. */
function plain(state: CaseState): object {
  return { ...state, factIds: state.factIds.toJSON() };
}

describe('folding a long stream of every kind of fact', () => {
  it.each(SEEDS)('one evolve per fact gives what foldFacts gives for the whole stream (seed %i)', (seed) => {
    const facts = mixedStream(400, seed);
    expect(plain(facts.reduce(evolve, initialCaseState))).toEqual(plain(foldFacts(facts)));
  });

  it('after every fact, the state evolved so far is the fold of the facts so far', () => {
    const facts = mixedStream(150, 42);
    let state = initialCaseState;
    facts.forEach((fact, i) => {
      state = evolve(state, fact);
      expect(plain(state)).toEqual(plain(foldFacts(facts.slice(0, i + 1))));
    });
  });

  it.each([3, 11])(
    'the stream holds late news and retractions, so both ways of folding are exercised (seed %i)',
    (seed) => {
      const facts = mixedStream(400, seed);
      const state = foldFacts(facts);
      expect([...state.factIds.values()].filter((known) => known.retracted).length).toBeGreaterThan(10);
      const late = facts.filter(
        (f, i) => i > 0 && Date.parse(f.meta.occurredAt) < Date.parse(facts[i - 1].meta.occurredAt),
      );
      expect(late.length).toBeGreaterThan(40);
      expect(state.notes.length + state.transfers.length + Object.keys(state.hearings).length).toBeGreaterThan(30);
    },
  );

  it.each(SEEDS.slice(0, 4))('folding the stream in batches of any size gives the same state (seed %i)', (seed) => {
    const facts = mixedStream(400, seed);
    let state = initialCaseState;
    for (let from = 0, size = 1; from < facts.length; from += size, size = (size * 7) % 53) {
      state = evolveAll(state, facts.slice(from, from + size));
    }
    expect(plain(state)).toEqual(plain(foldFacts(facts)));
  });

  it('a batch holding facts already folded skips them, as evolve does', () => {
    const facts = mixedStream(120, 12);
    const state = foldFacts(facts.slice(0, 80));
    expect(plain(evolveAll(state, facts))).toEqual(plain(foldFacts(facts)));
    expect(evolveAll(state, facts.slice(0, 80))).toBe(state);
    expect(evolveAll(state, [])).toBe(state);
  });

  it('folding an erasure last gives the same redacted state either way', () => {
    const facts = mixedStream(200, 9);
    const erased: CaseFact = {
      event: { type: 'CaseErased', data: { reason: 'request of the person' } },
      meta: { ...facts[facts.length - 1].meta, eventId: 'erasure', version: facts.length + 1 },
    };
    const all = [...facts, erased];
    expect(plain(all.reduce(evolve, initialCaseState))).toEqual(plain(foldFacts(all)));
  });
});

describe('no fold changes a state it handed out', () => {
  it.each(SEEDS.slice(0, 3))(
    'every state held along the way is unchanged at the end of the stream (seed %i)',
    (seed) => {
      const facts = mixedStream(200, seed);
      const held: Array<{ state: CaseState; json: string }> = [];
      let state = initialCaseState;
      for (const fact of facts) {
        state = evolve(state, fact);
        held.push({ state, json: JSON.stringify(state) });
      }
      const firstChanged = held.findIndex(({ state: kept, json }) => JSON.stringify(kept) !== json);
      expect(firstChanged).toBe(-1);
    },
  );

  it('two facts evolved onto the same held state give two states that share nothing they change', () => {
    const base = foldFacts(mixedStream(300, 5));
    const copy = structuredClone(base);
    const next = base.version + 1;
    const noteOn = (eventId: string, version: number, text: string): CaseFact => ({
      event: { type: 'NoteAdded', data: { text } },
      meta: { ...base.facts[base.facts.length - 1].meta, eventId, version },
    });
    const left = evolve(base, noteOn('left', next, 'left'));
    const right = evolve(base, noteOn('right', next, 'right'));
    expect(left.notes.at(-1)?.text).toBe('left');
    expect(right.notes.at(-1)?.text).toBe('right');
    expect(left.notes).toHaveLength(base.notes.length + 1);
    expect(right.notes).toHaveLength(base.notes.length + 1);
    expect(left.factIds.get('right')).toBeUndefined();
    expect(right.factIds.get('left')).toBeUndefined();
    expect(base).toEqual(copy);
  });

  it('a state held between two batches is unchanged by the batches after it', () => {
    const facts = mixedStream(300, 13);
    const held: Array<{ state: CaseState; json: string }> = [];
    let state = initialCaseState;
    for (let from = 0; from < facts.length; from += 25) {
      state = evolveAll(state, facts.slice(from, from + 25));
      held.push({ state, json: JSON.stringify(state) });
    }
    expect(held.findIndex(({ state: kept, json }) => JSON.stringify(kept) !== json)).toBe(-1);
  });

  it('a state folded from a whole stream is unchanged by the facts evolved onto it afterwards', () => {
    const facts = mixedStream(300, 6);
    const whole = foldFacts(facts.slice(0, 200));
    const copy = structuredClone(whole);
    const later = facts.slice(200).reduce(evolve, whole);
    expect(plain(later)).toEqual(plain(foldFacts(facts)));
    expect(whole).toEqual(copy);
  });
});
