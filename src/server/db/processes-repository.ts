import type { Kysely } from 'kysely';
import type { Dialect } from './connect.js';
import { fixedQuery } from './fixed-query.js';
import type { ProcessStore } from '../../core/ports.js';
import type { Invitation } from '../../core/process/model.js';
import type {
  Membership,
  Party,
  PartyStatus,
  PendingSeat,
  SeatOrigin,
  Process,
  ProcessStatus,
  Role,
  StatusChange,
} from '../../core/process/model.js';
import { asId, type CompartmentId, type ProcessId } from '../../core/shared/ids.js';
import { nextPosition } from './next-position.js';
import type {
  DB,
  InvitationsTable,
  PartiesTable,
  PendingSeatsTable,
  ProcessesTable,
} from './schema.js';

const toProcess = (r: ProcessesTable): Process => ({
  id: asId(r.id),
  codename: r.codename,
  title: r.title,
  status: r.status as ProcessStatus,
  requireTotp: r.require_totp === 1,
  requirePasskey: r.require_passkey === 1,
  createdAt: r.created_at,
});

const toParty = (r: PartiesTable): Party => ({
  id: asId(r.id),
  processId: asId(r.process_id),
  name: r.name,
  code: r.code,
  status: r.status as PartyStatus,
});

const toInvitation = (r: InvitationsTable): Invitation => ({
  id: asId(r.id),
  processId: asId(r.process_id),
  role: r.role as Role,
  partyId: r.party_id === null ? null : asId(r.party_id),
  inviteeLabel: r.invitee_label,
  tokenHash: r.token_hash,
  createdBy: asId(r.created_by),
  createdAt: r.created_at,
  expiresAt: r.expires_at,
  usedAt: r.used_at,
  revokedAt: r.revoked_at,
  heldFor: r.held_for_user_id === null ? null : asId(r.held_for_user_id),
});

const toPendingSeat = (r: PendingSeatsTable): PendingSeat => ({
  id: asId(r.id),
  processId: asId(r.process_id),
  userId: asId(r.user_id),
  origin: r.origin as SeatOrigin,
  role: r.role === null ? null : (r.role as Role),
  partyId: r.party_id === null ? null : asId(r.party_id),
  compartmentId: r.compartment_id === null ? null : asId(r.compartment_id),
  initiatedBy: asId(r.initiated_by),
  createdAt: r.created_at,
});

// Read by nearly every request of a process.
const processById = fixedQuery((db, id: string) =>
  db.selectFrom('processes').selectAll().where('id', '=', id),
);
const partiesOf = fixedQuery((db, processId: string) =>
  db.selectFrom('parties').selectAll().where('process_id', '=', processId).orderBy('position'),
);

/** Processes, parties, memberships, links, history and invitations in SQL. */
export function processesRepository(db: Kysely<DB>, dialect: Dialect): ProcessStore {
  /** Memberships with their grants and the member's name, in one query (a row per grant). */
  async function membershipsWhere(column: 'user_id' | 'process_id', value: string) {
    const rows = await db
      .selectFrom('memberships')
      .innerJoin('users', 'users.id', 'memberships.user_id')
      .leftJoin('compartment_grants as g', (join) =>
        join
          .onRef('g.process_id', '=', 'memberships.process_id')
          .onRef('g.user_id', '=', 'memberships.user_id'),
      )
      .select([
        'memberships.process_id',
        'memberships.user_id',
        'memberships.role',
        'memberships.party_id',
        'memberships.delegation_admin',
        'users.display_name',
        'g.compartment_id',
      ])
      .where(`memberships.${column}`, '=', value)
      .orderBy('memberships.created_at')
      .orderBy('memberships.user_id')
      .orderBy('memberships.process_id')
      .orderBy('g.compartment_id')
      .execute();
    const members = new Map<
      string,
      Membership & { displayName: string; grants: CompartmentId[] }
    >();
    for (const r of rows) {
      const key = `${r.process_id} ${r.user_id}`;
      let m = members.get(key);
      if (!m) {
        m = {
          processId: asId<'Process'>(r.process_id),
          userId: asId<'User'>(r.user_id),
          role: r.role as Role,
          partyId: r.party_id === null ? null : asId<'Party'>(r.party_id),
          grants: [],
          delegationAdmin: r.delegation_admin === 1,
          displayName: r.display_name,
        };
        members.set(key, m);
      }
      if (r.compartment_id !== null) m.grants.push(asId<'Compartment'>(r.compartment_id));
    }
    return [...members.values()];
  }

  return {
    async insertProcess(p) {
      await db
        .insertInto('processes')
        .values({
          id: p.id,
          codename: p.codename,
          title: p.title,
          status: p.status,
          require_totp: p.requireTotp ? 1 : 0,
          require_passkey: p.requirePasskey ? 1 : 0,
          created_at: p.createdAt,
        })
        .execute();
    },
    async findProcess(id) {
      const [r] = await processById(db, dialect, id);
      return r && toProcess(r);
    },
    async updateProcess(p) {
      await db
        .updateTable('processes')
        .set({
          codename: p.codename,
          title: p.title,
          status: p.status,
          require_totp: p.requireTotp ? 1 : 0,
          require_passkey: p.requirePasskey ? 1 : 0,
        })
        .where('id', '=', p.id)
        .execute();
    },
    async listProcessesOf(userId) {
      const rows = await db
        .selectFrom('processes')
        .innerJoin('memberships', 'memberships.process_id', 'processes.id')
        .selectAll('processes')
        .where('memberships.user_id', '=', userId)
        .orderBy('processes.created_at', 'desc')
        .execute();
      return rows.map(toProcess);
    },
    async insertParty(p) {
      await db
        .insertInto('parties')
        .values({
          id: p.id,
          process_id: p.processId,
          name: p.name,
          code: p.code,
          status: p.status,
          position: await nextPosition(db, 'parties', p.processId),
        })
        .execute();
    },
    async updateParty(p) {
      await db
        .updateTable('parties')
        .set({ name: p.name, status: p.status })
        .where('id', '=', p.id)
        .execute();
    },
    async listParties(processId) {
      return (await partiesOf(db, dialect, processId)).map(toParty);
    },
    async membershipsOf(userId) {
      return (await membershipsWhere('user_id', userId)).map(
        ({ displayName: _d, ...m }): Membership => m,
      );
    },
    async listMembers(processId) {
      return membershipsWhere('process_id', processId);
    },
    async insertMembership(m) {
      await db
        .insertInto('memberships')
        .values({
          process_id: m.processId,
          user_id: m.userId,
          role: m.role,
          party_id: m.partyId,
          created_at: new Date().toISOString(),
        })
        .execute();
    },
    async updateMembershipRole(processId, userId, role, partyId) {
      await db
        .updateTable('memberships')
        // A new role or party starts without the delegation admin's mandate of the old one.
        .set({ role, party_id: partyId, delegation_admin: 0 })
        .where('process_id', '=', processId)
        .where('user_id', '=', userId)
        .execute();
    },
    async deleteMembership(processId, userId) {
      await db
        .deleteFrom('pending_seats')
        .where('process_id', '=', processId)
        .where('user_id', '=', userId)
        .execute();
      await db
        .deleteFrom('compartment_grants')
        .where('process_id', '=', processId)
        .where('user_id', '=', userId)
        .execute();
      await db
        .deleteFrom('memberships')
        .where('process_id', '=', processId)
        .where('user_id', '=', userId)
        .execute();
    },
    async insertGrant(processId, userId, compartmentId) {
      await db
        .insertInto('compartment_grants')
        .values({ process_id: processId, user_id: userId, compartment_id: compartmentId })
        .execute();
    },
    async insertStatusChange(processId, c) {
      await db
        .insertInto('status_changes')
        .values({
          process_id: processId,
          position: await nextPosition(db, 'status_changes', processId),
          at: c.at,
          subject: c.subject,
          party_id: c.partyId,
          from_status: c.from,
          to_status: c.to,
          reason: c.reason,
          by_user_id: c.byUserId,
        })
        .execute();
    },
    async listStatusChanges(processId) {
      const rows = await db
        .selectFrom('status_changes')
        .selectAll()
        .where('process_id', '=', processId)
        .orderBy('position')
        .execute();
      return rows.map((r): StatusChange => ({
        at: r.at,
        subject: r.subject as StatusChange['subject'],
        partyId: r.party_id === null ? null : asId(r.party_id),
        from: r.from_status,
        to: r.to_status,
        reason: r.reason,
        byUserId: asId(r.by_user_id),
      }));
    },
    async insertLink(processId, l) {
      await db
        .insertInto('process_links')
        .values({
          process_id: processId,
          position: await nextPosition(db, 'process_links', processId),
          label: l.label,
          note: l.note,
          linked_process_id: l.linkedProcessId,
        })
        .execute();
    },
    async listLinks(processId) {
      const rows = await db
        .selectFrom('process_links')
        .selectAll()
        .where('process_id', '=', processId)
        .orderBy('position')
        .execute();
      return rows.map((r) => ({
        label: r.label,
        note: r.note,
        linkedProcessId: r.linked_process_id === null ? null : asId<'Process'>(r.linked_process_id),
      }));
    },
    async insertInvitation(i) {
      await db
        .insertInto('invitations')
        .values({
          id: i.id,
          process_id: i.processId,
          role: i.role,
          party_id: i.partyId,
          invitee_label: i.inviteeLabel,
          token_hash: i.tokenHash,
          created_by: i.createdBy,
          created_at: i.createdAt,
          expires_at: i.expiresAt,
          used_at: i.usedAt,
          revoked_at: i.revokedAt,
          held_for_user_id: i.heldFor,
        })
        .execute();
    },
    async findInvitationByTokenHash(hash) {
      const r = await db
        .selectFrom('invitations')
        .selectAll()
        .where('token_hash', '=', hash)
        .executeTakeFirst();
      return r && toInvitation(r);
    },
    async findInvitation(id) {
      const r = await db
        .selectFrom('invitations')
        .selectAll()
        .where('id', '=', id)
        .executeTakeFirst();
      return r && toInvitation(r);
    },
    async listInvitations(processId: ProcessId) {
      const rows = await db
        .selectFrom('invitations')
        .selectAll()
        .where('process_id', '=', processId)
        .orderBy('created_at', 'desc')
        .execute();
      return rows.map(toInvitation);
    },
    async markInvitation(id, f) {
      await db
        .updateTable('invitations')
        .set({
          ...(f.usedAt ? { used_at: f.usedAt } : {}),
          ...(f.revokedAt ? { revoked_at: f.revokedAt } : {}),
          ...(f.heldFor ? { held_for_user_id: f.heldFor } : {}),
        })
        .where('id', '=', id)
        .execute();
    },
    async insertPendingSeat(seat) {
      await db
        .insertInto('pending_seats')
        .values({
          id: seat.id,
          process_id: seat.processId,
          user_id: seat.userId,
          origin: seat.origin,
          role: seat.role,
          party_id: seat.partyId,
          compartment_id: seat.compartmentId,
          initiated_by: seat.initiatedBy,
          created_at: seat.createdAt,
        })
        .execute();
    },
    async listPendingSeats(processId) {
      const rows = await db
        .selectFrom('pending_seats')
        .selectAll()
        .where('process_id', '=', processId)
        .orderBy('created_at')
        .orderBy('id')
        .execute();
      return rows.map(toPendingSeat);
    },
    async deletePendingSeat(id) {
      await db.deleteFrom('pending_seats').where('id', '=', id).execute();
    },
    async deletePendingSeatsOf(processId, userId) {
      await db
        .deleteFrom('pending_seats')
        .where('process_id', '=', processId)
        .where('user_id', '=', userId)
        .execute();
    },
    async setDelegationAdmin(processId, userId, admin) {
      await db
        .updateTable('memberships')
        .set({ delegation_admin: admin ? 1 : 0 })
        .where('process_id', '=', processId)
        .where('user_id', '=', userId)
        .execute();
    },
  };
}
