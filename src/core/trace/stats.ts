/**
 * The two chance figures the tracer reports, computed in logarithms because a whole document gives
 * probabilities far below what a double can hold (2^-2000). Under the hypothesis that a candidate
 * copy is not where the leaked text came from, each of its marks agrees with the leaked text with
 * probability exactly 1/2, independently of the others (see `fingerprint.ts`).
 */

const ln10 = Math.log(10);

/** log10 of the sum of the numbers whose natural logarithms are given. */
function logSumExp10(lnTerms: readonly number[]): number {
  let max = -Infinity;
  for (const t of lnTerms) if (t > max) max = t;
  if (max === -Infinity) return -Infinity;
  let sum = 0;
  for (const t of lnTerms) sum += Math.exp(t - max);
  return (max + Math.log(sum)) / ln10;
}

/**
 * log10 of P(X ≥ k) for X ~ Binomial(n, 1/2): the chance that a copy which is not the source agrees
 * with at least k of n observed marks. 0 (certainty) for k ≤ 0, -Infinity for k > n.
 */
export function binomialTailLog10(n: number, k: number): number {
  if (k <= 0) return 0;
  if (k > n) return -Infinity;
  // ln C(n, k), built up term by term; then the terms C(n, i) / 2^n for i = k … n.
  let lnChoose = 0;
  for (let j = 0; j < k; j += 1) lnChoose += Math.log((n - j) / (j + 1));
  const lnHalfPower = n * Math.log(0.5);
  const terms: number[] = [];
  for (let i = k; i <= n; i += 1) {
    const term = lnChoose + lnHalfPower;
    terms.push(term);
    // Past the middle the terms only shrink; once they are negligible the sum is settled.
    if (i > n / 2 && terms.length > 1 && term < (terms[0] ?? term) - 60) break;
    lnChoose += Math.log((n - i) / (i + 1));
  }
  return Math.min(0, logSumExp10(terms));
}

/** log10 of P(X ≤ k) for X ~ Binomial(n, 1/2). */
export function binomialLowerTailLog10(n: number, k: number): number {
  return binomialTailLog10(n, n - k);
}

/**
 * The best stretch score of a sequence of agreements: the largest sum, over contiguous runs of
 * marks, of +1 per agreeing mark and -3 per disagreeing one (Kadane's algorithm), with where the
 * run starts and ends (indices into the sequence, end exclusive). Null when no run scores above 0.
 */
export function bestStretch(
  agrees: readonly boolean[],
): { score: number; start: number; end: number } | null {
  let best: { score: number; start: number; end: number } | null = null;
  let sum = 0;
  let start = 0;
  for (let i = 0; i < agrees.length; i += 1) {
    if (sum <= 0) {
      sum = 0;
      start = i;
    }
    sum += agrees[i] === true ? 1 : -stretchPenalty;
    if (sum > 0 && (best === null || sum > best.score)) best = { score: sum, start, end: i + 1 };
  }
  return best;
}

/** What a disagreeing mark costs a stretch. */
export const stretchPenalty = 3;

// The root above 1 of ½y + ½y^-3 = 1 (y³ = y² + y + 1, the tribonacci constant): for a walk that
// steps +1 or -3 with probability ½ each, y^S is a martingale, so the chance that it ever climbs
// S above where it started is at most y^-S.
const stretchBase = 1.8392867552141612;

/**
 * log10 of an upper bound on the chance that a copy which is not the source shows, somewhere in m
 * marks, a stretch scoring at least `score`: m starting points times stretchBase^-score (each
 * start's chance bounded by the martingale inequality). Conservative: the true chance is lower.
 */
export function stretchChanceLog10(marks: number, score: number): number {
  if (score <= 0 || marks <= 0) return 0;
  return Math.min(0, Math.log10(marks) - score * Math.log10(stretchBase));
}
