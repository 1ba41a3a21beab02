/** Node's flags that write a CPU profile of `service` to .cache/profiles when BENCH_PROFILE names it; none otherwise. */
export function cpuProfileArgs(service: string): string[] {
  return process.env.BENCH_PROFILE === service ? ['--cpu-prof', `--cpu-prof-dir=${process.cwd()}/.cache/profiles`] : [];
}
