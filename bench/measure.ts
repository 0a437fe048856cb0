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
