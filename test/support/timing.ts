/**
 * Cost budgets that hold on a busy machine. A linear scan is fast every time it runs; other
 * processes only steal a slice now and then. So a run over budget is measured again, up to
 * `attempts` times, and the best time counts: a quadratic scan stays over budget every time.
 */
export function bestTime(run: () => void, budgetMs: number, attempts = 10): number {
  let best = Number.POSITIVE_INFINITY;
  for (let i = 0; i < attempts && best >= budgetMs; i++) {
    const t0 = performance.now();
    run();
    best = Math.min(best, performance.now() - t0);
  }
  return best;
}

/**
 * How much longer `run` takes on an input four times as long: best time at 4n over best time at
 * n (each the best of `attempts`, after one warm-up). A linear scan gives about 4 (less with a
 * fixed cost), a quadratic one up to 16; the best of several tries keeps a busy machine's stolen
 * slices out of it. Tests ask for under 6: a quadratic step, even a cheap one, shows above 7.
 */
export function growth(run: (n: number) => void, n: number, attempts = 7): number {
  run(n);
  run(4 * n);
  // Both sides are timed over windows of about the same length (the small input run four times
  // as often), a few milliseconds each: a busy machine then takes the same share from both, and
  // neither timer granularity nor one collection swamps a sub-millisecond scan.
  const reps = repetitionsFor(() => run(4 * n));
  const repeated = (size: number, times: number) => () => {
    for (let i = 0; i < times; i++) run(size);
  };
  let lowest = Number.POSITIVE_INFINITY;
  // A ratio over budget is measured again: a quadratic scan is over it every time.
  for (let round = 0; round < 3 && lowest >= GROWTH_RETRY_ABOVE; round++) {
    // Small and large alternate, so that both meet the same moments of a busy machine.
    let small = Number.POSITIVE_INFINITY;
    let large = Number.POSITIVE_INFINITY;
    for (let i = 0; i < attempts; i++) {
      small = Math.min(small, bestTime(repeated(n, 4 * reps), 0, 1));
      large = Math.min(large, bestTime(repeated(4 * n, reps), 0, 1));
    }
    lowest = Math.min(lowest, (4 * large) / Math.max(small, 0.01));
  }
  return lowest;
}

/** Growth ratios at or above this are measured again (tests ask for under 6). */
const GROWTH_RETRY_ABOVE = 5;
const MIN_MEASURED_MS = 3;

function repetitionsFor(run: () => void): number {
  const t0 = performance.now();
  run();
  const once = Math.max(performance.now() - t0, 0.001);
  return Math.min(1000, Math.max(1, Math.ceil(MIN_MEASURED_MS / once)));
}
