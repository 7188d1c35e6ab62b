/** Where progress goes: stderr, or anything with `write` in a test. */
export interface ProgressOutput {
  write(text: string): unknown;
  isTTY?: boolean;
}

/** What the rates count: the bar's own unit and, when there is one, a second count that has no total. */
export interface ProgressUnits {
  unit: string;
  also?: string;
}

const WIDTH = 30;

/**
 * The one progress bar of every long-running command (verify, rebuild, seed, event-store:copy), on stderr so that
 * stdout keeps only the result: done/total, percent and rates. On a terminal the line is redrawn in place (at most
 * ten times a second); in a log file or a CI job, where carriage returns pile up, there is no bar to redraw, only a
 * line at every 10 %.
 */
export class ProgressBar {
  private count = 0;
  private alsoCount = 0;
  private readonly started = performance.now();
  private lastDraw = Number.NEGATIVE_INFINITY;
  private lastStep = -1;

  constructor(
    private readonly total: number,
    private readonly label: string,
    private readonly out: ProgressOutput = process.stderr,
    private readonly units: ProgressUnits = { unit: 'events' },
  ) {}

  /** `count` more of the total done, and `also` more of the second count. */
  advance(count: number, also = 0): void {
    this.count += count;
    this.alsoCount += also;
    if (this.out.isTTY) {
      const now = performance.now();
      if (now - this.lastDraw < 100 && this.count < this.total) return;
      this.lastDraw = now;
      this.out.write(`\r${this.line()}`);
      return;
    }
    const step = this.total === 0 ? 10 : Math.floor((this.count / this.total) * 10);
    if (step > this.lastStep) {
      this.lastStep = step;
      this.out.write(`${this.line()}\n`);
    }
  }

  /** Ends the bar's line; without a terminal, writes the last line when the 100 % one was not written yet. */
  finish(): void {
    if (this.out.isTTY) this.out.write(`\r${this.line()}\n`);
    else if (this.lastStep < 10) this.out.write(`${this.line()}\n`);
  }

  get done(): number {
    return this.count;
  }

  get alsoDone(): number {
    return this.alsoCount;
  }

  get seconds(): number {
    return (performance.now() - this.started) / 1000;
  }

  private line(): string {
    const ratio = this.total === 0 ? 1 : Math.min(1, this.count / this.total);
    const filled = Math.round(ratio * WIDTH);
    const seconds = Math.max(this.seconds, 1e-3);
    const rate = (n: number, unit: string): string => ` ${Math.round(n / seconds)} ${unit}/s`;
    const also = this.units.also === undefined ? '' : rate(this.alsoCount, this.units.also);
    return (
      `${this.label} [${'#'.repeat(filled)}${'.'.repeat(WIDTH - filled)}] ${this.count}/${this.total} ` +
      `${(ratio * 100).toFixed(1)}%${rate(this.count, this.units.unit)}${also}`
    );
  }
}
