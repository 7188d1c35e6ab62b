/** Latency statistics for the benchmark's table. */
export interface Latency {
  runs: number;
  p50: number;
  p99: number;
}

export function latency(samples: number[]): Latency {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (p: number): number => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))];
  return { runs: sorted.length, p50: at(0.5), p99: at(0.99) };
}

/** The middle value (the mean of the two middle ones for an even count). */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Runs `op` `runs` times in a row and returns the milliseconds of each. */
export async function timeRuns(runs: number, op: (i: number) => Promise<unknown>): Promise<Latency> {
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await op(i);
    samples.push(performance.now() - t0);
  }
  return latency(samples);
}

/** A progress line every `every` units, with the rate so far. */
export function progressLine(label: string, total: number, unit: string, every: number): (n: number) => void {
  const started = performance.now();
  let done = 0;
  let printed = 0;
  return (n) => {
    done += n;
    if (done - printed < every && done < total) return;
    printed = done;
    const rate = done / Math.max((performance.now() - started) / 1000, 1e-3);
    process.stderr.write(`  ${label}: ${done}/${total} ${unit} (${Math.round(rate)} ${unit}/s)\n`);
  };
}
