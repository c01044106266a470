/**
 * The JSON input format of `parley analyze FILE.json`, and its validator (no schema library: the
 * core stays dependency-free, and the problems are worded for the person who wrote the file).
 *
 * ```json
 * {
 *   "issues": [
 *     { "id": "border", "label": "Border regime", "options": ["closed", "monitored", "open"] },
 *     { "id": "water", "options": [{ "id": "quota", "label": "Fixed quota" }, { "id": "shared" }],
 *       "ordered": false }
 *   ],
 *   "parties": [
 *     { "id": "north", "reservation": 40,
 *       "weights": { "border": 70, "water": 30 },
 *       "scores": { "border": { "closed": 100, "monitored": 60, "open": 0 },
 *                   "water": { "quota": 20, "shared": 100 } } },
 *     { "id": "south", "reservation": 35,
 *       "issueOrder": ["water", "border"],
 *       "optionRankings": { "border": ["open", "monitored", "closed"], "water": [["quota", "shared"]] } }
 *   ],
 *   "proposal": { "border": "monitored" },
 *   "epsilon": 0.01
 * }
 * ```
 *
 * - `issues[].options`: option ids, or objects with `id` and optional `label`, in agenda order;
 *   `ordered` (default true) says whether they lie along a scale.
 * - A party gives either numbers — `weights` (non-negative, any total; normalised) and `scores`
 *   (0–100 for every option) — or a ranking — `issueOrder` (most important first) and
 *   `optionRankings` (best first; an inner array is a tie) — converted by the rules of
 *   `elicitation.ts`. `reservation` (0–100, the utility without agreement) is always required.
 * - `proposal` (optional): issue id → option id; issues left out are open.
 * - `epsilon` (optional): requested frontier approximation, a fraction of the 0–100 scale, from 0
 *   to `MAX_EPSILON` (0.5).
 */
import { DomainError } from '../shared/errors.js';
import {
  domainProblems,
  ruleViolation,
  type Domain,
  type Issue,
  type PartyPreferences,
  type ProposalByIds,
} from './domain.js';
import { preferencesFromRankings, type Ranking } from './elicitation.js';
import { MAX_EPSILON } from './frontier.js';

/** A parsed and validated analysis input. */
export interface AnalysisInput {
  /** The validated domain. */
  readonly domain: Domain;
  /** The tabled proposal, if any (validated against the agenda). */
  readonly proposal?: ProposalByIds;
  /** The requested ε, if any. */
  readonly epsilon?: number;
  /**
   * Weights (points out of 100) and scores derived from rankings, per party that gave rankings:
   * shown back for confirmation.
   */
  readonly derived: Readonly<Record<string, Pick<PartyPreferences, 'weights' | 'scores'>>>;
}

type Json = Record<string, unknown>;

function isObject(x: unknown): x is Json {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

function isRanking(x: unknown): x is Ranking {
  return (
    Array.isArray(x) &&
    x.every(
      (e) => typeof e === 'string' || (Array.isArray(e) && e.every((f) => typeof f === 'string')),
    )
  );
}

function numberRecord(x: unknown, where: string, problems: string[]): Record<string, number> {
  if (!isObject(x)) {
    problems.push(`${where} must be an object of numbers`);
    return {};
  }
  const out: Record<string, number> = {};
  for (const [k, v] of Object.entries(x)) {
    if (typeof v === 'number') out[k] = v;
    else problems.push(`${where}.${k} must be a number`);
  }
  return out;
}

function parseIssues(x: unknown, problems: string[]): Issue[] {
  if (!Array.isArray(x)) {
    problems.push('"issues" must be an array');
    return [];
  }
  const issues: Issue[] = [];
  x.forEach((raw, i) => {
    const where = `issues[${i}]`;
    if (!isObject(raw)) {
      problems.push(`${where} must be an object`);
      return;
    }
    if (typeof raw.id !== 'string') problems.push(`${where}.id must be a string`);
    if (raw.label !== undefined && typeof raw.label !== 'string')
      problems.push(`${where}.label must be a string`);
    if (raw.ordered !== undefined && typeof raw.ordered !== 'boolean')
      problems.push(`${where}.ordered must be true or false`);
    if (!Array.isArray(raw.options)) {
      problems.push(`${where}.options must be an array`);
      return;
    }
    const options = raw.options.flatMap((o: unknown, k: number) => {
      if (typeof o === 'string') return [{ id: o }];
      if (isObject(o) && typeof o.id === 'string') {
        if (o.label !== undefined && typeof o.label !== 'string') {
          problems.push(`${where}.options[${k}].label must be a string`);
          return [{ id: o.id }];
        }
        return [typeof o.label === 'string' ? { id: o.id, label: o.label } : { id: o.id }];
      }
      problems.push(`${where}.options[${k}] must be an id or an object with an id`);
      return [];
    });
    if (typeof raw.id !== 'string') return;
    issues.push({
      id: raw.id,
      options,
      ...(typeof raw.label === 'string' ? { label: raw.label } : {}),
      ...(typeof raw.ordered === 'boolean' ? { ordered: raw.ordered } : {}),
    });
  });
  return issues;
}

function parseParty(
  raw: unknown,
  p: number,
  issues: readonly Issue[],
  problems: string[],
): { prefs: PartyPreferences; derived: boolean } | null {
  const where = `parties[${p}]`;
  if (!isObject(raw)) {
    problems.push(`${where} must be an object`);
    return null;
  }
  if (typeof raw.id !== 'string') {
    problems.push(`${where}.id must be a string`);
    return null;
  }
  if (typeof raw.reservation !== 'number') problems.push(`${where}.reservation must be a number`);
  const reservation = typeof raw.reservation === 'number' ? raw.reservation : 0;
  const numeric = raw.weights !== undefined || raw.scores !== undefined;
  const ranked = raw.issueOrder !== undefined || raw.optionRankings !== undefined;
  if (numeric && ranked) {
    problems.push(
      `${where} must give either weights and scores or issueOrder and optionRankings, not both`,
    );
    return null;
  }
  if (ranked) {
    if (!isRanking(raw.issueOrder))
      problems.push(`${where}.issueOrder must be a ranking of issue ids`);
    if (!isObject(raw.optionRankings)) problems.push(`${where}.optionRankings must be an object`);
    if (!isRanking(raw.issueOrder) || !isObject(raw.optionRankings)) return null;
    const optionRankings: Record<string, Ranking> = {};
    for (const [k, v] of Object.entries(raw.optionRankings)) {
      if (isRanking(v)) optionRankings[k] = v;
      else problems.push(`${where}.optionRankings.${k} must be a ranking of option ids`);
    }
    try {
      const prefs = preferencesFromRankings(issues, {
        id: raw.id,
        issueOrder: raw.issueOrder,
        optionRankings,
        reservation,
      });
      return { prefs, derived: true };
    } catch (e) {
      const listed = e instanceof DomainError ? e.details?.problems : undefined;
      if (!Array.isArray(listed)) throw e;
      problems.push(...listed.map(String));
      return null;
    }
  }
  const weights = numberRecord(raw.weights, `${where}.weights`, problems);
  const scores: Record<string, Record<string, number>> = {};
  if (!isObject(raw.scores)) problems.push(`${where}.scores must be an object`);
  else {
    for (const [k, v] of Object.entries(raw.scores))
      scores[k] = numberRecord(v, `${where}.scores.${k}`, problems);
  }
  return { prefs: { id: raw.id, weights, scores, reservation }, derived: false };
}

/**
 * Parses the JSON input of `parley analyze` into a validated domain. Throws
 * DomainError('RULE_VIOLATION') whose `details.problems` lists every problem found.
 */
export function parseAnalysisInput(json: unknown): AnalysisInput {
  const problems: string[] = [];
  if (!isObject(json)) throw ruleViolation(['the input must be a JSON object']);
  for (const key of Object.keys(json)) {
    if (!['issues', 'parties', 'proposal', 'epsilon'].includes(key))
      problems.push(`unknown field "${key}"`);
  }
  const issues = parseIssues(json.issues, problems);
  const parties: PartyPreferences[] = [];
  const derived: Record<string, Pick<PartyPreferences, 'weights' | 'scores'>> = {};
  if (!Array.isArray(json.parties)) problems.push('"parties" must be an array');
  else {
    json.parties.forEach((raw: unknown, p: number) => {
      const parsed = parseParty(raw, p, issues, problems);
      if (parsed === null) return;
      parties.push(parsed.prefs);
      if (parsed.derived)
        derived[parsed.prefs.id] = { weights: parsed.prefs.weights, scores: parsed.prefs.scores };
    });
  }
  let proposal: ProposalByIds | undefined;
  if (json.proposal !== undefined) {
    if (!isObject(json.proposal))
      problems.push('"proposal" must be an object of issue id → option id');
    else {
      const out: Record<string, string> = {};
      for (const [issueId, optionId] of Object.entries(json.proposal)) {
        const issue = issues.find((i) => i.id === issueId);
        if (typeof optionId !== 'string') problems.push(`proposal.${issueId} must be an option id`);
        else if (issue === undefined)
          problems.push(`the proposal names an unknown issue "${issueId}"`);
        else if (!issue.options.some((o) => o.id === optionId))
          problems.push(`the proposal names an unknown option "${optionId}" of issue "${issueId}"`);
        else out[issueId] = optionId;
      }
      proposal = out;
    }
  }
  let epsilon: number | undefined;
  if (json.epsilon !== undefined) {
    if (typeof json.epsilon !== 'number' || !(json.epsilon >= 0 && json.epsilon <= MAX_EPSILON))
      problems.push(`"epsilon" must be a number from 0 to ${MAX_EPSILON}`);
    else epsilon = json.epsilon;
  }
  const domain: Domain = { issues, parties };
  if (Array.isArray(json.issues) && Array.isArray(json.parties))
    problems.push(...domainProblems(domain));
  if (problems.length > 0) throw ruleViolation([...new Set(problems)]);
  return {
    domain,
    derived,
    ...(proposal === undefined ? {} : { proposal }),
    ...(epsilon === undefined ? {} : { epsilon }),
  };
}
