/**
 * The published suggestion sets: the one place a party sees packages chosen with the other
 * parties' ratings — each with its own utility only, on the submission the set used — and can
 * compare the sets over time. The mediator team sees the same packages with the numbers of the
 * parties that share their ratings, how many submissions each party made since the last set, and
 * publishes the next one within the bound; a head of delegation consents to one beyond it.
 */
import { useConfirmation } from '../../ui/ConfirmDialog.js';
import { AudienceSummary } from '../outward/AudienceSummary.js';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.js';
import type { AgendaIssue, SolutionKind, SuggestionSet, SuggestionSets } from '../../api/types.js';
import { useFormats } from '../../i18n/index.js';
import { Button, ErrorAlert, Loading, Section } from '../../ui/components.js';
import { useAction, useQuery } from '../../ui/hooks.js';
import { useProcess } from '../processes/ProcessContext.js';
import { PackageView } from '../record/packages.js';
import { useParties } from '../text/holders.js';
import { round1, useCodes } from './labels.js';

const kinds: SolutionKind[] = ['nash', 'kalai-smorodinsky', 'egalitarian', 'max-welfare'];

/** The suggestion sets as the API lets me see them, newest first, with the bound. */
export function SuggestionSetsSection({ issues }: { issues: AgendaIssue[] }) {
  const { t } = useTranslation();
  const { view, liveTick } = useProcess();
  const sets = useQuery(() => api.suggestions.list(view.process.id), [view.process.id, liveTick]);
  const data = sets.data;
  const own = view.me.partyId;
  return (
    <Section title={t('analysis.setsTitle')} className="suggestion-sets">
      <ErrorAlert error={sets.error} />
      {sets.loading && !data ? (
        <Loading />
      ) : data ? (
        <>
          <p className="section-intro">
            {data.viewer === 'party'
              ? t('analysis.setsIntroParty', {
                  party: own ? view.parties.find((p) => p.id === own)?.code : '',
                })
              : t('analysis.setsIntroMediator')}
          </p>
          <BoundPanel data={data} onChanged={sets.reload} />
          {data.sets.length === 0 ? (
            <p className="empty">{t('analysis.noSets')}</p>
          ) : (
            <>
              {data.viewer === 'party' && own && <AcrossSets sets={data.sets} party={own} />}
              <ol className="suggestion-set-list" reversed>
                {[...data.sets].reverse().map((set) => (
                  <SetCard key={set.id} set={set} issues={issues} viewer={data.viewer} own={own} />
                ))}
              </ol>
            </>
          )}
          <p className="muted small">
            {data.viewer === 'party' ? t('analysis.partyPrivacy') : t('analysis.mediatorPrivacy')}
          </p>
        </>
      ) : null}
    </Section>
  );
}

/** Where the bound stands; publishing (mediators) and consenting (a head of delegation). */
function BoundPanel({ data, onChanged }: { data: SuggestionSets; onChanged: () => void }) {
  const { t } = useTranslation();
  const formats = useFormats();
  const { view } = useProcess();
  const { code } = useParties();
  const codes = useCodes();
  const action = useAction();
  const confirmation = useConfirmation();
  const role = view.me.role;
  const b = data.bound;
  const mayPublish = role === 'lead_mediator' || role === 'mediator';
  const ready = data.pending?.every((p) => p.submitted) ?? false;
  return (
    <div className="suggestion-bound">
      <p>
        {t('analysis.bound', {
          count: b.setsPerRound,
          published: formats.number(b.publishedInRound),
          round:
            b.round === null
              ? t('analysis.beforeRounds')
              : t('analysis.roundN', { n: formats.number(b.round) }),
        })}
      </p>
      {b.consentNeeded && (
        <p>
          {data.viewer === 'mediator'
            ? `${t('analysis.consentNeeded')} ${
                b.consented.length
                  ? t('analysis.consentedParties', { parties: codes(b.consented) })
                  : t('analysis.consentedNone')
              }`
            : b.consented.length
              ? t('analysis.youConsented')
              : t('analysis.consentHelp')}
        </p>
      )}
      {data.pending && (
        <div>
          <p className="strong">{t('analysis.pendingTitle')}</p>
          <ul className="pending-list">
            {data.pending.map((p) => (
              <li key={p.partyId}>
                {p.submitted
                  ? t('analysis.pendingItem', { party: code(p.partyId), count: p.sinceLastSet })
                  : t('analysis.notSubmitted', { party: code(p.partyId) })}
              </li>
            ))}
          </ul>
        </div>
      )}
      {confirmation.dialog}
      {mayPublish && (
        <Button
          pending={action.pending}
          pendingLabel={t('analysis.publishing')}
          disabled={!ready}
          onClick={() => {
            const publish = () =>
              void action.run(async () => {
                await api.suggestions.publish(view.process.id);
                onChanged();
              });
            const plenary = view.compartments.find((c) => c.kind === 'plenary');
            if (!plenary) return publish();
            confirmation.ask({
              title: t('outward.publishSet.title'),
              confirmLabel: t('outward.publishSet.confirm'),
              body: (
                <AudienceSummary compartmentId={plenary.id} what={t('outward.publishSet.what')}>
                  <p>{t('outward.cannotUndo')}</p>
                </AudienceSummary>
              ),
              onConfirm: publish,
            });
          }}
        >
          {t('analysis.publish')}
        </Button>
      )}
      {role === 'head_of_delegation' && b.consentNeeded && b.consented.length === 0 && (
        <Button
          variant="secondary"
          pending={action.pending}
          onClick={() =>
            void action.run(async () => {
              await api.suggestions.consent(view.process.id);
              onChanged();
            })
          }
        >
          {t('analysis.consent')}
        </Button>
      )}
      <ErrorAlert error={action.error} />
    </div>
  );
}

/** A party's own utility of each solution concept's package, set by set. */
function AcrossSets({ sets, party }: { sets: SuggestionSet[]; party: string }) {
  const { t } = useTranslation();
  const formats = useFormats();
  const of = (set: SuggestionSet, kind: SolutionKind) => {
    const pkg = set.packages.find((p) => p.labels.includes(kind));
    const u = pkg?.utilities[party];
    return u === undefined ? '—' : formats.number(round1(u));
  };
  return (
    <div className="table-scroll">
      <table className="across-sets">
        <caption>{t('analysis.acrossTitle')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('analysis.setColumn')}</th>
            <th scope="col">{t('analysis.submissionColumn')}</th>
            {kinds.map((k) => (
              <th key={k} scope="col" className="num">
                {t(`analysis.solutionShort.${k}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {sets.map((set) => (
            <tr key={set.id}>
              <th scope="row">{formats.number(set.number)}</th>
              <td>{set.inputs[0] ? formats.number(set.inputs[0].submission) : '—'}</td>
              {kinds.map((k) => (
                <td key={k} className="num">
                  {of(set, k)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** One published set: when, by whom, which submission, its packages. */
function SetCard({
  set,
  issues,
  viewer,
  own,
}: {
  set: SuggestionSet;
  issues: AgendaIssue[];
  viewer: SuggestionSets['viewer'];
  own: string | null;
}) {
  const { t } = useTranslation();
  const formats = useFormats();
  const { memberName } = useProcess();
  const { code } = useParties();
  const mine = viewer === 'party' ? set.inputs.find((i) => i.partyId === own) : undefined;
  return (
    <li className="suggestion-set">
      <h3>{t('analysis.setHeading', { n: formats.number(set.number) })}</h3>
      <p className="muted small">
        {t('analysis.setMeta', {
          date: formats.dateTime(set.publishedAt),
          name: memberName(set.publishedBy),
          round:
            set.round === null
              ? t('analysis.beforeRounds')
              : t('analysis.roundN', { n: formats.number(set.round) }),
        })}{' '}
        {viewer === 'party'
          ? mine
            ? t('analysis.usedSubmission', { n: formats.number(mine.submission) })
            : t('analysis.notInSet')
          : t('analysis.usedSubmissions', {
              list: set.inputs
                .map((i) => `${code(i.partyId)} ${formats.number(i.submission)}`)
                .join(', '),
            })}
      </p>
      <ol className="suggestion-list">
        {set.packages.map((p, k) => (
          <li key={k} className="suggestion-card">
            <div className="suggestion-head">
              <span className="chip-row">
                {p.labels.map((l) => (
                  <span key={l} className="badge badge-neutral-plain">
                    {t(`analysis.solution.${l}`)}
                  </span>
                ))}
              </span>
              {Object.entries(p.utilities).map(([party, u]) => (
                <span key={party} className="own-utility">
                  <meter
                    min={0}
                    max={100}
                    optimum={100}
                    value={u}
                    low={mine?.reservation ?? undefined}
                    aria-hidden="true"
                  />
                  <span className="strong">
                    {viewer === 'party'
                      ? t('analysis.ownUtility', { n: formats.number(round1(u)) })
                      : t('analysis.utilityFor', {
                          party: code(party),
                          n: formats.number(round1(u)),
                        })}
                  </span>
                </span>
              ))}
            </div>
            <PackageView issues={issues} pkg={p.package} onlyChanges={false} />
          </li>
        ))}
      </ol>
    </li>
  );
}
