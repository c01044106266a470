import type { Actor } from '../../access/policy.js';
import { canReadCompartment, readableCompartmentIds } from '../../access/policy.js';
import type { Deps, Stores } from '../../ports.js';
import { matchesAll, searchTerms } from '../../search/match.js';
import { groupMatches, type SearchDocument, type SearchGroup } from '../../search/results.js';
import { DomainError } from '../../shared/errors.js';
import type { CompartmentId, PartyId, ProcessId } from '../../shared/ids.js';
import type { NegotiatingText, Segment } from '../../text/model.js';
import { parseCanonicalJson } from '../../text/version.js';
import { viewCommunique } from '../communiques/communique-view.js';
import { openProcess, type ProcessContext } from '../process-context.js';

/** What a search answers. */
export interface SearchResult {
  /** The terms searched for, as the query was split. */
  terms: string[];
  /** How many documents matched, over every kind. */
  total: number;
  /** The matches, by kind. */
  groups: SearchGroup[];
}

/** The most hits shown per kind (the group's total counts them all). */
const perKind = 20;

/**
 * Searches everything the actor may read in a process: notes, threads and messages, proposals, the
 * working text (the mediator team), published versions, communiqués and press lines, public
 * statements, rounds, media actors, statements and articles, commitments and evidence. Every kind
 * is read through the same compartment filter as its own screens (`readableCompartmentIds` into
 * each store's `visible`), so sealed columns are opened only for rows the actor may see, and
 * nothing hidden can change a count or an order. Searching is audited like reading a list: one
 * `compartment.searched` per non-public compartment that contributed a match.
 */
export async function searchProcess(
  deps: Deps<'db' | 'clock'>,
  input: { actor: Actor; processId: ProcessId; query: string },
): Promise<SearchResult> {
  const terms = searchTerms(input.query);
  if (terms.length === 0)
    throw new DomainError('INVALID_INPUT', 'Type at least one word to search for.', {
      field: 'q',
    });
  return deps.db.transaction(async (s) => {
    const ctx = await openProcess(s, input.actor, input.processId);
    const visible = readableCompartmentIds(input.actor, input.processId, ctx.compartments);
    const documents = await gather(s, ctx, visible, deps.clock.now());
    const groups = groupMatches(documents, terms, perKind);
    // Every match counts for the audit, shown or not: its compartment was searched either way.
    const matched = new Set(
      documents.filter((d) => matchesAll([d.title, d.text], terms)).map((d) => d.compartmentId),
    );
    for (const c of ctx.compartments)
      if (matched.has(c.id) && c.kind !== 'public')
        await s.audit.append({
          kind: 'compartment.searched',
          data: {},
          actorUserId: input.actor.userId,
          processId: input.processId,
          compartmentId: c.id,
        });
    return { terms, total: groups.reduce((n, g) => n + g.total, 0), groups };
  });
}

/** Every document of the process the actor may read, each kind through its own visible filter. */
async function gather(
  s: Stores,
  ctx: ProcessContext,
  visible: readonly CompartmentId[],
  now: Date,
): Promise<SearchDocument[]> {
  const processId = ctx.process.id;
  const docs: SearchDocument[] = [];
  const parties = await s.processes.listParties(processId);
  const code = (id: PartyId | null) => parties.find((p) => p.id === id)?.code ?? '';
  const none = { parentId: null, number: null };

  for (const i of await s.items.listItems({ processId, visible, limit: 100_000 }))
    docs.push({
      kind: 'note',
      id: i.id,
      title: i.title,
      text: i.body,
      compartmentId: i.compartmentId,
      at: i.updatedAt,
      ...none,
    });

  for (const t of await s.messages.listThreads({ processId, visible })) {
    docs.push({
      kind: 'thread',
      id: t.id,
      title: t.title,
      text: '',
      compartmentId: t.compartmentId,
      at: t.lastPostedAt ?? t.createdAt,
      ...none,
    });
    for (const m of await s.messages.listMessages(t.id, visible))
      docs.push({
        kind: 'message',
        id: m.id,
        title: t.title,
        text: m.body,
        compartmentId: m.compartmentId,
        at: m.postedAt,
        parentId: t.id,
        number: null,
      });
  }

  const issues = await s.record.listIssues(processId);
  const optionLabel = (issueId: string, optionId: string) =>
    issues.find((i) => i.id === issueId)?.options.find((o) => o.id === optionId)?.label ?? '';
  for (const p of await s.record.listProposals(processId, visible)) {
    const terms = p.terms.map((t) => optionLabel(t.issueId, t.optionId)).filter(Boolean);
    const by = code(p.tabledByParty);
    docs.push({
      kind: 'proposal',
      id: p.id,
      title: [by, terms.join('; ')].filter(Boolean).join(' · '),
      text: p.note,
      compartmentId: p.compartmentId,
      at: p.tabledAt,
      parentId: null,
      number: p.round,
    });
  }

  // The working draft lives in the mediator team's room: searched only by those who read it.
  const room = ctx.compartments.find((c) => c.kind === 'mediators');
  if (room && canReadCompartment(ctx.membership, room)) {
    const draft = await s.text.findDraft(processId);
    if (draft)
      for (const p of provisionsOf(draft.text))
        docs.push({
          kind: 'provision',
          id: p.key,
          title: p.title,
          text: p.text,
          compartmentId: room.id,
          at: draft.updatedAt,
          ...none,
        });
  }
  for (const v of await s.text.listVersions(processId, visible))
    for (const p of provisionsOf(parseCanonicalJson(v.canonical)))
      docs.push({
        kind: 'version',
        id: p.key,
        title: p.title,
        text: p.text,
        compartmentId: v.compartmentId,
        at: v.publishedAt,
        parentId: null,
        number: v.number,
      });

  const communiques = await s.communiques.listCommuniques(processId, visible, now.toISOString());
  for (const c of communiques) {
    const view = viewCommunique(c, [], parties, ctx.compartments, now);
    docs.push({
      kind: 'communique',
      id: c.id,
      title: c.title,
      text: c.text,
      compartmentId: view.visibleIn,
      at: c.updatedAt,
      parentId: null,
      number: c.number,
    });
  }
  for (const x of await s.communiques.listStatements(processId, visible))
    docs.push({
      kind: 'statement',
      id: x.id,
      title: [code(x.partyId), x.source].filter(Boolean).join(' · '),
      text: x.text,
      compartmentId: x.compartmentId,
      at: x.statedOn,
      ...none,
    });

  // Rounds are the process's set-up, known to every member: their title and rules, never the venue.
  for (const r of await s.rounds.listRounds(processId))
    docs.push({
      kind: 'round',
      id: r.id,
      title: r.title,
      text: r.rules,
      compartmentId: null,
      at: r.startsOn,
      parentId: null,
      number: r.number,
    });

  const actors = await s.media.listActors(processId, visible);
  for (const a of actors)
    docs.push({
      kind: 'actor',
      id: a.id,
      title: a.name,
      text: [...a.aliases.map((x) => x.text), a.notes].join(' · '),
      compartmentId: a.compartmentId,
      at: a.createdAt,
      ...none,
    });
  for (const x of await s.media.listStatements(processId, visible))
    docs.push({
      kind: 'actor_statement',
      id: x.id,
      title: actors.find((a) => a.id === x.actorId)?.name ?? '',
      text: x.quote,
      compartmentId: x.compartmentId,
      at: x.statedOn,
      parentId: x.actorId,
      number: null,
    });
  for (const a of await s.media.listArticles(processId, visible))
    docs.push({
      kind: 'article',
      id: a.id,
      title: a.title,
      text: a.text,
      compartmentId: a.compartmentId,
      at: a.publishedAt ?? a.addedAt,
      ...none,
    });

  const commitments = await s.implementation.listCommitments(processId, visible);
  for (const c of commitments)
    docs.push({
      kind: 'commitment',
      id: c.id,
      title: c.externalId,
      text: c.wording,
      compartmentId: c.compartmentId,
      at: c.createdAt,
      ...none,
    });
  for (const e of await s.implementation.listEvidence(processId, visible))
    docs.push({
      kind: 'evidence',
      id: e.id,
      title: commitments.find((c) => c.id === e.commitmentId)?.externalId ?? '',
      text: [e.text, e.source].join(' · '),
      compartmentId: e.compartmentId,
      at: e.observedOn,
      parentId: e.commitmentId,
      number: null,
    });
  return docs;
}

/** A text's provisions, numbered as they read ("2.3"), with their wording (never drafters' notes). */
function provisionsOf(text: NegotiatingText): Array<{ key: string; title: string; text: string }> {
  return text.chapters.flatMap((ch, i) =>
    ch.provisions.map((p, j) => ({
      key: p.key,
      title: [`${i + 1}.${j + 1}`, ch.title].filter(Boolean).join(' · '),
      text: p.body.map(wording).join(' '),
    })),
  );
}

/** A segment's wording: every alternative's, side by side. */
function wording(segment: Segment): string {
  switch (segment.kind) {
    case 'plain':
    case 'bracket':
      return segment.text;
    case 'alternatives':
      return segment.options.map((o) => o.text).join(' / ');
  }
}
