import { mapInOrder } from './in-order';

/** A promise settled from outside, so a test decides the order in which work finishes. */
function gate<T>(): { promise: Promise<T>; open: (value: T) => void; fail: (error: Error) => void } {
  let open!: (value: T) => void;
  let fail!: (error: Error) => void;
  const promise = new Promise<T>((resolve, reject) => {
    open = resolve;
    fail = reject;
  });
  return { promise, open, fail };
}

const tick = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

describe('mapInOrder', () => {
  it('answers in the items’ order whatever order the work finishes in, at most `width` at a time', async () => {
    const gates = [0, 1, 2, 3, 4].map(() => gate<string>());
    const started: number[] = [];
    const answer = mapInOrder([0, 1, 2, 3, 4], 2, (n) => {
      started.push(n);
      return gates[n].promise;
    });
    await tick();
    expect(started).toEqual([0, 1]);
    // The second finishing first frees its slot at once: the third starts without waiting for the first.
    gates[1].open('b');
    await tick();
    expect(started).toEqual([0, 1, 2]);
    gates[2].open('c');
    gates[0].open('a');
    await tick();
    gates[3].open('d');
    gates[4].open('e');
    await expect(answer).resolves.toEqual(['a', 'b', 'c', 'd', 'e']);
  });

  it('starts nothing after a failure and passes it on once the work under way has finished', async () => {
    const gates = [0, 1, 2].map(() => gate<number>());
    const started: number[] = [];
    let settled = false;
    const answer = mapInOrder([0, 1, 2], 2, (n) => {
      started.push(n);
      return gates[n].promise;
    });
    void answer.then(
      () => (settled = true),
      () => (settled = true),
    );
    gates[0].fail(new Error('database away'));
    await tick();
    expect(started).toEqual([0, 1]);
    expect(settled).toBe(false);
    gates[1].open(1);
    await expect(answer).rejects.toThrow('database away');
    expect(started).toEqual([0, 1]);
  });

  it('answers an empty list with an empty list', async () => {
    await expect(mapInOrder([], 4, () => Promise.resolve(1))).resolves.toEqual([]);
  });
});
