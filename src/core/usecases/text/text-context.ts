/** Shared steps of the negotiating-text use cases. */
import type { Actor } from '../../access/policy.js';
import { readableCompartmentIds } from '../../access/policy.js';
import type { Compartment } from '../../access/compartments.js';
import type { Party } from '../../process/model.js';
import type { Stores } from '../../ports.js';
import type { NegotiatingText } from '../../text/model.js';
import type { PartyDirectory } from '../../text/plain-text.js';
import type { StoredVersion, WorkingDraft } from '../../text/stored.js';
import { parseCanonicalJson } from '../../text/version.js';
import { notFound } from '../../shared/errors.js';
import type { CompartmentId, ProcessId, UserId } from '../../shared/ids.js';
import { openProcess, type ProcessContext } from '../process-context.js';

/** A process opened for work on its text. */
export interface TextContext extends ProcessContext {
  /** Its parties. */
  parties: Party[];
  /** Party codes for the bracket syntax. */
  directory: PartyDirectory;
  /** Compartments the actor may read. */
  visible: CompartmentId[];
  /** The mediator team's room, where the working draft lives. */
  room: Compartment;
}

/** Opens a process for text work, or NOT_FOUND. */
export async function openText(
  s: Stores,
  actor: Actor,
  processId: ProcessId,
): Promise<TextContext> {
  const ctx = await openProcess(s, actor, processId);
  const parties = await s.processes.listParties(processId);
  const room = ctx.compartments.find((c) => c.kind === 'mediators');
  if (!room) throw notFound('Process');
  return {
    ...ctx,
    parties,
    directory: parties.map((p) => ({ id: p.id, code: p.code })),
    visible: readableCompartmentIds(actor, processId, ctx.compartments),
    room,
  };
}

/** An empty text, before the mediators write the first provision. */
export const emptyText: NegotiatingText = { title: '', chapters: [] };

/** The working draft, or an empty one at revision 0. */
export async function draftOf(
  s: Stores,
  processId: ProcessId,
  actor: UserId,
): Promise<WorkingDraft> {
  return (
    (await s.text.findDraft(processId)) ?? {
      processId,
      text: emptyText,
      revision: 0,
      updatedAt: '',
      updatedBy: actor,
    }
  );
}

/** A published version the actor may read, by number, with its text; else NOT_FOUND. */
export async function visibleVersion(
  s: Stores,
  tc: TextContext,
  number: number,
): Promise<{ version: StoredVersion; text: NegotiatingText }> {
  const version = (await s.text.listVersions(tc.process.id, tc.visible)).find(
    (v) => v.number === number,
  );
  if (!version) throw notFound('Version');
  return { version, text: parseCanonicalJson(version.canonical) };
}
