/**
 * An exact reference for the solution concepts, sharing nothing with the engine but the compiled
 * utilities: every package's key is a list of fractions of BigInts, compared by
 * cross-multiplication, and the first best package in lexicographic order wins — the definitions
 * of `objectives.ts` written as plainly as possible, with no floating point after the utilities.
 * Exponential in the number of issues: for tests on small domains only.
 */
import { packageUnits, type CompiledDomain } from '../domain.js';

/** An exact fraction; the denominator is positive. */
interface Fraction {
  readonly num: bigint;
  readonly den: bigint;
}

const whole = (n: bigint): Fraction => ({ num: n, den: 1n });

/** Negative when a > b: the order "higher first". */
function higherFirst(a: Fraction, b: Fraction): number {
  const l = a.num * b.den;
  const r = b.num * a.den;
  return l > r ? -1 : l < r ? 1 : 0;
}

function compareKeys(a: readonly Fraction[], b: readonly Fraction[]): number {
  for (let i = 0; i < a.length; i++) {
    const x = a[i];
    const y = b[i];
    if (x === undefined || y === undefined) break;
    const c = higherFirst(x, y);
    if (c !== 0) return c;
  }
  return 0;
}

/** The exact optimum of one concept. */
export interface ExactOptimum {
  /** The lexicographically smallest optimal package. */
  readonly pkg: number[];
  /** Its utilities in micro-points. */
  readonly units: number[];
}

/** Each concept's exact optimum, or null when no package is individually rational. */
export interface ExactSolutions {
  /** Ideal levels in micro-points, or null. */
  readonly ideal: number[] | null;
  /** Nash bargaining. */
  readonly nash: ExactOptimum | null;
  /** Kalai–Smorodinsky. */
  readonly kalaiSmorodinsky: ExactOptimum | null;
  /** Egalitarian. */
  readonly egalitarian: ExactOptimum | null;
}

/** Every package in lexicographic order of option indices. */
function packages(optionCounts: readonly number[]): number[][] {
  let all: number[][] = [[]];
  for (const m of optionCounts)
    all = all.flatMap((prefix) => Array.from({ length: m }, (_, o) => [...prefix, o]));
  return all;
}

/** Solves Nash, Kalai–Smorodinsky and egalitarian exactly by enumeration. */
export function exactSolutions(compiled: CompiledDomain): ExactSolutions {
  const r = Array.from(compiled.reservation, (x) => BigInt(x));
  const d = r.length;
  const rational = packages(compiled.optionCounts)
    .map((pkg) => ({ pkg, units: Array.from(packageUnits(compiled, pkg)) }))
    .filter(({ units }) => units.every((u, p) => BigInt(u) >= (r[p] ?? 0n)));
  if (rational.length === 0)
    return { ideal: null, nash: null, kalaiSmorodinsky: null, egalitarian: null };
  const ideal = Array.from({ length: d }, (_, p) =>
    Math.max(...rational.map(({ units }) => units[p] ?? 0)),
  );
  const gaining = ideal.flatMap((i, p) => (BigInt(i) > (r[p] ?? 0n) ? [p] : []));
  const gain = (units: number[], p: number) => BigInt(units[p] ?? 0) - (r[p] ?? 0n);
  const span = (p: number) => BigInt(ideal[p] ?? 0) - (r[p] ?? 0n);
  const total = (units: number[]) => whole(units.reduce((s, u) => s + BigInt(u), 0n));

  const nash = (units: number[]): Fraction[] => [
    whole(gaining.reduce((prod, p) => prod * gain(units, p), 1n)),
    total(units),
  ];
  const ks = (units: number[]): Fraction[] => {
    let level: Fraction = whole(1n);
    for (const [i, p] of gaining.entries()) {
      const h = { num: gain(units, p), den: span(p) };
      if (i === 0 || higherFirst(level, h) < 0) level = h;
    }
    const product = gaining.reduce(
      (acc, p) => ({ num: acc.num * gain(units, p), den: acc.den * span(p) }),
      whole(1n),
    );
    return [level, product, total(units)];
  };
  const egalitarian = (units: number[]): Fraction[] => {
    const gains = gaining.map((p) => gain(units, p));
    const least = gains.reduce((a, b) => (b < a ? b : a), gains[0] ?? 0n);
    return [whole(least), total(units)];
  };

  const best = (key: (units: number[]) => Fraction[]): ExactOptimum => {
    let top = rational[0] ?? { pkg: [], units: [] };
    let topKey = key(top.units);
    for (const candidate of rational) {
      const k = key(candidate.units);
      if (compareKeys(k, topKey) < 0) {
        top = candidate;
        topKey = k;
      }
    }
    return top;
  };
  return {
    ideal,
    nash: best(nash),
    kalaiSmorodinsky: best(ks),
    egalitarian: best(egalitarian),
  };
}
