/** `parley audit …`: verify the hash chain, and witness the Merkle tree with signed heads. */
import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { checkExtends, readSignedTreeHead } from '../core/audit/tree-head.js';
import { sha256Bytes } from '../server/audit-tree.js';
import { verifyAuditLog } from '../server/audit-verify.js';
import { out, UsageError, withRuntime } from './session.js';

/** Usage lines of the audit commands. */
export const auditUsage = `  audit verify [--against HEAD.json]
                               Recompute the audit log's hash chain and name the first bad entry;
                               with --against, also prove that today's log extends the one a
                               signed tree head was issued for (exit 1 on any failure).
  audit head [--out HEAD.json]  Print (or save) the current signed tree head and the public key.`;

/** Runs `parley audit <sub> …`. */
export async function runAudit(args: string[]): Promise<number> {
  const [sub, ...rest] = args;
  const { values } = parseArgs({
    args: rest,
    options: { against: { type: 'string' }, out: { type: 'string' } },
  });
  switch (sub) {
    case 'verify':
      return withRuntime(async (rt) => {
        const verdict = await verifyAuditLog(rt.database);
        if (!verdict.ok) {
          out(`Audit log BROKEN at entry #${verdict.badSeq}: ${verdict.reason}.`);
          out(
            `(${verdict.entries} entries read; everything from #${verdict.badSeq} on is untrustworthy.)`,
          );
          return 1;
        }
        out(`Audit log verified: ${verdict.entries} entries, head ${verdict.head}.`);
        if (!values.against) return 0;
        const reading = readSignedTreeHead(
          JSON.parse(readFileSync(values.against, 'utf8')) as unknown,
        );
        if (!reading.ok)
          throw new UsageError(`${values.against} is not a signed tree head: ${reading.reason}`);
        const oldHead = reading.head;
        const newHead = await rt.deps.auditTree.head();
        const proof =
          oldHead.treeSize > 0 && oldHead.treeSize <= newHead.treeSize
            ? await rt.deps.auditTree.consistency(oldHead.treeSize, newHead.treeSize)
            : [];
        const result = checkExtends({
          oldHead,
          newHead,
          proof,
          verify: (bytes, signature, keyId) =>
            keyId === rt.treeHeadKey.keyId && rt.treeHeadKey.verify(bytes, signature),
          sha256: sha256Bytes,
        });
        if (!result.ok) {
          out(
            `The log does NOT extend the one of ${values.against} (${result.failure}): ${result.reason}.`,
          );
          return 1;
        }
        out(
          `The log of ${newHead.treeSize} entries extends the one of ${oldHead.treeSize} entries signed ${oldHead.timestamp}.`,
        );
        return 0;
      });
    case 'head':
      return withRuntime(async (rt) => {
        const head = await rt.deps.auditTree.head();
        const json = JSON.stringify(head, null, 2);
        if (values.out) {
          writeFileSync(values.out, `${json}\n`);
          out(`Wrote the signed tree head for ${head.treeSize} entries to ${values.out}.`);
        } else out(json);
        out(`Public key ${rt.treeHeadKey.keyId}:\n${rt.treeHeadKey.publicKeyPem.trim()}`);
        return 0;
      });
    default:
      throw new UsageError(`Unknown audit command "${sub ?? ''}".`);
  }
}
