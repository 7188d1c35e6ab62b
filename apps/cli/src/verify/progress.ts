/** Where progress goes: stderr, or anything with `write` in a test. */
export interface ProgressOutput {
  write(text: string): unknown;
  isTTY?: boolean;
}

/**
 * A one-line progress bar on stderr: done/total, percent and rate. On a terminal the line is redrawn in place (at
 * most ten times a second); in a log file or a CI job, where carriage returns pile up, one line per 10 % instead.
 */
export class ProgressBar {
  private done = 0;
  private readonly started = performance.now();
  private lastDraw = 0;
  private lastStep = -1;

  constructor(
    private readonly total: number,
    private readonly label: string,
    private readonly out: ProgressOutput = process.stderr,
  ) {}

  advance(count: number): void {
    this.done += count;
    if (this.out.isTTY) {
      const now = performance.now();
      if (now - this.lastDraw < 100 && this.done < this.total) return;
      this.lastDraw = now;
      this.out.write(`\r${this.line()}`);
      return;
    }
    const step = this.total === 0 ? 10 : Math.floor((this.done / this.total) * 10);
    if (step > this.lastStep) {
      this.lastStep = step;
      this.out.write(`${this.line()}\n`);
    }
  }

  finish(): void {
    if (this.out.isTTY) this.out.write(`\r${this.line()}\n`);
    else if (this.lastStep < 10) this.out.write(`${this.line()}\n`);
  }

  private line(): string {
    const ratio = this.total === 0 ? 1 : Math.min(1, this.done / this.total);
    const width = 30;
    const filled = Math.round(ratio * width);
    const seconds = (performance.now() - this.started) / 1000;
    const rate = seconds > 0 ? Math.round(this.done / seconds) : 0;
    const bar = `${'#'.repeat(filled)}${'.'.repeat(width - filled)}`;
    return `${this.label} [${bar}] ${this.done}/${this.total} ${(ratio * 100).toFixed(1)}% ${rate} events/s`;
  }
}
