/**
 * Verifying the audit log of a database, which may be live: everything a verification checks —
 * the recorded head, every entry, every scope's numbers and the trees served to members — is read
 * in one read-only transaction, so all of it is one consistent snapshot (PostgreSQL: repeatable
 * read on one connection; SQLite in WAL mode: one read transaction, which keeps the snapshot of
 * its first read). Writers go on meanwhile; what they append after the snapshot is simply not
 * part of this verification. Reading the head and then the log in separate statements, as once
 * done, saw entries committed after the head was read and reported them as tampering.
 */
import { sql, type Kysely } from 'kysely';
import { verifyChain, type ChainVerdict } from '../core/audit/chain.js';
import { auditLeafHash, MerkleLog, toHex } from '../core/audit/merkle.js';
import { verifyScopes } from '../core/audit/scope.js';
import { checkExtends, type SignedTreeHead } from '../core/audit/tree-head.js';
import type { Clock } from '../core/ports.js';
import { AuditTree, sha256Bytes } from './audit-tree.js';
import type { Database } from './db/connect.js';
import { readHead, readWholeLog } from './db/audit-repository.js';
import type { DB } from './db/schema.js';
import { sha256 } from './security/crypto.js';
import type { TreeHeadKey } from './security/signing-key.js';

/**
 * Runs `read` on one connection inside a read-only transaction, so that every query it makes sees
 * the same snapshot of the database; the transaction ends (nothing was written) when it returns.
 */
export async function inOneSnapshot<T>(
  database: Pick<Database, 'db' | 'dialect'>,
  read: (db: Kysely<DB>) => Promise<T>,
): Promise<T> {
  return database.db.connection().execute(async (conn) => {
    await sql
      .raw(
        database.dialect === 'postgres'
          ? 'begin transaction isolation level repeatable read, read only'
          : 'begin deferred',
      )
      .execute(conn);
    try {
      const result = await read(conn);
      await sql.raw('commit').execute(conn);
      return result;
    } catch (e) {
      await sql
        .raw('rollback')
        .execute(conn)
        .catch(() => undefined);
      throw e;
    }
  });
}

/**
 * Recomputes every hash and link, in order, and compares the end with the recorded head, through
 * a connection whose reads already share one snapshot (inside `inOneSnapshot`, or a backup's).
 */
export async function verifyChainIn(db: Kysely<DB>): Promise<ChainVerdict> {
  const head = await readHead(db);
  return verifyChain(readWholeLog(db), sha256, head);
}

/** Verifies the whole audit chain of a database against its recorded head, in one snapshot. */
export async function verifyAuditLog(
  database: Pick<Database, 'db' | 'dialect'>,
): Promise<ChainVerdict> {
  return inOneSnapshot(database, verifyChainIn);
}

/** What a full verification found: everything holds, or the first thing that does not. */
export type AuditVerification =
  | {
      ok: true;
      /** Entries in the snapshot verified. */
      entries: number;
      /** The hash of its last entry. */
      head: string;
      /** Scopes whose numbers and trees were checked. */
      scopes: number;
      /** With a witnessed head: the log it was checked to extend, as it stands in the snapshot. */
      extended?: { scope: string | null; oldSize: number; newSize: number; signedAt: string };
    }
  | { ok: false; part: 'chain'; entries: number; badSeq: number; reason: string }
  | { ok: false; part: 'scopes'; badSeq: number; reason: string }
  | { ok: false; part: 'tree'; scope: string }
  | { ok: false; part: 'against'; failure: string; reason: string };

/**
 * `parley audit verify`: the hash chain against the recorded head; every entry's scope and number,
 * recomputed from the chain; each scope's Merkle tree, rebuilt from the chain, against the tree
 * served to its members; and, given a witnessed signed head, a consistency proof that today's log
 * (global, or of the head's scope) extends it — all in one snapshot of a possibly busy database.
 */
export async function verifyAuditEvidence(
  database: Pick<Database, 'db' | 'dialect'>,
  options: {
    treeHeadKey: TreeHeadKey;
    clock: Clock;
    /** A head witnessed earlier, to prove today's log extends it. */
    against?: SignedTreeHead;
  },
): Promise<AuditVerification> {
  return inOneSnapshot(database, async (db) => {
    const chain = await verifyChainIn(db);
    if (!chain.ok)
      return {
        ok: false,
        part: 'chain',
        entries: chain.entries,
        badSeq: chain.badSeq,
        reason: chain.reason,
      };
    // Each scope's numbers recomputed from the chain, and its tree rebuilt from them.
    const trees = new Map<string, MerkleLog>();
    const scopes = await verifyScopes(readWholeLog(db), (scope, n, e) => {
      let tree = trees.get(scope);
      if (!tree) trees.set(scope, (tree = new MerkleLog(sha256Bytes)));
      tree.append(auditLeafHash({ seq: n, hash: e.hash }, sha256Bytes));
    });
    if (!scopes.ok)
      return { ok: false, part: 'scopes', badSeq: scopes.badSeq, reason: scopes.reason };
    // The trees as members are served them, built from the stored numbers in the same snapshot.
    const served = new AuditTree(db, options.treeHeadKey, options.clock);
    for (const [scope, tree] of trees) {
      const head = await served.head(scope);
      if (head.treeSize !== tree.size || head.rootHash !== toHex(tree.root(tree.size)))
        return { ok: false, part: 'tree', scope };
    }
    const verified = {
      ok: true as const,
      entries: chain.entries,
      head: chain.head,
      scopes: trees.size,
    };
    const oldHead = options.against;
    if (!oldHead) return verified;
    const scope = oldHead.scope ?? null;
    const newHead = await served.head(scope);
    const proof =
      oldHead.treeSize > 0 && oldHead.treeSize <= newHead.treeSize
        ? await served.consistency(scope, oldHead.treeSize, newHead.treeSize)
        : [];
    const result = checkExtends({
      oldHead,
      newHead,
      proof,
      verify: (bytes, signature, keyId) =>
        keyId === options.treeHeadKey.keyId && options.treeHeadKey.verify(bytes, signature),
      sha256: sha256Bytes,
    });
    if (!result.ok)
      return { ok: false, part: 'against', failure: result.failure, reason: result.reason };
    return {
      ...verified,
      extended: {
        scope,
        oldSize: oldHead.treeSize,
        newSize: newHead.treeSize,
        signedAt: oldHead.timestamp,
      },
    };
  });
}
