import type { KnownFact } from './case-state';
import { FactIndex } from './fact-index';

const known = (version: number): KnownFact => ({
  type: 'NoteAdded',
  version,
  occurredAt: '2024-01-01T00:00:00.000Z',
  retracted: false,
});

describe('FactIndex', () => {
  it('each index sees the entries it was grown with, and none added after it', () => {
    const one = FactIndex.empty.with('a', known(1));
    const two = one.with('b', known(2));
    const three = two.with('c', known(3));
    expect(FactIndex.empty.size).toBe(0);
    expect(FactIndex.empty.get('a')).toBeUndefined();
    expect(one.get('a')).toEqual(known(1));
    expect(one.has('b')).toBe(false);
    expect(two.has('c')).toBe(false);
    expect([...three.entries()].map(([id]) => id)).toEqual(['a', 'b', 'c']);
    expect(two.toJSON()).toEqual({ a: known(1), b: known(2) });
  });

  it('two facts added to one held index give two indices that do not see each other', () => {
    const base = FactIndex.of([
      ['a', known(1)],
      ['b', known(2)],
    ]);
    const left = base.with('left', known(3));
    const right = base.with('right', known(3));
    const leftThen = left.with('next', known(4));
    const rightThen = right.with('next', known(5));
    expect(left.has('right')).toBe(false);
    expect(right.has('left')).toBe(false);
    expect(leftThen.get('next')?.version).toBe(4);
    expect(rightThen.get('next')?.version).toBe(5);
    expect(left.has('next')).toBe(false);
    expect(base.toJSON()).toEqual({ a: known(1), b: known(2) });
    expect([...rightThen.entries()].map(([id]) => id)).toEqual(['a', 'b', 'right', 'next']);
  });

  it('refuses a fact it holds already, and keeps the first place of an id given twice to `of`', () => {
    const index = FactIndex.of([
      ['a', known(1)],
      ['b', known(2)],
      ['a', { ...known(1), retracted: true }],
    ]);
    expect(index.size).toBe(2);
    expect(index.get('a')?.retracted).toBe(true);
    expect([...index.values()].map((k) => k.version)).toEqual([1, 2]);
    expect(() => index.with('b', known(3))).toThrow();
  });

  it('an index of distinct ids answers lookups, grows, and branches as one built entry by entry', () => {
    const base = FactIndex.ofDistinct(['a', 'b'], [known(1), known(2)]);
    expect([...base.entries()].map(([id]) => id)).toEqual(['a', 'b']);
    const grown = base.with('c', known(3));
    const branch = base.with('d', known(4));
    expect(base.has('c')).toBe(false);
    expect(grown.get('b')).toEqual(known(2));
    expect(grown.has('d')).toBe(false);
    expect(branch.get('d')).toEqual(known(4));
    expect(branch.toJSON()).toEqual({ a: known(1), b: known(2), d: known(4) });
    expect(() => grown.with('a', known(5))).toThrow();
  });

  it('serialises as the record it stands for', () => {
    const index = FactIndex.empty.with('a', known(1)).with('b', known(2));
    expect(JSON.parse(JSON.stringify({ factIds: index }))).toEqual({ factIds: { a: known(1), b: known(2) } });
  });
});
