/**
 * Changes of access are shown to the members of the compartments they affect, each seeing only
 * the affected compartments it reads; the person concerned and those who manage people see them too.
 */
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { acceptInvitation } from '../../core/usecases/process/accept-invitation.js';
import { createInvitation } from '../../core/usecases/process/create-invitation.js';
import { asId } from '../../core/shared/ids.js';
import { confirmSeatAsHolder, type DemoRoleKey } from '../demo/seed.js';
import { actorOf } from '../test-support/actors.js';
import { testDatabases } from '../test-support/databases.js';
import { useParley } from '../test-support/harness.js';

const targets = await testDatabases();

interface Change {
  seq: number;
  userId: string;
  name: string;
  byName: string | null;
  confirmedByName: string | null;
  change: string;
  fromRole: string | null;
  toRole: string | null;
  opened: string[];
  closed: string[];
}

describe.each(targets)('changes of access on $name', (target) => {
  const p = useParley(target);
  let newcomer: string;
  beforeAll(async () => {
    const d = p.runtime.deps;
    const { secret } = await createInvitation(d, {
      actor: await actorOf(d, 'lead.mediator@demo.parley'),
      processId: p.demo.processId,
      role: 'adviser',
      partyId: p.demo.parties.gov,
      inviteeLabel: 'new adviser',
    });
    const joined = await acceptInvitation(d, {
      secret,
      ip: null,
      actor: null,
      newAccount: {
        email: `${randomUUID()}@fixture.parley`,
        displayName: 'Nils Adviser',
        password: 'adviser-password-1',
      },
    });
    newcomer = joined.user?.id ?? '';
    // The government's head consents to the seat the lead mediator offered.
    await confirmSeatAsHolder(d, p.demo.processId, asId(newcomer));
  });

  const url = () => `/api/processes/${p.demo.processId}/access-changes`;
  const seenBy = async (key: DemoRoleKey): Promise<Change[]> => {
    const res = await p.get(key, url());
    expect(res.statusCode).toBe(200);
    return (res.json() as { changes: Change[] }).changes.filter((c) => c.userId === newcomer);
  };
  const room = (kind: string, party?: 'gov' | 'opp') =>
    p.demo.compartments.find(
      (c) => c.kind === kind && (party === undefined || c.partyId === p.demo.parties[party]),
    )!.id;
  const manage = async (method: 'PUT' | 'DELETE' | 'POST', path: string, payload?: object) => {
    const res = await p.request(
      'leadMediator',
      method,
      `/api/processes/${p.demo.processId}/members/${newcomer}${path}`,
      payload,
    );
    expect(res.statusCode).toBe(200);
  };

  it('tells each member which of its own rooms a newcomer can now read', async () => {
    const [gov] = await seenBy('govHead');
    // The join names who offered the seat and who consented to it, not the newcomer.
    expect(gov).toMatchObject({
      change: 'joined',
      name: 'Nils Adviser',
      toRole: 'adviser',
      byName: 'Ingrid Haugen (demo)',
      confirmedByName: 'Government head (demo)',
    });
    expect(new Set(gov!.opened)).toEqual(
      new Set([room('plenary'), room('caucus', 'gov'), room('bilateral', 'gov')]),
    );
    const [mediator] = await seenBy('mediator');
    expect(new Set(mediator!.opened)).toEqual(new Set([room('plenary'), room('bilateral', 'gov')]));
    const [opp] = await seenBy('oppHead');
    expect(opp!.opened).toEqual([room('plenary')]);
    // The facilitator manages people: it sees the change, but no room it does not read itself.
    const [admin] = await seenBy('admin');
    expect(admin).toMatchObject({ change: 'joined', opened: [] });
  });

  it('shows a role change and a removal with the rooms they closed, to those rooms', async () => {
    await manage('PUT', '', { role: 'observer', partyId: null });
    await manage('POST', '/grants', { compartmentId: room('plenary') });
    const gov = await seenBy('govHead');
    expect(gov.map((c) => c.change)).toEqual(['granted', 'role_changed', 'joined']);
    expect(gov[1]).toMatchObject({
      fromRole: 'adviser',
      toRole: 'observer',
      byName: 'Ingrid Haugen (demo)',
    });
    expect(new Set(gov[1]!.closed)).toEqual(
      new Set([room('plenary'), room('caucus', 'gov'), room('bilateral', 'gov')]),
    );
    expect(gov[0]!.opened).toEqual([room('plenary')]);
    // The opposition's rooms were never open to a government adviser: it sees only the plenary.
    const opp = await seenBy('oppHead');
    expect(opp.map((c) => [c.change, c.opened, c.closed])).toEqual([
      ['granted', [room('plenary')], []],
      ['role_changed', [], [room('plenary')]],
      ['joined', [room('plenary')], []],
    ]);

    await manage('DELETE', '');
    const [left] = await seenBy('oppHead');
    // The removal's audit data names only the role: the replay knows the grant it ends.
    expect(left).toMatchObject({ change: 'left', fromRole: 'observer', closed: [room('plenary')] });
  });

  it('leaves out a change that touches none of the viewer’s rooms', async () => {
    const { secret } = await createInvitation(p.runtime.deps, {
      actor: await actorOf(p.runtime.deps, 'lead.mediator@demo.parley'),
      processId: p.demo.processId,
      role: 'adviser',
      partyId: p.demo.parties.opp,
      inviteeLabel: 'opposition adviser',
    });
    const joined = await acceptInvitation(p.runtime.deps, {
      secret,
      ip: null,
      actor: null,
      newAccount: {
        email: `${randomUUID()}@fixture.parley`,
        displayName: 'Olga Adviser',
        password: 'adviser-password-2',
      },
    });
    const id = joined.user?.id ?? '';
    await confirmSeatAsHolder(p.runtime.deps, p.demo.processId, asId(id));
    const names = async (key: DemoRoleKey) =>
      (
        (await p.as(await p.session(key), { method: 'GET', url: url() })).json() as {
          changes: Change[];
        }
      ).changes
        .filter((c) => c.userId === id)
        .map((c) => c.opened.length);
    // The observer reads the plenary only: it learns the adviser can read the plenary, nothing more.
    expect(await names('observer')).toEqual([1]);
    expect(await names('oppDelegate')).toEqual([3]);
  });
});
