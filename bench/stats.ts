/** Percentile of sorted values (nearest rank). */
export function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

export interface Summary {
  count: number;
  seconds: number;
  perSecond: number;
  p50: number;
  p95: number;
  p99: number;
}

export function summarise(latenciesMs: number[], seconds: number): Summary {
  const sorted = [...latenciesMs].sort((a, b) => a - b);
  return {
    count: sorted.length,
    seconds,
    perSecond: sorted.length / seconds,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
  };
}

export function line(label: string, s: Summary): string {
  return `${label.padEnd(34)} ${s.count} msgs in ${s.seconds.toFixed(2)} s = ${s.perSecond.toFixed(0)}/s   p50 ${s.p50.toFixed(1)} ms  p95 ${s.p95.toFixed(1)} ms  p99 ${s.p99.toFixed(1)} ms`;
}

/** Latency split by hop, one summary per hop: "hop p50 / p99 ms; …". */
export function hopsLine(hops: Record<string, number[]>): string {
  return Object.entries(hops).map(([hop, xs]) => {
    const s = summarise(xs, 1);
    return `${hop} ${s.p50.toFixed(1)} / ${s.p99.toFixed(1)} ms`;
  }).join('; ');
}
