/**
 * The demo's negotiating text: an invented draft agreement of about twenty provisions, worked on
 * over three rounds — versions published, amendments proposed by both parties in their bilateral
 * channels and decided by the mediators, a signature on the second version while the other party
 * still amends. All wording is invented.
 */
import type { Actor } from '../../core/access/policy.js';
import type { Deps } from '../../core/ports.js';
import type { PartyId, ProcessId } from '../../core/shared/ids.js';
import { findProvision, listProvisions } from '../../core/text/model.js';
import { decideAmendment } from '../../core/usecases/text/decide-amendment.js';
import { editWorkingText } from '../../core/usecases/text/edit-working-text.js';
import { getVersion } from '../../core/usecases/text/get-version.js';
import { getWorkingText } from '../../core/usecases/text/get-working-text.js';
import { proposeAmendment } from '../../core/usecases/text/propose-amendment.js';
import { publishVersion } from '../../core/usecases/text/publish-version.js';
import { signVersion } from '../../core/usecases/text/sign-version.js';
import { asId } from '../../core/shared/ids.js';

/** The first draft, in the plain-text bracket syntax. */
export const demoDraft = `Title: Draft framework agreement on an electoral and political way forward (illustrative demo — invented text)

# Chapter I — Principles {#ch-principles}

1.1 {#p-purpose} The Parties commit to a peaceful, negotiated and electoral way out of the present political and economic crisis.

1.2 {#p-naeuea} Nothing is agreed until everything is agreed.

1.3 {#p-confidentiality} The Parties shall keep the content of these talks confidential until they agree otherwise.

1.4 {#p-guarantors} The Parties welcome the facilitation of the talks and may invite [guarantor states]{OPP} to accompany their implementation.

# Chapter II — Electoral calendar {#ch-calendar}

2.1 {#p-election} A presidential election shall be held [Alt 1: within nine months of signature]{OPP} / [Alt 2: at the end of the current constitutional term]{GOV}.

2.2 {#p-date} The electoral authority shall set the date of the election [within thirty days of its renewal]{OPP}.

2.3 {#p-campaign} The electoral campaign shall last [no less than]{OPP} ninety days.

2.4 {#p-voters} The register of voters shall be audited and opened to voters abroad [Alt 1: before the election is called]{OPP} / [Alt 2: as far as practicable]{GOV}.

# Chapter III — Electoral authority {#ch-authority}

3.1 {#p-authority} The national electoral authority shall be [Alt 1: renewed in full]{OPP} / [Alt 2: completed by two new members chosen by consensus]{GOV}.

3.2 {#p-observers} International electoral observation missions [shall]{OPP} be invited [from the day the election is called]{Mediators}.

3.3 {#p-audit} Voting machines and software shall be audited by independent experts before and after the election.

3.4 {#p-media} All candidates shall have fair access to public media.

# Chapter IV — Transitional arrangements and guarantees {#ch-transition}

4.1 {#p-commission} A joint commission shall oversee the implementation of this agreement until the inauguration of the elected president.

4.2 {#p-composition} The joint commission shall be composed of [Alt 1: three members designated by each Party and one by the facilitator]{Mediators} / [Alt 2: an equal number of members designated by each Party]{GOV}.

4.3 {#p-transitional} [A transitional government shall be formed within sixty days of signature.]{OPP}

4.4 {#p-security} The security forces shall remain neutral throughout the electoral process.

# Chapter V — Detainees, sanctions and implementation {#ch-implementation}

5.1 {#p-detainees} Persons detained for political reasons shall be released [Alt 1: within thirty days of signature]{OPP} / [Alt 2: following a case-by-case review]{GOV}.

5.2 {#p-amnesty} [An amnesty law shall be adopted for acts of political expression.]{OPP}

5.3 {#p-sanctions} The Parties shall jointly request [Alt 1: the full lifting of international sanctions]{GOV} / [Alt 2: relief from international sanctions phased with the milestones of this agreement]{OPP}.

5.4 {#p-humanitarian} The Parties shall facilitate the entry and distribution of humanitarian assistance.

5.5 {#p-implementation} Implementation shall be verified by the joint commission and reported to the Parties every thirty days.
`;

/** Creates the text and its history. */
export async function seedDemoText(
  deps: Deps<'db' | 'clock' | 'ids' | 'hashing'>,
  input: {
    processId: ProcessId;
    parties: { gov: PartyId; opp: PartyId };
    actors: { lead: Actor; mediator: Actor; govHead: Actor; oppHead: Actor; oppDelegate: Actor };
  },
): Promise<void> {
  const { processId, actors } = input;
  let revision = 0;
  const edit = async (e: Parameters<typeof editWorkingText>[1]['edit'], actor = actors.lead) => {
    revision = (await editWorkingText(deps, { actor, processId, baseRevision: revision, edit: e }))
      .revision;
  };
  const publish = (note: string) =>
    publishVersion(deps, {
      actor: actors.lead,
      processId,
      baseRevision: revision,
      note,
      distribution: { to: 'all' },
    });

  // Round 1: the mediators' first draft.
  await edit({ kind: 'import', plainText: demoDraft });
  await edit(
    { kind: 'set_status', provision: asId('p-purpose'), status: 'agreed' },
    actors.mediator,
  );
  await edit({ kind: 'set_status', provision: asId('p-naeuea'), status: 'agreed' });
  await publish('First draft for discussion in round 1 (invented).');

  // Round 2: amendments from both sides, decided by the mediators.
  const govAmendment = await proposeAmendment(deps, {
    actor: actors.govHead,
    processId,
    provision: asId('p-media'),
    change: { kind: 'replace', target: { quote: 'fair access', occurrence: 1 }, wording: 'access' },
    note: 'Access to media is regulated by law (invented).',
  });
  const oppAmendment = await proposeAmendment(deps, {
    actor: actors.oppDelegate,
    processId,
    provision: asId('p-security'),
    change: {
      kind: 'insert',
      at: { quote: 'electoral process', occurrence: 1, position: 'after' },
      wording: 'under the oversight of the joint commission',
    },
    note: 'Neutrality needs oversight (invented).',
  });
  const decide = async (
    amendmentId: typeof govAmendment.id,
    decision: 'accept_as_alternative' | 'merge' | 'decline',
  ) => {
    revision = (
      await decideAmendment(deps, {
        actor: actors.lead,
        processId,
        amendmentId,
        decision,
        baseRevision: revision,
      })
    ).draft.revision;
  };
  await decide(govAmendment.id, 'accept_as_alternative');
  await decide(oppAmendment.id, 'merge');
  await edit({
    kind: 'set_status',
    provision: asId('p-confidentiality'),
    status: 'agreed_ad_referendum',
  });
  await edit({ kind: 'set_status', provision: asId('p-audit'), status: 'agreed_ad_referendum' });
  await edit({ kind: 'set_status', provision: asId('p-humanitarian'), status: 'agreed' });
  const v2 = await publish("Revised draft after round 2: the mediators' synthesis (invented).");

  // The government signs version 2 while the opposition keeps amending.
  const seen = await getVersion(deps, { actor: actors.govHead, processId, number: v2.number });
  await signVersion(deps, {
    actor: actors.govHead,
    processId,
    number: v2.number,
    versionHash: seen.version.hash,
  });
  await proposeAmendment(deps, {
    actor: actors.oppHead,
    processId,
    provision: asId('p-date'),
    change: {
      kind: 'replace',
      target: { quote: 'thirty days', occurrence: 1 },
      wording: 'fifteen days',
    },
    note: 'Pending: a shorter deadline (invented).',
  });

  // Round 3: brackets narrowed.
  const current = (await getWorkingText(deps, { actor: actors.lead, processId })).draft.text;
  const observers = findProvision(current, asId('p-observers'));
  const mediaWording = observers?.provision.body.findIndex(
    (s) => s.kind === 'bracket' && s.holder.kind === 'mediators',
  );
  if (mediaWording !== undefined && mediaWording >= 0)
    await edit({
      kind: 'resolve_bracket',
      provision: asId('p-observers'),
      segment: mediaWording,
      resolution: 'accept',
    });
  await edit({
    kind: 'set_status',
    provision: asId('p-commission'),
    status: 'agreed_ad_referendum',
  });
  await publish(`Version for round 3: ${listProvisions(current).length} provisions (invented).`);
}
