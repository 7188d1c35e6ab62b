import { type ProgressOutput, ProgressBar } from './progress-bar';

/** Collects what the bar writes; a terminal or not, as asked. */
function output(isTTY: boolean): ProgressOutput & { text: string } {
  return {
    isTTY,
    text: '',
    write(chunk: string) {
      this.text += chunk;
    },
  };
}

describe('ProgressBar', () => {
  it('writes no bar to redraw where stderr is not a terminal: a line at every 10 %, none twice', () => {
    const out = output(false);
    const bar = new ProgressBar(1_000, 'verify', out);
    for (let i = 0; i < 1_000; i++) bar.advance(1);
    bar.finish();
    expect(out.text).not.toContain('\r');
    const lines = out.text.trimEnd().split('\n');
    expect(lines).toHaveLength(11);
    expect(lines[0]).toMatch(/^verify \[\.{30}\] 1\/1000 0\.1% \d+ events\/s$/);
    expect(lines[5]).toMatch(/^verify \[#{15}\.{15}\] 500\/1000 50\.0% /);
    expect(lines[10]).toMatch(/^verify \[#{30}\] 1000\/1000 100\.0% \d+ events\/s$/);
  });

  it('writes the last line at the end when the count fell short of the total (an estimate)', () => {
    const out = output(false);
    const bar = new ProgressBar(100, 'rebuild', out);
    bar.advance(95);
    bar.finish();
    expect(
      out.text
        .trimEnd()
        .split('\n')
        .map((line) => line.split(' ')[2]),
    ).toEqual(['95/100', '95/100']);
  });

  it('redraws one line in place on a terminal and ends it with a newline', () => {
    const out = output(true);
    const bar = new ProgressBar(3, 'copy', out);
    bar.advance(1);
    bar.advance(2);
    bar.finish();
    expect(out.text.startsWith('\rcopy [##########....................] 1/3 33.3% ')).toBe(true);
    expect(out.text.split('\n')).toEqual([expect.stringMatching(/\rcopy \[#{30}\] 3\/3 100\.0% \d+ events\/s$/), '']);
  });

  it("counts the seed's cases against their total and its events as a second rate, and keeps both counts", () => {
    const out = output(false);
    const bar = new ProgressBar(2, 'seed', out, { unit: 'cases', also: 'events' });
    bar.advance(1, 7);
    bar.advance(1, 5);
    expect(out.text.trimEnd().split('\n').at(-1)).toMatch(/^seed \[#{30}\] 2\/2 100\.0% \d+ cases\/s \d+ events\/s$/);
    expect([bar.done, bar.alsoDone]).toEqual([2, 12]);
  });

  it('shows an empty total as done', () => {
    const out = output(false);
    new ProgressBar(0, 'verify', out).finish();
    expect(out.text).toMatch(/^verify \[#{30}\] 0\/0 100\.0% 0 events\/s\n$/);
  });
});
