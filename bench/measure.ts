import { Bench } from 'tinybench';

/** Returns the median time in milliseconds of `fn` over `iterations` runs, after one warm-up run. */
export async function medianMs(name: string, fn: () => unknown, iterations: number): Promise<number> {
  const bench = new Bench({ name, time: 0, iterations, warmup: true, warmupIterations: 1, warmupTime: 0 });
  bench.add(name, fn);
  await bench.run();
  const result = bench.tasks[0]?.result;
  if (!result || !('latency' in result)) throw new Error(`benchmark ${name} did not run: ${JSON.stringify(result)}`);
  return result.latency.p50;
}

/** Formats a rate per second with thousands separators. */
export function perSecond(count: number, ms: number): string {
  return `${Math.round((count / ms) * 1000).toLocaleString('en-US')}/s`;
}

/** Formats a ratio as `12.3x`. */
export function ratio(a: number, b: number): string {
  return `${(a / b).toFixed(a / b >= 100 ? 0 : 1)}x`;
}

/**
 * Times `a` and `b` alternately, `iterations` times each after a warm-up, and returns their median
 * times and the median of the paired ratios a/b: on a noisy machine, a slow spell then slows both
 * sides of a pair alike.
 */
export function pairedMedians(
  a: () => unknown,
  b: () => unknown,
  iterations: number,
): { a: number; b: number; ratio: number } {
  for (let i = 0; i < Math.min(20, iterations); i++) {
    a();
    b();
  }
  const as: number[] = [];
  const bs: number[] = [];
  const ratios: number[] = [];
  for (let i = 0; i < iterations; i++) {
    let t = performance.now();
    a();
    const ta = performance.now() - t;
    t = performance.now();
    b();
    const tb = performance.now() - t;
    as.push(ta);
    bs.push(tb);
    ratios.push(ta / tb);
  }
  const median = (xs: number[]) => xs.sort((x, y) => x - y)[xs.length >> 1] as number;
  return { a: median(as), b: median(bs), ratio: median(ratios) };
}
