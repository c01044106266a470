/**
 * Implementation (C10): the commitments the agreement created, each with its level on PAM's 0–3
 * scale, open disputes and an overdue flag; a commitment's timeline with its evidence and the
 * guarantors' verifications; progress month by month as a chart with its numbers in a table
 * beside it; the provision types × years matrix; export. What each member may do follows the
 * domain's access policy; the API decides every request.
 */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { canPlanImplementation, canRelease } from '../../../core/access/policy.js';
import { pamProvisionTypes } from '../../../core/implementation/pam.js';
import { api } from '../../api/client.js';
import type {
  CommitmentSummary,
  CommitmentTimeline,
  ImplementationProgress,
  Theme,
} from '../../api/types.js';
import { useConfirmation } from '../../ui/ConfirmDialog.js';
import { AudienceSummary } from '../outward/AudienceSummary.js';
import {
  Button,
  CheckboxField,
  CopyField,
  DemoAwareText,
  Disclosure,
  ErrorAlert,
  Loading,
  Notice,
  PageTitle,
  Section,
  SelectField,
  TextAreaField,
  TextField,
} from '../../ui/components.js';
import { useAction, useQuery } from '../../ui/hooks.js';
import { membershipOf, toCoreCompartment } from '../processes/membership.js';
import { useProcess } from '../processes/ProcessContext.js';
import { PartyChip } from '../text/holders.js';
import { LevelBadge, MatrixTable, ProgressChart, levelKey } from './charts.js';
import { EvidenceDateAndSource, EvidenceFileForm, EvidenceFileLink } from './EvidenceFileField.js';
import { CommitmentDetails } from './CommitmentEditor.js';
import { ThemesPanel } from './ThemesPanel.js';
import { useScheduleText } from './schedule.js';
import { pamTypeName } from './pam-names.js';

/** The implementation screen. */
export function ImplementationPage() {
  const { t } = useTranslation();
  const { view, liveTick } = useProcess();
  const id = view.process.id;
  const plan = useQuery(() => api.implementation.plan(id), [id, liveTick]);
  const progress = useQuery(() => api.implementation.progress(id), [id, liveTick]);
  const me = membershipOf(view);
  const [selected, setSelected] = useState<string | null>(null);
  const [created, setCreated] = useState(0);
  const reload = () => {
    plan.reload();
    progress.reload();
  };
  const commitments = plan.data?.commitments ?? [];
  return (
    <div className="page implementation-page">
      <header className="page-header">
        <p className="eyebrow">{view.process.codename}</p>
        <PageTitle documentTitle={`${t('implementation.title')} · ${view.process.codename}`}>
          {t('implementation.title')}
        </PageTitle>
        <p className="lead">{t('implementation.intro')}</p>
      </header>
      {created > 0 && <Notice>{t('implementation.created', { count: created })}</Notice>}
      {canPlanImplementation(me) && (
        <Disclosure label={t('implementation.create')} variant="primary">
          {(close) => (
            <CreateForm
              onDone={(n) => {
                close();
                setCreated(n);
                reload();
              }}
            />
          )}
        </Disclosure>
      )}
      <ErrorAlert error={plan.error} />
      {plan.loading && !plan.data ? (
        <Loading />
      ) : (
        <Section title={t('implementation.commitments')}>
          {commitments.length === 0 ? (
            <p className="empty">{t('implementation.none')}</p>
          ) : (
            <div className="table-wrap">
              <table className="table table-cards commitments-table">
                <thead>
                  <tr>
                    <th scope="col">{t('implementation.col.commitment')}</th>
                    <th scope="col">{t('implementation.col.responsible')}</th>
                    <th scope="col">{t('implementation.col.deadline')}</th>
                    <th scope="col">{t('implementation.col.level')}</th>
                    <th scope="col">{t('implementation.col.flags')}</th>
                  </tr>
                </thead>
                <tbody>
                  {commitments.map((s) => (
                    <CommitmentRow
                      key={s.commitment.id}
                      summary={s}
                      open={selected === s.commitment.id}
                      onToggle={() =>
                        setSelected(selected === s.commitment.id ? null : s.commitment.id)
                      }
                    />
                  ))}
                </tbody>
              </table>
            </div>
          )}
          {selected && (
            <TimelinePanel
              key={selected}
              commitmentId={selected}
              themes={plan.data?.themes ?? []}
              onChange={reload}
            />
          )}
        </Section>
      )}
      {plan.data && (
        <ThemesPanel themes={plan.data.themes} commitments={commitments} onDefined={reload} />
      )}
      <ErrorAlert error={progress.error} />
      {progress.data && <ProgressSection progress={progress.data} />}
      {progress.data && <MatrixSection progress={progress.data} />}
      <PublicationSection themes={plan.data?.themes ?? []} />
      <ExportSection />
    </div>
  );
}

function CommitmentRow({
  summary,
  open,
  onToggle,
}: {
  summary: CommitmentSummary;
  open: boolean;
  onToggle: () => void;
}) {
  const { t } = useTranslation();
  const schedule = useScheduleText();
  const c = summary.commitment;
  return (
    <tr className={open ? 'selected' : undefined}>
      <th scope="row">
        <button type="button" className="link-button" aria-expanded={open} onClick={onToggle}>
          {c.externalId}
        </button>
        <p className="commitment-wording">
          <DemoAwareText text={c.wording} />
        </p>
        <p className="muted small">{pamTypeName(t, c.provisionType)}</p>
      </th>
      <td data-label={t('implementation.col.responsible')}>
        {c.responsiblePartyIds.length === 0
          ? '—'
          : c.responsiblePartyIds.map((p) => <PartyChip key={p} partyId={p} />)}
      </td>
      <td data-label={t('implementation.col.deadline')}>{schedule(c.recurrence, c.deadline)}</td>
      <td data-label={t('implementation.col.level')}>
        <LevelBadge level={summary.level} />
      </td>
      <td data-label={t('implementation.col.flags')}>
        {summary.overdue && (
          <span className="badge badge-warning">{t('implementation.overdue')}</span>
        )}
        {summary.openDisputes > 0 && (
          <span className="badge badge-danger">
            {t('implementation.disputed', { count: summary.openDisputes })}
          </span>
        )}
        {summary.verified > 0 && (
          <span className="badge badge-success">
            {t('implementation.verified', { count: summary.verified })}
          </span>
        )}
      </td>
    </tr>
  );
}

function CreateForm({ onDone }: { onDone: (count: number) => void }) {
  const { t } = useTranslation();
  const { view } = useProcess();
  const id = view.process.id;
  const versions = useQuery(() => api.text.versions(id), [id]);
  const [number, setNumber] = useState<number | null>(null);
  const latest = versions.data?.versions.at(-1)?.number ?? null;
  const chosen = number ?? latest;
  const version = useQuery(
    () => (chosen === null ? Promise.resolve(null) : api.text.version(id, chosen)),
    [id, chosen],
  );
  const agreed = (version.data?.text.chapters ?? []).flatMap((c) =>
    c.provisions.filter((p) => p.status === 'agreed' || p.status === 'agreed_ad_referendum'),
  );
  const [provision, setProvision] = useState('');
  const [wording, setWording] = useState('');
  const [parties, setParties] = useState<string[]>([]);
  const [startsOn, setStartsOn] = useState('');
  const [deadline, setDeadline] = useState('');
  const [type, setType] = useState('ceasefire');
  const action = useAction();
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (chosen === null) return;
    const made = await action.run(() =>
      api.implementation.create(id, {
        versionNumber: chosen,
        commitments: [
          {
            provisionKey: provision || (agreed[0]?.key ?? ''),
            wording: wording.trim() === '' ? null : wording,
            responsiblePartyIds: parties,
            startsOn,
            deadline: deadline === '' ? null : deadline,
            recurrence: deadline === '' ? 'monthly' : 'none',
            provisionType: type,
          },
        ],
      }),
    );
    if (made) onDone(made.length);
  };
  return (
    <form className="form" onSubmit={submit}>
      <p className="form-intro">{t('implementation.createIntro')}</p>
      <SelectField
        label={t('implementation.version')}
        value={chosen ?? ''}
        onChange={(e) => setNumber(Number(e.target.value))}
      >
        {(versions.data?.versions ?? []).map((v) => (
          <option key={v.number} value={v.number}>
            {t('implementation.versionOption', { number: v.number })}
          </option>
        ))}
      </SelectField>
      <SelectField
        label={t('implementation.provision')}
        value={provision}
        onChange={(e) => setProvision(e.target.value)}
      >
        {agreed.map((p) => (
          <option key={p.key} value={p.key}>
            {p.key} ({t(`implementation.provisionStatus.${p.status}`)})
          </option>
        ))}
      </SelectField>
      <TextAreaField
        label={t('implementation.wording')}
        hint={t('implementation.wordingHint')}
        optional
        value={wording}
        onChange={(e) => setWording(e.target.value)}
      />
      <fieldset className="field">
        <legend>{t('implementation.col.responsible')}</legend>
        {view.parties.map((p) => (
          <label key={p.id} className="inline-check">
            <input
              type="checkbox"
              checked={parties.includes(p.id)}
              onChange={(e) =>
                setParties(
                  e.target.checked ? [...parties, p.id] : parties.filter((x) => x !== p.id),
                )
              }
            />{' '}
            {p.name}
          </label>
        ))}
      </fieldset>
      <TextField
        label={t('implementation.startsOn')}
        type="date"
        required
        value={startsOn}
        onChange={(e) => setStartsOn(e.target.value)}
      />
      <TextField
        label={t('implementation.col.deadline')}
        hint={t('implementation.deadlineHint')}
        type="date"
        optional
        value={deadline}
        onChange={(e) => setDeadline(e.target.value)}
      />
      <SelectField
        label={t('implementation.provisionType')}
        value={type}
        onChange={(e) => setType(e.target.value)}
      >
        {pamProvisionTypes.map((p) => (
          <option key={p.key} value={p.key} title={p.definition}>
            {pamTypeName(t, p.key)}
          </option>
        ))}
      </SelectField>
      <ErrorAlert error={action.error} />
      <Button type="submit" pending={action.pending}>
        {t('implementation.createSubmit')}
      </Button>
    </form>
  );
}

function TimelinePanel({
  commitmentId,
  themes,
  onChange,
}: {
  commitmentId: string;
  themes: readonly Theme[];
  onChange: () => void;
}) {
  const { t } = useTranslation();
  const { view, liveTick } = useProcess();
  const id = view.process.id;
  const me = membershipOf(view);
  const timeline = useQuery(
    () => api.implementation.timeline(id, commitmentId),
    [id, commitmentId, liveTick],
  );
  const action = useAction();
  const [notice, setNotice] = useState<string | null>(null);
  const done = (message: string) => {
    setNotice(message);
    timeline.reload();
    onChange();
  };
  const tl = timeline.data;
  if (!tl) return timeline.error ? <ErrorAlert error={timeline.error} /> : <Loading />;
  const plenary = view.compartments.find((c) => c.kind === 'plenary');
  const plenaryCore = plenary ? toCoreCompartment(id, plenary) : null;
  const releasable = (compartmentId: string) => {
    const from = view.compartments.find((c) => c.id === compartmentId);
    const core = from ? toCoreCompartment(id, from) : null;
    return core !== null && plenaryCore !== null && canRelease(me, core, plenaryCore);
  };
  const verifier = me.role === 'guarantor' || me.role === 'observer';
  const entries = [...tl.entries].sort((a, b) =>
    a.effectiveOn === b.effectiveOn
      ? a.setAt.localeCompare(b.setAt)
      : a.effectiveOn.localeCompare(b.effectiveOn),
  );
  return (
    <section
      className="card timeline-panel"
      aria-label={t('implementation.timelineOf', { id: tl.commitment.externalId })}
    >
      <h3>{t('implementation.timelineOf', { id: tl.commitment.externalId })}</h3>
      {notice && <Notice>{notice}</Notice>}
      <CommitmentDetails
        commitment={tl.commitment}
        themes={themes}
        onSaved={(c) => done(t('implementation.edit.saved', { revision: c.revision }))}
      />
      <ErrorAlert error={action.error} />
      <ol className="timeline">
        {entries.length === 0 && <li className="empty">{t('implementation.noLevels')}</li>}
        {entries.map((e) => (
          <li key={e.id} className="timeline-entry">
            <p>
              <strong>{e.effectiveOn}</strong> <LevelBadge level={e.level} />{' '}
              {e.note && <DemoAwareText text={e.note} />}
            </p>
            <ul className="verifications">
              {tl.verifications
                .filter((v) => v.levelEntryId === e.id)
                .map((v) => (
                  <li key={v.id} className={`verification verdict-${v.verdict}`}>
                    <span
                      className={`badge ${v.verdict === 'verified' ? 'badge-success' : v.resolvedAt ? 'badge-neutral' : 'badge-danger'}`}
                    >
                      {t(`implementation.verdict.${v.verdict}`)}
                      {v.verdict === 'disputed' && v.resolvedAt
                        ? ` · ${t('implementation.resolved')}`
                        : ''}
                    </span>{' '}
                    <DemoAwareText text={v.reason} />
                    {v.resolution && (
                      <span className="muted">
                        {' '}
                        — <DemoAwareText text={v.resolution} />
                      </span>
                    )}
                    {v.verdict === 'disputed' &&
                      !v.resolvedAt &&
                      (me.role === 'lead_mediator' || v.by === me.userId) && (
                        <Button
                          variant="secondary"
                          className="small"
                          onClick={async () => {
                            const resolution = window.prompt(t('implementation.resolutionPrompt'));
                            if (
                              resolution &&
                              (await action.run(() =>
                                api.implementation.resolve(id, v.id, resolution),
                              )) !== undefined
                            )
                              done(t('implementation.resolvedNotice'));
                          }}
                        >
                          {t('implementation.resolve')}
                        </Button>
                      )}
                  </li>
                ))}
            </ul>
          </li>
        ))}
      </ol>
      <h4>{t('implementation.evidence')}</h4>
      {tl.evidence.length === 0 ? (
        <p className="empty">{t('implementation.noEvidence')}</p>
      ) : (
        <ul className="evidence-list">
          {tl.evidence.map((e) => (
            <li key={e.id}>
              <span className={`badge ${e.released ? 'badge-success' : 'badge-neutral'}`}>
                {e.released ? t('implementation.released') : t('implementation.notReleased')}
              </span>{' '}
              <strong>{e.observedOn}</strong> · {e.source} ·{' '}
              {e.file && <EvidenceFileLink evidence={e} />}{' '}
              {e.url ? (
                <a href={e.url} rel="noreferrer noopener" target="_blank">
                  {e.text}
                </a>
              ) : (
                <DemoAwareText text={e.text} />
              )}
              <code className="hash" title={e.sha256}>
                {e.sha256.slice(0, 12)}…
              </code>
              {!e.released && releasable(e.compartmentId) && (
                <Button
                  variant="secondary"
                  className="small"
                  onClick={async () => {
                    if (
                      (await action.run(() => api.implementation.releaseEvidence(id, e.id))) !==
                      undefined
                    )
                      done(t('implementation.releasedNotice'));
                  }}
                >
                  {t('implementation.release')}
                </Button>
              )}
            </li>
          ))}
        </ul>
      )}
      <div className="timeline-forms">
        {me.role !== 'facilitator' && me.role !== 'adviser' && me.role !== 'secretariat' && (
          <Disclosure label={t('implementation.submitEvidence')}>
            {(close) => (
              <EvidenceForm
                commitmentId={commitmentId}
                maxFileBytes={tl.evidenceFileMaxBytes}
                onDone={() => {
                  close();
                  done(t('implementation.evidenceNotice'));
                }}
              />
            )}
          </Disclosure>
        )}
        {canPlanImplementation(me) && (
          <Disclosure label={t('implementation.setLevel')}>
            {(close) => (
              <LevelForm
                timeline={tl}
                onDone={() => {
                  close();
                  done(t('implementation.levelNotice'));
                }}
              />
            )}
          </Disclosure>
        )}
        {verifier && entries.length > 0 && (
          <Disclosure label={t('implementation.verify')}>
            {(close) => (
              <VerifyForm
                timeline={tl}
                onDone={() => {
                  close();
                  done(t('implementation.verifyNotice'));
                }}
              />
            )}
          </Disclosure>
        )}
      </div>
    </section>
  );
}

function EvidenceForm({
  commitmentId,
  maxFileBytes,
  onDone,
}: {
  commitmentId: string;
  maxFileBytes: number;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const { view } = useProcess();
  const [kind, setKind] = useState<'report' | 'link' | 'file'>('report');
  const [text, setText] = useState('');
  const [url, setUrl] = useState('');
  const [observedOn, setObservedOn] = useState('');
  const [source, setSource] = useState('');
  const [sha256, setSha256] = useState('');
  const action = useAction();
  const kindField = (
    <SelectField
      label={t('implementation.evidenceKind')}
      value={kind}
      onChange={(e) =>
        setKind(e.target.value === 'link' || e.target.value === 'file' ? e.target.value : 'report')
      }
    >
      <option value="report">{t('implementation.kind.report')}</option>
      <option value="link">{t('implementation.kind.link')}</option>
      <option value="file">{t('implementation.kind.file')}</option>
    </SelectField>
  );
  if (kind === 'file')
    return (
      <EvidenceFileForm
        commitmentId={commitmentId}
        maxBytes={maxFileBytes}
        kindField={kindField}
        onDone={onDone}
      />
    );
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const r = await action.run(() =>
      api.implementation.submitEvidence(view.process.id, commitmentId, {
        kind,
        text,
        url: kind === 'link' ? url : null,
        observedOn,
        source,
        sha256: sha256.trim() === '' ? null : sha256.trim(),
      }),
    );
    if (r) onDone();
  };
  return (
    <form className="form" onSubmit={submit}>
      <p className="form-intro">{t('implementation.evidenceIntro')}</p>
      {kindField}
      <TextAreaField
        label={t('implementation.evidenceText')}
        required
        value={text}
        onChange={(e) => setText(e.target.value)}
      />
      {kind === 'link' && (
        <TextField
          label={t('implementation.url')}
          type="url"
          required
          value={url}
          onChange={(e) => setUrl(e.target.value)}
        />
      )}
      <EvidenceDateAndSource
        observedOn={observedOn}
        source={source}
        onObservedOn={setObservedOn}
        onSource={setSource}
      />
      <TextField
        label={t('implementation.sha256')}
        hint={t('implementation.sha256Hint')}
        optional={kind === 'report'}
        required={kind === 'link'}
        value={sha256}
        onChange={(e) => setSha256(e.target.value)}
      />
      <ErrorAlert error={action.error} />
      <Button type="submit" pending={action.pending}>
        {t('implementation.submitEvidence')}
      </Button>
    </form>
  );
}

function LevelForm({ timeline, onDone }: { timeline: CommitmentTimeline; onDone: () => void }) {
  const { t } = useTranslation();
  const { view } = useProcess();
  const released = timeline.evidence.filter((e) => e.released);
  const [level, setLevel] = useState(1);
  const [effectiveOn, setEffectiveOn] = useState('');
  const [cited, setCited] = useState<string[]>([]);
  const [note, setNote] = useState('');
  const action = useAction();
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const r = await action.run(() =>
      api.implementation.setLevel(view.process.id, timeline.commitment.id, {
        level: level as 0 | 1 | 2 | 3,
        effectiveOn,
        evidenceIds: cited,
        note,
      }),
    );
    if (r !== undefined) onDone();
  };
  return (
    <form className="form" onSubmit={submit}>
      <p className="form-intro">{t('implementation.levelIntro')}</p>
      <SelectField
        label={t('implementation.col.level')}
        value={level}
        onChange={(e) => setLevel(Number(e.target.value))}
      >
        {[0, 1, 2, 3].map((l) => (
          <option key={l} value={l}>
            {l} · {t(levelKey(l))}
          </option>
        ))}
      </SelectField>
      <TextField
        label={t('implementation.effectiveOn')}
        type="date"
        required
        value={effectiveOn}
        onChange={(e) => setEffectiveOn(e.target.value)}
      />
      <fieldset className="field">
        <legend>{t('implementation.cite')}</legend>
        {released.length === 0 && <p className="muted">{t('implementation.noReleased')}</p>}
        {released.map((e) => (
          <label key={e.id} className="inline-check">
            <input
              type="checkbox"
              checked={cited.includes(e.id)}
              onChange={(x) =>
                setCited(x.target.checked ? [...cited, e.id] : cited.filter((c) => c !== e.id))
              }
            />{' '}
            {e.observedOn} · {e.source}
          </label>
        ))}
      </fieldset>
      <TextField
        label={t('implementation.note')}
        optional
        value={note}
        onChange={(e) => setNote(e.target.value)}
      />
      <ErrorAlert error={action.error} />
      <Button type="submit" pending={action.pending} disabled={cited.length === 0}>
        {t('implementation.setLevel')}
      </Button>
    </form>
  );
}

function VerifyForm({ timeline, onDone }: { timeline: CommitmentTimeline; onDone: () => void }) {
  const { t } = useTranslation();
  const { view } = useProcess();
  const latest = [...timeline.entries].sort((a, b) => a.setAt.localeCompare(b.setAt)).at(-1);
  const [entryId, setEntryId] = useState(latest?.id ?? '');
  const [verdict, setVerdict] = useState<'verified' | 'disputed'>('verified');
  const [reason, setReason] = useState('');
  const action = useAction();
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const r = await action.run(() =>
      api.implementation.verify(view.process.id, timeline.commitment.id, {
        entryId,
        verdict,
        reason,
      }),
    );
    if (r !== undefined) onDone();
  };
  return (
    <form className="form" onSubmit={submit}>
      <SelectField
        label={t('implementation.entry')}
        value={entryId}
        onChange={(e) => setEntryId(e.target.value)}
      >
        {timeline.entries.map((e) => (
          <option key={e.id} value={e.id}>
            {e.effectiveOn} · {e.level} · {t(levelKey(e.level))}
          </option>
        ))}
      </SelectField>
      <SelectField
        label={t('implementation.verdictLabel')}
        value={verdict}
        onChange={(e) => setVerdict(e.target.value === 'disputed' ? 'disputed' : 'verified')}
      >
        <option value="verified">{t('implementation.verdict.verified')}</option>
        <option value="disputed">{t('implementation.verdict.disputed')}</option>
      </SelectField>
      <TextAreaField
        label={t('implementation.reason')}
        required={verdict === 'disputed'}
        optional={verdict === 'verified'}
        value={reason}
        onChange={(e) => setReason(e.target.value)}
      />
      <ErrorAlert error={action.error} />
      <Button type="submit" pending={action.pending}>
        {t('implementation.verifySubmit')}
      </Button>
    </form>
  );
}

function ProgressSection({ progress }: { progress: ImplementationProgress }) {
  const { t } = useTranslation();
  return (
    <Section title={t('implementation.progress')}>
      <p className="section-intro">{t('implementation.progressIntro')}</p>
      <ProgressChart months={progress.overall} />
      <p>
        {t('implementation.flagsSummary', {
          overdue: progress.overdue.length,
          silent: progress.silent.length,
          from: progress.silentFrom,
          to: progress.silentTo,
        })}
      </p>
    </Section>
  );
}

function MatrixSection({ progress }: { progress: ImplementationProgress }) {
  const { t } = useTranslation();
  if (progress.matrix.length === 0) return null;
  return (
    <Section title={t('implementation.matrix')}>
      <p className="section-intro">{t('implementation.matrixIntro')}</p>
      <MatrixTable matrix={progress.matrix} />
    </Section>
  );
}

/**
 * The public accountability page: its address and date for every member; for the mediators, the
 * choice of what to release and the release itself, confirmed in the outward-action dialog that
 * says it goes to the public.
 */
function PublicationSection({ themes }: { themes: ReadonlyArray<{ code: string; name: string }> }) {
  const { t, i18n } = useTranslation();
  const { view } = useProcess();
  const id = view.process.id;
  const me = membershipOf(view);
  const current = useQuery(() => api.implementation.publication(id), [id]);
  const action = useAction();
  const confirmation = useConfirmation();
  const [title, setTitle] = useState('');
  const [allThemes, setAllThemes] = useState(true);
  const [chosen, setChosen] = useState<string[]>([]);
  const [withCommitments, setWithCommitments] = useState(true);
  const [withProgress, setWithProgress] = useState(true);
  const [done, setDone] = useState<'released' | 'withdrawn' | null>(null);
  // A theme ticked and then removed (here or by another mediator) is no longer offered or sent.
  const chosenThemes = chosen.filter((code) => themes.some((th) => th.code === code));
  const publicRoom = view.compartments.find((c) => c.kind === 'public');
  const data = current.data;
  const address = data?.slug
    ? `${window.location.origin}/public/implementation/${data.slug}`
    : null;
  const pageTitle =
    title.trim() || data?.picture?.title || t('implementation.publicPage.pageTitleDefault');
  const parts = [
    withCommitments ? t('implementation.publicPage.partCommitments') : null,
    withProgress ? t('implementation.publicPage.partProgress') : null,
  ]
    .filter((x): x is string => x !== null)
    .map((x) => x.toLowerCase());
  const release = () =>
    void action.run(async () => {
      await api.implementation.release(id, {
        title: pageTitle,
        parts: {
          themes: allThemes ? null : chosenThemes,
          commitments: withCommitments,
          progress: withProgress,
        },
      });
      setDone('released');
      current.reload();
    });
  const withdraw = () =>
    void action.run(async () => {
      await api.implementation.withdraw(id);
      setDone('withdrawn');
      current.reload();
    });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!publicRoom) return;
    confirmation.ask({
      title: t('implementation.publicPage.confirmTitle'),
      confirmLabel: t('implementation.publicPage.confirmLabel'),
      body: (
        <AudienceSummary
          compartmentId={publicRoom.id}
          publicLine={t('implementation.publicPage.publicLine')}
          what={t('implementation.publicPage.confirmWhat', {
            parts: new Intl.ListFormat(i18n.language, { type: 'conjunction' }).format(parts),
            themes: allThemes
              ? t('implementation.publicPage.confirmAllThemes')
              : t('implementation.publicPage.confirmSomeThemes', { count: chosenThemes.length }),
          })}
        >
          <p>{t('implementation.publicPage.confirmNote')}</p>
        </AudienceSummary>
      ),
      onConfirm: release,
    });
  };
  return (
    <Section title={t('implementation.publicPage.section')}>
      <p className="section-intro">{t('implementation.publicPage.intro')}</p>
      {done && <Notice>{t(`implementation.publicPage.${done}`)}</Notice>}
      <ErrorAlert error={current.error ?? action.error} />
      {data &&
        (data.slug && data.picture ? (
          <div className="public-page-status" data-testid="public-page-status">
            <p>
              {t('implementation.publicPage.releasedOn', {
                date: new Date(data.picture.releasedAt).toLocaleString(i18n.language),
              })}
            </p>
            <p>
              <a href={`/public/implementation/${data.slug}`} target="_blank" rel="noreferrer">
                {t('implementation.publicPage.open')}
              </a>
            </p>
            {address && (
              <CopyField label={t('implementation.publicPage.address')} value={address} />
            )}
          </div>
        ) : (
          <p className="empty">{t('implementation.publicPage.notReleased')}</p>
        ))}
      {canPlanImplementation(me) && publicRoom && (
        <form className="form public-release-form" onSubmit={submit}>
          <TextField
            label={t('implementation.publicPage.pageTitle')}
            optional
            value={title}
            placeholder={data?.picture?.title ?? t('implementation.publicPage.pageTitleDefault')}
            maxLength={200}
            onChange={(e) => setTitle(e.target.value)}
          />
          <fieldset className="fieldset">
            <legend>{t('implementation.publicPage.themes')}</legend>
            <CheckboxField
              label={t('implementation.publicPage.allThemes')}
              checked={allThemes}
              onChange={(e) => setAllThemes(e.target.checked)}
            />
            {!allThemes &&
              themes.map((th) => (
                <CheckboxField
                  key={th.code}
                  label={`${th.code} · ${th.name}`}
                  checked={chosenThemes.includes(th.code)}
                  onChange={(e) =>
                    setChosen(
                      e.target.checked
                        ? [...chosenThemes, th.code]
                        : chosenThemes.filter((c) => c !== th.code),
                    )
                  }
                />
              ))}
          </fieldset>
          <CheckboxField
            label={t('implementation.publicPage.partCommitments')}
            checked={withCommitments}
            onChange={(e) => setWithCommitments(e.target.checked)}
          />
          <CheckboxField
            label={t('implementation.publicPage.partProgress')}
            checked={withProgress}
            onChange={(e) => setWithProgress(e.target.checked)}
          />
          <div className="button-row">
            <Button
              type="submit"
              disabled={
                action.pending ||
                (!withCommitments && !withProgress) ||
                (!allThemes && chosen.length === 0)
              }
            >
              {data?.slug
                ? t('implementation.publicPage.releaseAgain')
                : t('implementation.publicPage.release')}
            </Button>
            {data?.slug && (
              <Button
                variant="secondary"
                disabled={action.pending}
                onClick={() =>
                  confirmation.ask({
                    title: t('implementation.publicPage.withdrawTitle'),
                    confirmLabel: t('implementation.publicPage.withdrawLabel'),
                    danger: true,
                    body: <p>{t('implementation.publicPage.withdrawBody')}</p>,
                    onConfirm: withdraw,
                  })
                }
              >
                {t('implementation.publicPage.withdraw')}
              </Button>
            )}
          </div>
        </form>
      )}
      {confirmation.dialog}
    </Section>
  );
}

function ExportSection() {
  const { t } = useTranslation();
  const { view } = useProcess();
  const action = useAction();
  const save = async (format: 'commitments.csv' | 'levels.csv' | 'json' | 'pam.csv') => {
    const file = await action.run(() => api.implementation.export(view.process.id, format));
    if (!file) return;
    const href = URL.createObjectURL(file.blob);
    const a = document.createElement('a');
    a.href = href;
    a.download = file.filename;
    a.click();
    URL.revokeObjectURL(href);
  };
  return (
    <Section title={t('implementation.export')}>
      <p className="section-intro">{t('implementation.exportIntro')}</p>
      <div className="button-row">
        <Button variant="secondary" onClick={() => void save('commitments.csv')}>
          {t('implementation.exportCommitments')}
        </Button>
        <Button variant="secondary" onClick={() => void save('levels.csv')}>
          {t('implementation.exportLevels')}
        </Button>
        <Button variant="secondary" onClick={() => void save('json')}>
          JSON
        </Button>
        <Button variant="secondary" onClick={() => void save('pam.csv')}>
          {t('implementation.exportPam')}
        </Button>
      </div>
      <ErrorAlert error={action.error} />
    </Section>
  );
}
