import type { Actor } from '../../access/policy.js';
import type { Party } from '../../process/model.js';
import type { Deps } from '../../ports.js';
import type { Invitation } from '../../process/model.js';
import { findUsable } from './invitation-context.js';

/** What the holder of an invitation link may learn: the codename, never the real title. */
export interface InvitationPreview {
  invitation: Invitation;
  codename: string;
  party: Party | null;
}

/**
 * Shows an invitation to the holder of its link. One held for an existing account shows only to
 * that account, signed in (`actor`); to anyone else it answers like a used link.
 */
export async function previewInvitation(
  deps: Deps<'db' | 'clock' | 'hashing'>,
  input: { secret: string; actor?: Actor | null },
): Promise<InvitationPreview> {
  return deps.db.transaction(async (s) => {
    const { invitation, process, party } = await findUsable(
      deps,
      s,
      input.secret,
      input.actor?.userId ?? null,
    );
    return { invitation, codename: process.codename, party };
  });
}
