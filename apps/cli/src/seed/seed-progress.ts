import type { ProgressOutput } from '../verify/progress';

/**
 * One line of progress for the seed: cases done of the total, with cases/s and events/s. Redrawn in place on a
 * terminal; one line per 10 % elsewhere (a CI log).
 */
export class SeedProgress {
  cases = 0;
  events = 0;
  private readonly started = performance.now();
  private lastDraw = 0;
  private lastStep = -1;

  constructor(
    private readonly total: number,
    private readonly out: ProgressOutput = process.stderr,
  ) {}

  caseDone(events: number): void {
    this.cases += 1;
    this.events += events;
    if (this.out.isTTY) {
      const now = performance.now();
      if (now - this.lastDraw < 100 && this.cases < this.total) return;
      this.lastDraw = now;
      this.out.write(`\r${this.line()}`);
      return;
    }
    const step = Math.floor((this.cases / Math.max(1, this.total)) * 10);
    if (step > this.lastStep) {
      this.lastStep = step;
      this.out.write(`${this.line()}\n`);
    }
  }

  finish(): void {
    if (this.out.isTTY) this.out.write(`\r${this.line()}\n`);
  }

  get seconds(): number {
    return (performance.now() - this.started) / 1000;
  }

  private line(): string {
    const ratio = this.total === 0 ? 1 : Math.min(1, this.cases / this.total);
    const filled = Math.round(ratio * 30);
    const s = Math.max(this.seconds, 1e-3);
    return (
      `seed [${'#'.repeat(filled)}${'.'.repeat(30 - filled)}] ${this.cases}/${this.total} ` +
      `${(ratio * 100).toFixed(1)}% ${Math.round(this.cases / s)} cases/s ${Math.round(this.events / s)} events/s`
    );
  }
}
