/**
 * `parley audit …`: verify the hash chain and every audit scope, and witness the Merkle trees with
 * signed heads. These are the operator's commands (they open the database): the global log by
 * default, one scope with `--scope` — e.g. to check a head a member witnessed (members get theirs
 * through the API: `GET /api/audit/tree-head?scope=…`), whose scope `--against` reads from the file.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { auditLeafHash, fromHex, verifyInclusion } from '../core/audit/merkle.js';
import { parseAuditScope } from '../core/audit/scope.js';
import {
  readSignedTreeHead,
  verifyTreeHead,
  type SignedTreeHead,
} from '../core/audit/tree-head.js';
import type { Runtime } from '../server/runtime.js';
import { sha256Bytes } from '../server/audit-tree.js';
import { verifyAuditEvidence } from '../server/audit-verify.js';
import { out, UsageError, withRuntime } from './session.js';
import type { CommandUsage } from './usage.js';

/** Usage of the audit commands. */
export const auditUsages: readonly CommandUsage[] = [
  {
    name: 'audit verify',
    synopsis: '[--against HEAD.json]',
    summary:
      "Recompute the audit log's hash chain and every scope's numbers and tree, and name the first bad entry; with --against, also prove that today's log (the global one, or the scope the head names) extends the one a signed tree head was issued for (exit 1 on any failure).",
    options: [
      [
        '--against HEAD.json',
        'A signed tree head saved by `parley audit head --out` (global or of one scope): prove that today’s log extends its log.',
      ],
    ],
  },
  {
    name: 'audit head',
    synopsis: '[--scope SCOPE] [--out HEAD.json]',
    summary:
      'Print (or save) the current signed tree head of the global log, or of one scope, and the public key.',
    options: [
      ['--scope SCOPE', 'One scope’s log: process:ID, compartment:ID or member:PROCESS:USER.'],
      ['--out HEAD.json', 'Save the tree head to this file instead of printing it.'],
    ],
  },
  {
    name: 'audit prove',
    synopsis: 'SEQ [--scope SCOPE] [--against HEAD.json] [--out PROOF.json]',
    summary:
      'Prove that entry SEQ is in the log of a signed tree head (the current one, or the one in HEAD.json), check the proof, and print or save it (exit 1 if it does not hold).',
    options: [
      [
        'SEQ',
        'The entry’s number in the global log, or in the scope named by --scope or HEAD.json.',
      ],
      ['--scope SCOPE', 'One scope’s log: process:ID, compartment:ID or member:PROCESS:USER.'],
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
    options: { against: { type: 'string' }, out: { type: 'string' }, scope: { type: 'string' } },
    allowPositionals: sub === 'prove',
  });
  if (values.scope !== undefined && !parseAuditScope(values.scope))
    throw new UsageError(
      `${values.scope} is not an audit scope: process:ID, compartment:ID or member:PROCESS:USER.`,
    );
  switch (sub) {
    case 'verify':
      return withRuntime(async (rt) => {
        // Everything checked is read in one snapshot, so a busy server can be verified live.
        const v = await verifyAuditEvidence(rt.database, {
          treeHeadKey: rt.treeHeadKey,
          clock: rt.deps.clock,
          against: values.against ? readHeadFile(values.against) : undefined,
        });
        if (!v.ok)
          switch (v.part) {
            case 'chain':
              out(`Audit log BROKEN at entry #${v.badSeq}: ${v.reason}.`);
              out(`(${v.entries} entries read; everything from #${v.badSeq} on is untrustworthy.)`);
              return 1;
            case 'scopes':
              out(`Audit scopes BROKEN at entry #${v.badSeq}: ${v.reason}.`);
              return 1;
            case 'tree':
              out(
                `Audit scope ${v.scope} BROKEN: the tree served to its members differs from the log.`,
              );
              return 1;
            case 'against':
              out(
                `The log does NOT extend the one of ${values.against} (${v.failure}): ${v.reason}.`,
              );
              return 1;
          }
        out(`Audit log verified: ${v.entries} entries, head ${v.head}.`);
        out(`Audit scopes verified: ${v.scopes} scopes, each numbered without gaps.`);
        if (v.extended) {
          const { scope, newSize, oldSize, signedAt } = v.extended;
          out(
            `The ${scope === null ? 'log' : `log of ${scope}`} of ${newSize} entries extends the one of ${oldSize} entries signed ${signedAt}.`,
          );
        }
        return 0;
      });
    case 'head':
      return withRuntime(async (rt) => {
        const head = await rt.deps.auditTree.head(values.scope ?? null);
        const json = JSON.stringify(head, null, 2);
        if (values.out) {
          writeFileSync(values.out, `${json}\n`);
          out(
            `Wrote the signed tree head for ${head.treeSize} entries${head.scope ? ` of ${head.scope}` : ''} to ${values.out}.`,
          );
        } else out(json);
        out(`Public key ${rt.treeHeadKey.keyId}:\n${rt.treeHeadKey.publicKeyPem.trim()}`);
        return 0;
      });
    case 'prove': {
      const seq = Number(positionals[0]);
      if (!Number.isSafeInteger(seq) || seq < 1)
        throw new UsageError('audit prove needs the seq of an entry: a whole number from 1.');
      return withRuntime(async (rt) => {
        const witnessed = values.against ? readHeadFile(values.against) : undefined;
        if (witnessed && values.scope !== undefined && witnessed.scope !== values.scope)
          throw new UsageError(`${values.against} is a head of another log than ${values.scope}.`);
        const scope = witnessed ? (witnessed.scope ?? null) : (values.scope ?? null);
        const head = witnessed ?? (await rt.deps.auditTree.head(scope));
        const signed = verifyTreeHead(head, verifierOf(rt));
        if (!signed.ok) {
          out(`The tree head is not signed by this server's key: ${signed.reason}.`);
          return 1;
        }
        const current = await rt.deps.auditTree.head(scope);
        if (head.treeSize > current.treeSize)
          throw new UsageError(
            `The head has ${head.treeSize} entries; this log has only ${current.treeSize}.`,
          );
        const entry = await (
          scope === null
            ? rt.database.db
                .selectFrom('audit_log')
                .select(['hash', 'kind', 'at'])
                .where('seq', '=', seq)
            : rt.database.db
                .selectFrom('audit_log')
                .select(['hash', 'kind', 'at'])
                .where('scope', '=', scope)
                .where('scope_seq', '=', seq)
        ).executeTakeFirst();
        if (!entry || seq > head.treeSize)
          throw new UsageError(`There is no entry #${seq} in a log of ${head.treeSize} entries.`);
        const proof = await rt.deps.auditTree.inclusion(scope, seq, head.treeSize);
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
          {
            ...(scope === null ? {} : { scope }),
            seq,
            kind: entry.kind,
            at: entry.at,
            hash: entry.hash,
            treeSize: head.treeSize,
            proof,
          },
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
