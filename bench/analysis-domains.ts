/**
 * Seeded domains for the decision-support benchmark.
 *
 * Random: every party draws integer issue weights 1–100 and integer option scores 0–100
 * uniformly, and a reservation level 20–45.
 *
 * Adversarial: every option of every issue is Pareto-optimal within its issue, the worst case for
 * the Pareto-sum merge. Two parties: one party's scores rise strictly along the options while the
 * other's fall (distinct integers). More parties: each option's score vector is a uniformly random
 * point of the simplex Σ_p score_p = 100, so no option dominates another; reservation levels 5–12
 * (scores then average 100/parties, so higher levels would leave no individually rational package).
 */
import type { Domain } from '../src/core/analysis/domain.js';

/** A small seeded PRNG (mulberry32): the same seed gives the same domain on every machine. */
export function mulberry32(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The size and kind of a generated domain. */
export interface Shape {
  /** Number of parties. */
  parties: number;
  /** Number of issues. */
  issues: number;
  /** Options per issue. */
  options: number;
  /** Whether every option is Pareto-optimal within its issue. */
  adversarial: boolean;
  /** PRNG seed. */
  seed: number;
}

/** Draws `count` distinct integers from 0–100, ascending. */
function distinctScores(count: number, int: (lo: number, hi: number) => number): number[] {
  const set = new Set<number>();
  while (set.size < count) set.add(int(0, 100));
  return [...set].sort((a, b) => a - b);
}

/** Generates a domain of the given shape (see the module comment). */
export function makeDomain(shape: Shape): Domain {
  const rnd = mulberry32(shape.seed);
  const int = (lo: number, hi: number): number => lo + Math.floor(rnd() * (hi - lo + 1));
  const issues = Array.from({ length: shape.issues }, (_, i) => ({
    id: `issue-${i}`,
    options: Array.from({ length: shape.options }, (_, o) => ({ id: `option-${o}` })),
  }));
  // score[p][i][o]
  const score: number[][][] = Array.from({ length: shape.parties }, () =>
    Array.from({ length: shape.issues }, () => new Array<number>(shape.options).fill(0)),
  );
  const set = (p: number, i: number, o: number, v: number): void => {
    const row = score[p]?.[i];
    if (row !== undefined) row[o] = v;
  };
  for (let i = 0; i < shape.issues; i++) {
    if (!shape.adversarial) {
      for (let p = 0; p < shape.parties; p++)
        for (let o = 0; o < shape.options; o++) set(p, i, o, int(0, 100));
    } else if (shape.parties === 2) {
      const up = distinctScores(shape.options, int);
      const down = distinctScores(shape.options, int).reverse();
      for (let o = 0; o < shape.options; o++) {
        set(0, i, o, up[o] ?? 0);
        set(1, i, o, down[o] ?? 0);
      }
    } else {
      for (let o = 0; o < shape.options; o++) {
        const raw = Array.from({ length: shape.parties }, () => -Math.log(1 - rnd()));
        const sum = raw.reduce((a, b) => a + b, 0);
        raw.forEach((r, p) => set(p, i, o, (100 * r) / sum));
      }
    }
  }
  const parties = Array.from({ length: shape.parties }, (_, p) => ({
    id: `party-${p}`,
    weights: Object.fromEntries(issues.map((issue) => [issue.id, int(1, 100)])),
    scores: Object.fromEntries(
      issues.map((issue, i) => [
        issue.id,
        Object.fromEntries(issue.options.map((opt, o) => [opt.id, score[p]?.[i]?.[o] ?? 0])),
      ]),
    ),
    reservation: shape.adversarial && shape.parties > 2 ? int(5, 12) : int(20, 45),
  }));
  return { issues, parties };
}
