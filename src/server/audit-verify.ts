/** Verifies the whole audit chain of a database against its recorded head. */
import { verifyChain, type ChainVerdict } from '../core/audit/chain.js';
import type { Database } from './db/connect.js';
import { readHead, readWholeLog } from './db/audit-repository.js';
import { sha256 } from './security/crypto.js';

/** Recomputes every hash and link, in order, and compares the end with the recorded head. */
export async function verifyAuditLog(database: Database): Promise<ChainVerdict> {
  return verifyChain(readWholeLog(database.db), sha256, await readHead(database.db));
}
