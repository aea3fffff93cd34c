/** Median and 95th percentile of a set of timings, in ms. */
export interface Stats {
  /** The fastest run: what the work costs when nothing else competes for the CPU. */
  min: number;
  median: number;
  p95: number;
  runs: number;
}

export function stats(times: number[]): Stats {
  const sorted = [...times].sort((a, b) => a - b);
  return {
    min: sorted[0],
    median: sorted[Math.floor(sorted.length / 2)],
    p95: sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.95) - 1)],
    runs: sorted.length,
  };
}
