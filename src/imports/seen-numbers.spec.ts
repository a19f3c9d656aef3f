import { SeenNumbers } from './seen-numbers';

describe(SeenNumbers.name, () => {
  it('always recognises a number it has seen', () => {
    const seen = new SeenNumbers(20);
    for (let i = 0; i < 20000; i++) seen.addAndCheck(`K${i}`);
    for (let i = 0; i < 20000; i++) expect(seen.addAndCheck(`K${i}`)).toBe(true);
  });

  it('rarely mistakes a new number for a seen one at import sizes', () => {
    const seen = new SeenNumbers();
    for (let i = 0; i < 1_000_000; i++) seen.addAndCheck(`B${String(i).padStart(9, '0')}`);
    let falseAlarms = 0;
    for (let i = 0; i < 100_000; i++) if (seen.addAndCheck(`C${String(i).padStart(9, '0')}`)) falseAlarms++;
    expect(falseAlarms).toBeLessThan(10);
  });
});
