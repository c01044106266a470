/**
 * The audit log as an RFC 9162 Merkle tree: built from the stored entries (each leaf is
 * `seq:hash` of one entry, see core/audit/merkle.ts) and kept up to date by reading what other
 * transactions and instances appended since, in order. It signs tree heads with the server's
 * Ed25519 key and answers consistency and inclusion proofs.
 */
import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import { auditLeafHash, MerkleLog, toHex, type Sha256Bytes } from '../core/audit/merkle.js';
import { signTreeHead, type SignedTreeHead } from '../core/audit/tree-head.js';
import type { Clock } from '../core/ports.js';
import type { DB } from './db/schema.js';
import type { TreeHeadKey } from './security/signing-key.js';

/** SHA-256 over bytes, for the Merkle tree. */
export const sha256Bytes: Sha256Bytes = (data) =>
  new Uint8Array(createHash('sha256').update(data).digest());

/** The Merkle view of one database's audit log. */
export class AuditTree {
  private readonly log = new MerkleLog(sha256Bytes);
  private catching: Promise<void> | null = null;

  constructor(
    private readonly db: Kysely<DB>,
    private readonly key: TreeHeadKey,
    private readonly clock: Clock,
  ) {}

  /** Appends the entries committed since the last look, in seq order, page by page. */
  async catchUp(): Promise<number> {
    this.catching ??= (async () => {
      for (;;) {
        const rows = await this.db
          .selectFrom('audit_log')
          .select(['seq', 'hash'])
          .where('seq', '>', this.log.size)
          .orderBy('seq')
          .limit(10_000)
          .execute();
        for (const r of rows) {
          const seq = Number(r.seq);
          // Entries commit in seq order (the head row is locked while appending); a gap means a
          // transaction is still in flight, so stop and take it next time.
          if (seq !== this.log.size + 1) return;
          this.log.append(auditLeafHash({ seq, hash: r.hash }, sha256Bytes));
        }
        if (rows.length < 10_000) return;
      }
    })().finally(() => {
      this.catching = null;
    });
    await this.catching;
    return this.log.size;
  }

  /** The current signed tree head. */
  async head(): Promise<SignedTreeHead> {
    const size = await this.catchUp();
    return signTreeHead(
      {
        treeSize: size,
        rootHash: toHex(this.log.root(size)),
        timestamp: this.clock.now().toISOString(),
        keyId: this.key.keyId,
      },
      this.key.sign,
    );
  }

  /** A consistency proof between two sizes (hex nodes). */
  async consistency(oldSize: number, newSize: number): Promise<string[]> {
    await this.catchUp();
    return this.log.consistencyProof(oldSize, newSize).map(toHex);
  }

  /** An inclusion proof for the entry with this seq in a tree of `size` entries (hex nodes). */
  async inclusion(seq: number, size: number): Promise<string[]> {
    await this.catchUp();
    return this.log.inclusionProof(seq - 1, size).map(toHex);
  }
}
