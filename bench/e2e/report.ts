/** Statistics and printing for bench:e2e: percentiles, memory rows, and the PASS/FAIL targets. */
import type { MemoryReport } from "../child.ts";

export function percentile(samples: readonly number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1));
  return sorted[i] ?? Number.NaN;
}

/** The p50 of each run's samples (`perRun` samples each, runs one after the other). */
export function p50PerRun(samples: readonly number[], perRun: number): number[] {
  const runs = Math.ceil(samples.length / perRun);
  return Array.from({ length: runs }, (_, r) =>
    percentile(samples.slice(r * perRun, (r + 1) * perRun), 0.5),
  );
}

/** "lo–hi" of some figures, two decimals. */
export const spread = (xs: readonly number[]) => `${f2(Math.min(...xs))}–${f2(Math.max(...xs))}`;

/** The run with the median RSS (the lower middle one for an even count). */
export function medianReport(reports: readonly MemoryReport[]): MemoryReport {
  const sorted = [...reports].sort((a, b) => a.memory.rss - b.memory.rss);
  const m = sorted[Math.floor((sorted.length - 1) / 2)];
  if (!m) throw new Error("no memory reports");
  return m;
}

export const mb = (bytes: number) => bytes / 2 ** 20;
export const f1 = (x: number) => x.toFixed(1);
export const f2 = (x: number) => x.toFixed(2);
export const pad = (s: string, n: number) => s.padStart(n);

export interface Check {
  name: string;
  pass: boolean;
  detail: string;
}

export const checks: Check[] = [];
export function check(name: string, pass: boolean, detail: string): void {
  checks.push({ name, pass, detail });
}

export const COLUMNS = ["RSS", "range", "heap used", "new space", "other heap", "outside heap"];

/** RSS, its spread over the runs, and where the median run's RSS sits. */
export function memoryRow(label: string, reports: readonly MemoryReport[]): string {
  const m = medianReport(reports);
  const rss = reports.map((r) => mb(r.memory.rss));
  const resident = Object.values(m.spaces).reduce((a, b) => a + b, 0);
  const young = m.spaces.new_space ?? 0;
  const range = `${f1(Math.min(...rss))}–${f1(Math.max(...rss))}`;
  const cells = [
    f1(mb(m.memory.rss)),
    range,
    f1(mb(m.memory.heapUsed)),
    f1(mb(young)),
    f1(mb(resident - young - m.memory.heapUsed)),
    f1(mb(m.memory.rss - resident)),
  ];
  return `  ${label.padEnd(42)}${cells.map((c) => pad(c, 13)).join("")}`;
}

export function cacheLine(label: string, m: MemoryReport): string {
  const c = m.caches;
  return `  ${label.padEnd(7)}guilds ${c.guilds}, channels ${c.channels}, roles ${c.roles}, members ${c.members}, users ${c.users}, messages ${c.messages}`;
}
