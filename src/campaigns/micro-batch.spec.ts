import { MicroBatch } from './micro-batch';

describe(MicroBatch.name, () => {
  it('runs calls of one turn together and answers each caller with its own result', async () => {
    const runs: number[][] = [];
    const batch = new MicroBatch((items: number[]) => {
      runs.push(items);
      return Promise.resolve(items.map((n) => n * 2));
    });
    const results = await Promise.all([1, 2, 3].map((n) => batch.call(n)));
    expect(results).toEqual([2, 4, 6]);
    expect(runs).toEqual([[1, 2, 3]]);
    expect(await batch.call(4)).toBe(8);
    expect(runs).toEqual([[1, 2, 3], [4]]);
  });

  it('splits at the maximum size and passes a failure to every caller of that batch', async () => {
    const sizes: number[] = [];
    const batch = new MicroBatch((items: number[]) => {
      sizes.push(items.length);
      return items.includes(3) ? Promise.reject(new Error('boom')) : Promise.resolve(items);
    }, 2);
    const settled = await Promise.allSettled([1, 2, 3, 4].map((n) => batch.call(n)));
    expect(sizes).toEqual([2, 2]);
    expect(settled.map((s) => s.status)).toEqual(['fulfilled', 'fulfilled', 'rejected', 'rejected']);
  });
});
