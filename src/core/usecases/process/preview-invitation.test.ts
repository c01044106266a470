import { describe, expect, it } from 'vitest';
import {
  aDeadLink,
  anInvitation,
  aProcess,
  aWorld,
  deadLinkKinds,
  refusal,
} from '../../test-support/factories.js';
import { previewInvitation } from './preview-invitation.js';

describe('previewInvitation', () => {
  it('tells the holder of the link the codename and party, never the real title', async () => {
    const world = aWorld();
    const talks = await aProcess(world, {
      parties: ['GOV'],
      codename: 'Heron',
      title: 'Talks between the Government and the Northern Front',
    });
    const { secret } = await anInvitation(world, talks, { role: 'delegate', party: 'GOV' });
    const preview = await previewInvitation(world.deps, { secret });
    expect(preview).toMatchObject({ codename: 'Heron', party: { code: 'GOV' } });
    expect(JSON.stringify(preview)).not.toContain('Northern Front');
  });

  it.each(deadLinkKinds)('answers a link %s exactly like one never issued', async (how) => {
    const world = aWorld();
    const talks = await aProcess(world);
    const preview = async (secret: string) => refusal(previewInvitation(world.deps, { secret }));
    const answer = await preview(await aDeadLink(world, talks, how));
    expect(answer).toEqual({
      code: 'INVITATION_INVALID',
      message: 'This invitation link is not valid: it may have expired or been used.',
      details: undefined,
    });
    expect(answer).toEqual(await preview(await aDeadLink(world, talks, 'never issued')));
  });
  it('still opens a link a moment before it expires, and not at the moment it does', async () => {
    const world = aWorld();
    const talks = await aProcess(world);
    const { secret } = await anInvitation(world, talks, { validDays: 1 });
    world.clock.advance(86_400_000 - 1);
    await expect(previewInvitation(world.deps, { secret })).resolves.toBeDefined();
    world.clock.advance(1);
    expect((await refusal(previewInvitation(world.deps, { secret }))).code).toBe(
      'INVITATION_INVALID',
    );
  });
});
