import { barProgress, lineProgress } from '../../src/cohort/progress.js';

describe('lineProgress', () => {
  it('should print a line per tenth of the sources, not one per source', () => {
    const lines: string[] = [];
    const progress = lineProgress(200, (text) => lines.push(text));
    for (let i = 0; i < 200; i++) progress.tick();
    progress.stop();
    expect(lines).toHaveLength(10);
    expect(lines[0]).toBe('report-check: 20 of 200 sources read (10%)\n');
    expect(lines[9]).toBe('report-check: 200 of 200 sources read (100%)\n');
  });

  it('should report every source of a small cohort', () => {
    const lines: string[] = [];
    const progress = lineProgress(3, (text) => lines.push(text));
    for (let i = 0; i < 3; i++) progress.tick();
    expect(lines).toEqual([
      'report-check: 1 of 3 sources read (33%)\n',
      'report-check: 2 of 3 sources read (66%)\n',
      'report-check: 3 of 3 sources read (100%)\n',
    ]);
  });
});

describe('barProgress', () => {
  it('should start the bar at 0 of the total, step it per source and stop it', () => {
    const calls: string[] = [];
    const progress = barProgress(2, {
      start: (total, value) => calls.push(`start ${total} ${value}`),
      increment: () => calls.push('increment'),
      stop: () => calls.push('stop'),
    });
    progress.tick();
    progress.tick();
    progress.stop();
    expect(calls).toEqual(['start 2 0', 'increment', 'increment', 'stop']);
  });
});
