// Timing and result helpers every section shares.

/** The median of a list of numbers (the mean of the middle two for an even count). */
export function median(values) {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** Milliseconds since an arbitrary origin, with sub-millisecond resolution. */
export const now = () => performance.now();

/**
 * Runs every contender once per round, in a rotating order so none always goes first (a warm CPU cache or a
 * pending GC would otherwise favour one), and returns each contender's per-round wall time and the CPU time this
 * process spent meanwhile (user + system), both in ms.
 */
export async function interleavedRounds(contenders, rounds) {
  const names = Object.keys(contenders);
  const wall = Object.fromEntries(names.map((name) => [name, []]));
  const cpu = Object.fromEntries(names.map((name) => [name, []]));
  for (let round = 0; round < rounds; round++) {
    const order = names.map((_, i) => names[(i + round) % names.length]);
    for (const name of order) {
      globalThis.gc?.();
      const cpuBefore = process.cpuUsage();
      const started = now();
      await contenders[name]();
      wall[name].push(now() - started);
      const used = process.cpuUsage(cpuBefore);
      cpu[name].push((used.user + used.system) / 1000);
    }
  }
  return { wall, cpu };
}

/**
 * Runs each contender's one call `calls` times in a row per round, the rounds interleaved as in `interleavedRounds`,
 * and times every `chunk` consecutive calls on its own: returns, per contender, the wall and CPU time per call (us)
 * of every chunk. The median of these many short samples stays clear of the slow phases (a major GC, the platform's
 * finalizers catching up) that land on whichever contender runs at the time; the median of a few long rounds does not.
 */
export async function chunkedRounds(one, { calls, chunk, rounds }) {
  const wall = Object.fromEntries(Object.keys(one).map((name) => [name, []]));
  const cpu = Object.fromEntries(Object.keys(one).map((name) => [name, []]));
  // Each contender's round is its calls in a row, timed chunk by chunk; interleavedRounds takes care of the turns.
  const contenders = Object.fromEntries(
    Object.entries(one).map(([name, call]) => [
      name,
      async () => {
        for (let done = 0; done < calls; done += chunk) {
          const cpuBefore = process.cpuUsage();
          const started = now();
          for (let i = 0; i < chunk; i++) await call();
          wall[name].push(((now() - started) * 1000) / chunk);
          const used = process.cpuUsage(cpuBefore);
          cpu[name].push((used.user + used.system) / chunk);
        }
      },
    ]),
  );
  await interleavedRounds(contenders, rounds);
  return { wall, cpu };
}

/** Rounds a figure for the report: 3 significant decimals are plenty for ms, ratios and kB. */
export function round(value, digits = 3) {
  if (!Number.isFinite(value)) return value;
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

/**
 * A section's entry in results.json: every figure, the targets (keyed by figure name, each `{ bound, direction }`)
 * and `met`, true only when every target holds. A target whose figure is missing counts as not met.
 */
export function sectionResult({ figures, targets = {}, notes = [], errors = [] }) {
  const rounded = Object.fromEntries(Object.entries(figures).map(([name, value]) => [name, round(value)]));
  const met = Object.entries(targets).every(([name, target]) => holds(rounded[name], target)) && errors.length === 0;
  const result = { figures: rounded, targets, met };
  if (notes.length) result.notes = notes;
  if (errors.length) result.errors = errors;
  return result;
}

/** Whether a figure meets its target. */
export function holds(value, target) {
  if (typeof value !== 'number' || Number.isNaN(value)) return false;
  return target.direction === '<=' ? value <= target.bound : value >= target.bound;
}

/** `{ bound, direction: '<=' }` */
export const atMost = (bound) => ({ bound, direction: '<=' });
/** `{ bound, direction: '>=' }` */
export const atLeast = (bound) => ({ bound, direction: '>=' });
