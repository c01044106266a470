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

/** Shows an invitation to the holder of its link. */
export async function previewInvitation(
  deps: Deps<'db' | 'clock' | 'hashing'>,
  input: { secret: string },
): Promise<InvitationPreview> {
  return deps.db.transaction(async (s) => {
    const { invitation, process, party } = await findUsable(deps, s, input.secret);
    return { invitation, codename: process.codename, party };
  });
}
