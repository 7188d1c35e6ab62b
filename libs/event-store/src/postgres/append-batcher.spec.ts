import { AppendBatcher, type Settled } from './append-batcher';

/** A flush that records what it was given and finishes only when the test says so. */
function controlledFlush() {
  const flushes: string[][] = [];
  const finishers: Array<() => void> = [];
  const flush = (items: string[]): Promise<Array<Settled<string>>> => {
    flushes.push(items);
    return new Promise((resolve) => {
      finishers.push(() =>
        resolve(
          items.map((item) =>
            item.startsWith('bad') ? { ok: false, error: new Error(item) } : { ok: true, value: `${item}!` },
          ),
        ),
      );
    });
  };
  return { flushes, flush, finishNext: () => finishers.shift()?.() };
}

const tick = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

describe('AppendBatcher', () => {
  it('sends a lone submission at once, on its own', async () => {
    const f = controlledFlush();
    const batcher = new AppendBatcher(f.flush, { maxInFlight: 2, maxBatch: 10 });
    const done = batcher.submit('s1', 'a');
    expect(f.flushes).toEqual([['a']]);
    f.finishNext();
    await expect(done).resolves.toBe('a!');
  });

  it('groups what arrives while the in-flight limit is reached into the next flush', async () => {
    const f = controlledFlush();
    const batcher = new AppendBatcher(f.flush, { maxInFlight: 1, maxBatch: 10 });
    const results = ['a', 'b', 'c', 'd'].map((item, i) => batcher.submit(`s${i}`, item));
    expect(f.flushes).toEqual([['a']]);
    f.finishNext();
    await tick();
    expect(f.flushes).toEqual([['a'], ['b', 'c', 'd']]);
    f.finishNext();
    await expect(Promise.all(results)).resolves.toEqual(['a!', 'b!', 'c!', 'd!']);
  });

  it('never puts one key twice in a flush, and keeps each key in submission order', async () => {
    const f = controlledFlush();
    const batcher = new AppendBatcher(f.flush, { maxInFlight: 1, maxBatch: 10 });
    const results = [
      batcher.submit('x', 'x1'),
      batcher.submit('x', 'x2'),
      batcher.submit('y', 'y1'),
      batcher.submit('x', 'x3'),
    ];
    f.finishNext();
    await tick();
    expect(f.flushes).toEqual([['x1'], ['x2', 'y1']]);
    f.finishNext();
    await tick();
    expect(f.flushes).toEqual([['x1'], ['x2', 'y1'], ['x3']]);
    f.finishNext();
    await expect(Promise.all(results)).resolves.toEqual(['x1!', 'x2!', 'y1!', 'x3!']);
  });

  it('sends at most maxBatch submissions per flush', async () => {
    const f = controlledFlush();
    const batcher = new AppendBatcher(f.flush, { maxInFlight: 1, maxBatch: 2 });
    const results = ['a', 'b', 'c', 'd'].map((item, i) => batcher.submit(`s${i}`, item));
    for (let i = 0; i < 3; i += 1) {
      f.finishNext();
      await tick();
    }
    expect(f.flushes).toEqual([['a'], ['b', 'c'], ['d']]);
    await expect(Promise.all(results)).resolves.toHaveLength(4);
  });

  it('fails only the submissions whose own outcome is an error, and all of a flush that throws', async () => {
    const f = controlledFlush();
    const batcher = new AppendBatcher(f.flush, { maxInFlight: 1, maxBatch: 10 });
    const first = batcher.submit('s0', 'a');
    const good = batcher.submit('s1', 'b');
    const bad = batcher.submit('s2', 'bad-c');
    f.finishNext();
    await tick();
    f.finishNext();
    await expect(first).resolves.toBe('a!');
    await expect(good).resolves.toBe('b!');
    await expect(bad).rejects.toThrow('bad-c');

    const broken = new AppendBatcher<string, string>(() => Promise.reject(new Error('connection lost')), {
      maxInFlight: 1,
      maxBatch: 10,
    });
    const lost = [broken.submit('s0', 'a'), broken.submit('s1', 'b'), broken.submit('s2', 'c')];
    for (const submission of lost) await expect(submission).rejects.toThrow('connection lost');
  });
});
