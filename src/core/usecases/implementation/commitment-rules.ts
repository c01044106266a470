/** Checks shared by the use cases that create, edit and import commitments. */
import {
  externalIdPattern,
  isDate,
  recurrences,
  type Recurrence,
} from '../../implementation/model.js';
import { provisionType } from '../../implementation/pam.js';
import type { Party } from '../../process/model.js';
import { DomainError } from '../../shared/errors.js';
import type { PartyId } from '../../shared/ids.js';

/** The editable fields of a commitment. */
export interface CommitmentFields {
  /** What must be done. */
  wording: string;
  /** Responsible parties. */
  responsiblePartyIds: PartyId[];
  /** Start (YYYY-MM-DD). */
  startsOn: string;
  /** Deadline (YYYY-MM-DD) or null for a recurring obligation. */
  deadline: string | null;
  /** Recurrence. */
  recurrence: Recurrence;
  /** PAM provision type key. */
  provisionType: string;
  /** Theme code or null. */
  themeCode: string | null;
  /** Weight in roll-ups. */
  weight: number;
}

/** Raises INVALID_INPUT, naming the field, when a commitment's fields break a rule. */
export function checkCommitmentFields(
  f: CommitmentFields,
  parties: readonly Party[],
  themeCodes: ReadonlySet<string>,
  externalId?: string,
): void {
  const bad = (field: string, message: string) => {
    throw new DomainError('INVALID_INPUT', message, { field });
  };
  if (externalId !== undefined && !externalIdPattern.test(externalId))
    bad('externalId', 'Give 1 to 64 letters, digits or . _ : - as the external id.');
  if (f.wording.trim() === '' || f.wording.length > 4000)
    bad('wording', 'Give the wording (1 to 4000 characters).');
  for (const p of f.responsiblePartyIds)
    if (!parties.some((x) => x.id === p))
      bad('responsiblePartyIds', 'No party of this process has that id.');
  if (!isDate(f.startsOn)) bad('startsOn', 'Give the start as a date YYYY-MM-DD.');
  if (f.deadline !== null && !isDate(f.deadline))
    bad('deadline', 'Give the deadline as a date YYYY-MM-DD.');
  if (f.deadline !== null && f.deadline < f.startsOn)
    bad('deadline', 'The deadline is before the start.');
  if (!recurrences.includes(f.recurrence))
    bad('recurrence', `Give one of ${recurrences.join(', ')}.`);
  if (f.deadline === null && f.recurrence === 'none')
    bad('deadline', 'A commitment that does not recur needs a deadline.');
  if (!provisionType(f.provisionType))
    bad('provisionType', 'That is not a provision type of the scheme.');
  if (f.themeCode !== null && !themeCodes.has(f.themeCode))
    bad('themeCode', 'No theme has that code.');
  if (!(Number.isFinite(f.weight) && f.weight > 0 && f.weight <= 1000))
    bad('weight', 'Give the weight as a number above 0 and at most 1000.');
}
