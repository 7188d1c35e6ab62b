/**
 * `work` on every item, at most `width` at a time, the answers in the items' order. A slot is taken up again as soon
 * as its item is done (no window waits for its slowest), and after a failure no further item is started; the
 * failure is passed on once the items under way have finished, so that none keeps running unseen.
 */
export async function mapInOrder<T, R>(
  items: readonly T[],
  width: number,
  work: (item: T) => Promise<R>,
): Promise<R[]> {
  const answers = new Array<R>(items.length);
  let next = 0;
  let failure: { reason: unknown } | null = null;
  const slot = async (): Promise<void> => {
    while (failure === null && next < items.length) {
      const index = next++;
      try {
        answers[index] = await work(items[index]);
      } catch (error) {
        failure ??= { reason: error };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(width, items.length) }, slot));
  if (failure !== null) throw (failure as { reason: unknown }).reason;
  return answers;
}
