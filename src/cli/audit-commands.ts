/** `parley audit …`: verify the hash chain, and witness the Merkle tree with signed heads. */
import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { auditLeafHash, fromHex, verifyInclusion } from '../core/audit/merkle.js';
import {
  checkExtends,
  readSignedTreeHead,
  verifyTreeHead,
  type SignedTreeHead,
} from '../core/audit/tree-head.js';
import type { Runtime } from '../server/runtime.js';
import { sha256Bytes } from '../server/audit-tree.js';
import { verifyAuditLog } from '../server/audit-verify.js';
import { out, UsageError, withRuntime } from './session.js';
import type { CommandUsage } from './usage.js';

/** Usage of the audit commands. */
export const auditUsages: readonly CommandUsage[] = [
  {
    name: 'audit verify',
    synopsis: '[--against HEAD.json]',
    summary:
      "Recompute the audit log's hash chain and name the first bad entry; with --against, also prove that today's log extends the one a signed tree head was issued for (exit 1 on any failure).",
    options: [
      [
        '--against HEAD.json',
        'A signed tree head saved by `parley audit head --out`: prove that today’s log extends its log.',
      ],
    ],
  },
  {
    name: 'audit head',
    synopsis: '[--out HEAD.json]',
    summary: 'Print (or save) the current signed tree head and the public key.',
    options: [['--out HEAD.json', 'Save the tree head to this file instead of printing it.']],
  },
  {
    name: 'audit prove',
    synopsis: 'SEQ [--against HEAD.json] [--out PROOF.json]',
    summary:
      'Prove that entry SEQ is in the log of a signed tree head (the current one, or the one in HEAD.json), check the proof, and print or save it (exit 1 if it does not hold).',
    options: [
      ['SEQ', 'The seq of the entry, a whole number from 1.'],
      ['--against HEAD.json', 'Prove it in the log of this signed tree head, not the current one.'],
      ['--out PROOF.json', 'Save the proof to this file instead of printing it.'],
    ],
  },
];

/** Runs `parley audit <sub> …`. */
export async function runAudit(args: string[]): Promise<number> {
  const [sub, ...rest] = args;
  const { values, positionals } = parseArgs({
    args: rest,
    options: { against: { type: 'string' }, out: { type: 'string' } },
    allowPositionals: sub === 'prove',
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
        const oldHead = readHeadFile(values.against);
        const newHead = await rt.deps.auditTree.head();
        const proof =
          oldHead.treeSize > 0 && oldHead.treeSize <= newHead.treeSize
            ? await rt.deps.auditTree.consistency(oldHead.treeSize, newHead.treeSize)
            : [];
        const result = checkExtends({
          oldHead,
          newHead,
          proof,
          verify: verifierOf(rt),
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
    case 'prove': {
      const seq = Number(positionals[0]);
      if (!Number.isSafeInteger(seq) || seq < 1)
        throw new UsageError('audit prove needs the seq of an entry: a whole number from 1.');
      return withRuntime(async (rt) => {
        const head = values.against ? readHeadFile(values.against) : await rt.deps.auditTree.head();
        const signed = verifyTreeHead(head, verifierOf(rt));
        if (!signed.ok) {
          out(`The tree head is not signed by this server's key: ${signed.reason}.`);
          return 1;
        }
        const current = await rt.deps.auditTree.head();
        if (head.treeSize > current.treeSize)
          throw new UsageError(
            `The head has ${head.treeSize} entries; this log has only ${current.treeSize}.`,
          );
        const entry = await rt.database.db
          .selectFrom('audit_log')
          .select(['seq', 'hash', 'kind', 'at'])
          .where('seq', '=', seq)
          .executeTakeFirst();
        if (!entry || seq > head.treeSize)
          throw new UsageError(`There is no entry #${seq} in a log of ${head.treeSize} entries.`);
        const proof = await rt.deps.auditTree.inclusion(seq, head.treeSize);
        const verdict = verifyInclusion(
          {
            index: seq - 1,
            size: head.treeSize,
            leafHash: auditLeafHash({ seq, hash: entry.hash }, sha256Bytes),
            root: fromHex(head.rootHash) ?? new Uint8Array(),
            proof: proof.map((node) => fromHex(node) ?? new Uint8Array()),
          },
          sha256Bytes,
        );
        if (!verdict.ok) {
          out(
            `Entry #${seq} is NOT proven in the log of ${head.treeSize} entries: ${verdict.reason}.`,
          );
          return 1;
        }
        const json = JSON.stringify(
          { seq, kind: entry.kind, at: entry.at, hash: entry.hash, treeSize: head.treeSize, proof },
          null,
          2,
        );
        if (values.out) writeFileSync(values.out, `${json}\n`);
        else out(json);
        out(
          `Entry #${seq} (${entry.kind}, ${entry.at}) is in the log of ${head.treeSize} entries signed ${head.timestamp}: proof of ${proof.length} nodes checked.`,
        );
        return 0;
      });
    }
    default:
      throw new UsageError(`Unknown audit command "${sub ?? ''}".`);
  }
}

/** Reads a signed tree head saved by `audit head --out`, or explains what is wrong with the file. */
function readHeadFile(file: string): SignedTreeHead {
  const reading = readSignedTreeHead(JSON.parse(readFileSync(file, 'utf8')) as unknown);
  if (!reading.ok) throw new UsageError(`${file} is not a signed tree head: ${reading.reason}`);
  return reading.head;
}

/** Checks a tree head signature against this server's key. */
function verifierOf(rt: Runtime) {
  return (bytes: Uint8Array, signature: Uint8Array, keyId: string) =>
    keyId === rt.treeHeadKey.keyId && rt.treeHeadKey.verify(bytes, signature);
}
