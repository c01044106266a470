/**
 * The audit log as RFC 9162 Merkle trees: one over the global log (each leaf is `seq:hash` of one
 * entry, see core/audit/merkle.ts), the operator's; and one per audit scope (core/audit/scope.ts),
 * what members witness, whose leaves are `scopeSeq:hash`. Each is kept up to date by reading what
 * other transactions and instances appended since, in order; a scope's tree is built the first
 * time it is asked for. It signs tree heads with the server's Ed25519 key (a scope's head names
 * its scope) and answers consistency and inclusion proofs.
 */
import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import { auditLeafHash, MerkleLog, toHex, type Sha256Bytes } from '../core/audit/merkle.js';
import type { AuditScopeName } from '../core/audit/scope.js';
import { signTreeHead, type SignedTreeHead } from '../core/audit/tree-head.js';
import type { AuditTreePort, Clock } from '../core/ports.js';
import type { DB } from './db/schema.js';
import type { TreeHeadKey } from './security/signing-key.js';

/** SHA-256 over bytes, for the Merkle tree. */
export const sha256Bytes: Sha256Bytes = (data) =>
  new Uint8Array(createHash('sha256').update(data).digest());

const page = 10_000;

/** One Merkle log and the catch-up under way, if any. */
interface Followed {
  log: MerkleLog;
  catching: Promise<void> | null;
}

/** The Merkle views of one database's audit log: the global one and each scope's. */
export class AuditTree implements AuditTreePort {
  private readonly global: Followed = { log: new MerkleLog(sha256Bytes), catching: null };
  private readonly scopes = new Map<AuditScopeName, Followed>();

  constructor(
    private readonly db: Kysely<DB>,
    private readonly key: TreeHeadKey,
    private readonly clock: Clock,
  ) {}

  private followed(scope: AuditScopeName | null): Followed {
    if (scope === null) return this.global;
    let f = this.scopes.get(scope);
    if (!f) {
      f = { log: new MerkleLog(sha256Bytes), catching: null };
      this.scopes.set(scope, f);
    }
    return f;
  }

  /** The next page of (number, hash) after `size` in a scope, or in the global log. */
  private async next(scope: AuditScopeName | null, size: number) {
    const rows =
      scope === null
        ? await this.db
            .selectFrom('audit_log')
            .select(['seq as n', 'hash'])
            .where('seq', '>', size)
            .orderBy('seq')
            .limit(page)
            .execute()
        : await this.db
            .selectFrom('audit_log')
            .select(['scope_seq as n', 'hash'])
            .where('scope', '=', scope)
            .where('scope_seq', '>', size)
            .orderBy('scope_seq')
            .limit(page)
            .execute();
    return rows.map((r) => ({ n: Number(r.n), hash: r.hash }));
  }

  /**
   * Appends a log's entries committed since the last look, in order, page by page; answers its
   * size. Global seqs and scope numbers are both taken under the head row's lock, so they commit
   * in order: a gap means a transaction still in flight, taken next time.
   */
  async catchUp(scope: AuditScopeName | null = null): Promise<number> {
    const f = this.followed(scope);
    f.catching ??= (async () => {
      for (;;) {
        const rows = await this.next(scope, f.log.size);
        for (const r of rows) {
          if (r.n !== f.log.size + 1) return;
          f.log.append(auditLeafHash({ seq: r.n, hash: r.hash }, sha256Bytes));
        }
        if (rows.length < page) return;
      }
    })().finally(() => {
      f.catching = null;
    });
    await f.catching;
    return f.log.size;
  }

  /** The current signed tree head of a scope (named in it), or of the global log. */
  async head(scope: AuditScopeName | null = null): Promise<SignedTreeHead> {
    const size = await this.catchUp(scope);
    return signTreeHead(
      {
        treeSize: size,
        rootHash: toHex(this.followed(scope).log.root(size)),
        timestamp: this.clock.now().toISOString(),
        keyId: this.key.keyId,
        ...(scope === null ? {} : { scope }),
      },
      this.key.sign,
    );
  }

  /** A consistency proof between two sizes of a log (hex nodes). */
  async consistency(
    scope: AuditScopeName | null,
    oldSize: number,
    newSize: number,
  ): Promise<string[]> {
    await this.catchUp(scope);
    return this.followed(scope).log.consistencyProof(oldSize, newSize).map(toHex);
  }

  /** An inclusion proof for entry number `seq` of a log in its tree of `size` entries (hex nodes). */
  async inclusion(scope: AuditScopeName | null, seq: number, size: number): Promise<string[]> {
    await this.catchUp(scope);
    return this.followed(scope)
      .log.inclusionProof(seq - 1, size)
      .map(toHex);
  }
}
