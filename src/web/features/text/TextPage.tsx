/**
 * "The text": for the mediator team, the working draft with the mediators' editor (wording in the
 * bracket syntax, status, settling brackets and alternatives, importing a whole text, publishing);
 * for everyone else — the API answers them 404 for the draft — the latest version they received.
 */
import { useConfirmation } from '../../ui/ConfirmDialog.js';
import { AudienceSummary } from '../outward/AudienceSummary.js';
import { countNotes } from '../outward/notes.js';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { canHoldPen } from '../../../core/access/policy.js';
import { isMediatorRole } from '../../../core/process/model.js';
import { api, isApiError } from '../../api/client.js';
import type { TextEdit, TextProvision, WorkingText } from '../../api/types.js';
import { useFormats } from '../../i18n/index.js';
import { Link } from '../../router.js';
import {
  Button,
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
import { CompartmentBadge } from '../compartments/labels.js';
import { membershipOf } from '../processes/membership.js';
import { useProcess } from '../processes/ProcessContext.js';
import { HolderLegend } from './holders.js';
import { ProvisionEditor } from './ProvisionEditor.js';
import { listProvisions, TextDocument, TextState } from './TextDocument.js';
import { TextTabs } from './TextTabs.js';
import { VersionView } from './VersionPage.js';

/** The text screen. */
export function TextPage() {
  const { t } = useTranslation();
  const { view } = useProcess();
  const mediator = isMediatorRole(view.me.role);
  return (
    <div className="page page-wide">
      <header className="page-header">
        <p className="eyebrow">{view.process.codename}</p>
        <PageTitle documentTitle={`${t('text.title')} · ${view.process.codename}`}>
          {t('text.title')}
        </PageTitle>
        <TextTabs />
      </header>
      {mediator ? <DraftOrLatest /> : <LatestReceived />}
    </div>
  );
}

/** The mediator team reads the draft; if the API refuses, the latest version instead. */
function DraftOrLatest() {
  const { view } = useProcess();
  const draft = useQuery(() => api.text.draft(view.process.id), [view.process.id]);
  if (draft.loading && !draft.data) return <Loading />;
  if (isApiError(draft.error, 'NOT_FOUND') && !draft.data) return <LatestReceived />;
  if (!draft.data) return <ErrorAlert error={draft.error} />;
  return <Draft draft={draft.data} reload={draft.reload} />;
}

/** The latest version distributed to me. */
function LatestReceived() {
  const { t } = useTranslation();
  const { view } = useProcess();
  const versions = useQuery(() => api.text.versions(view.process.id), [view.process.id]);
  if (versions.loading && !versions.data) return <Loading />;
  if (!versions.data) return <ErrorAlert error={versions.error} />;
  const latest = versions.data.versions.reduce((m, v) => Math.max(m, v.number), 0);
  if (latest === 0) return <p className="empty">{t('text.noVersionYet')}</p>;
  return (
    <>
      <Notice tone="info">{t('text.latestReceived', { n: latest })}</Notice>
      <VersionView number={latest} latest />
    </>
  );
}

/** A refused edit: the draft changed meanwhile. */
interface Conflict {
  edit: TextEdit;
  current: string;
  currentRevision: number;
}

function conflictOf(e: unknown, edit: TextEdit): Conflict | null {
  if (!isApiError(e, 'STALE_REVISION')) return null;
  const current = e.details?.current;
  const currentRevision = e.details?.currentRevision;
  if (typeof current !== 'string' || typeof currentRevision !== 'number') return null;
  return { edit, current, currentRevision };
}

/** Applies edits to the draft from its revision and keeps a refused one for re-applying. */
export interface DraftEditing {
  pending: boolean;
  error: unknown;
  /** The kind of the last edit sent (its error belongs where it was made). */
  lastKind: TextEdit['kind'] | null;
  /** Sends an edit; resolves true once saved (and the draft reloaded). */
  apply(edit: TextEdit): Promise<boolean>;
}

function Draft({ draft, reload }: { draft: WorkingText; reload: () => void }) {
  const { t } = useTranslation();
  const { view } = useProcess();
  const formats = useFormats();
  const me = membershipOf(view);
  const pen = canHoldPen(me);
  const [editing, setEditing] = useState<string | null>(null);
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const [saved, setSaved] = useState(false);
  // Where the last edit came from, so its error shows there (and only there).
  const [lastKind, setLastKind] = useState<TextEdit['kind'] | null>(null);
  const action = useAction();
  const room = view.compartments.find((c) => c.kind === 'mediators');
  const send = async (edit: TextEdit, baseRevision: number): Promise<boolean> => {
    setSaved(false);
    setLastKind(edit.kind);
    const ok = await action.run(async () => {
      try {
        await api.text.edit(view.process.id, { baseRevision, edit });
        return true;
      } catch (e) {
        const c = conflictOf(e, edit);
        if (!c) throw e;
        setConflict(c);
        return false;
      }
    });
    if (ok) {
      setConflict(null);
      setSaved(true);
      reload();
    }
    return ok === true;
  };
  const numberOf = (key: string) =>
    listProvisions(draft.text).find((x) => x.provision.key === key)?.number ?? key;
  const editWords = (edit: TextEdit): string => {
    switch (edit.kind) {
      case 'replace_body':
      case 'set_status':
      case 'resolve_bracket':
      case 'choose_alternative':
      case 'remove_provision':
        return t(`text.editKind.${edit.kind}`, { number: numberOf(edit.provision) });
      default:
        return t(`text.editKind.${edit.kind}`);
    }
  };
  const editor: DraftEditing = {
    pending: action.pending,
    error: action.error,
    lastKind,
    apply: (edit) => send(edit, draft.revision),
  };
  return (
    <div className="text-screen">
      <div className="text-main">
        <div className="draft-banner">
          {room && <CompartmentBadge compartmentId={room.id} large />}
          <p>
            <span className="strong">{t('text.draftTitle')}</span>{' '}
            {t('text.draftMeta', {
              revision: formats.number(draft.revision),
              updated: draft.updatedAt ? formats.dateTime(draft.updatedAt) : t('common.none'),
            })}
          </p>
        </div>
        {conflict && (
          <div className="conflict" role="alert">
            <h2 className="conflict-title">{t('text.staleTitle')}</h2>
            <p>{t('text.staleBody')}</p>
            <p>
              <span className="strong">{t('text.yourChange')}</span> {editWords(conflict.edit)}
            </p>
            <ChangedMeanwhile before={draft.plainText} after={conflict.current} />
            <details className="conflict-version">
              <summary>
                {t('text.staleCurrent', { revision: formats.number(conflict.currentRevision) })}
              </summary>
              <pre className="plain-text-view">{conflict.current}</pre>
            </details>
            <div className="form-actions">
              <Button
                pending={action.pending}
                onClick={() => void send(conflict.edit, conflict.currentRevision)}
              >
                {t('text.reapply')}
              </Button>
              <Button
                variant="secondary"
                onClick={() => {
                  setConflict(null);
                  setEditing(null);
                  reload();
                }}
              >
                {t('text.discardMine')}
              </Button>
            </div>
          </div>
        )}
        {saved && !conflict && (
          <Notice>{t('text.saved', { revision: formats.number(draft.revision) })}</Notice>
        )}
        {!conflict &&
          editing === null &&
          lastKind !== 'import' &&
          lastKind !== 'add_provision' &&
          lastKind !== 'add_chapter' && <ErrorAlert error={action.error} />}
        <TextState state={draft.state} />
        <HolderLegend />
        <TextDocument
          text={draft.text}
          highlight={editing}
          actions={
            pen
              ? (p: TextProvision, number: string) =>
                  editing !== p.key && (
                    <Button
                      variant="quiet"
                      className="button-small"
                      aria-label={t('text.editProvision', { number })}
                      onClick={() => {
                        action.reset();
                        setEditing(p.key);
                      }}
                    >
                      {t('text.edit')}
                    </Button>
                  )
              : undefined
          }
          chapterExtra={
            pen
              ? (c, n) => (
                  <div className="chapter-actions">
                    <Disclosure label={t('text.addProvision', { n })} variant="quiet">
                      {(close) => (
                        <AddProvisionForm chapter={c.key} editor={editor} onDone={close} />
                      )}
                    </Disclosure>
                  </div>
                )
              : undefined
          }
          extra={
            pen
              ? (p: TextProvision, number: string) =>
                  editing === p.key && (
                    <ProvisionEditor
                      key={`${p.key}-${draft.revision}`}
                      provision={p}
                      number={number}
                      directory={draft.directory}
                      editor={editor}
                      onClose={() => setEditing(null)}
                    />
                  )
              : undefined
          }
        />
        {pen && <AddChapter editor={editor} />}
        {pen && <ImportPanel draft={draft} editor={editor} />}
      </div>
      {pen && (
        <aside className="text-side" aria-label={t('text.penTools')}>
          <PublishPanel draft={draft} />
        </aside>
      )}
    </div>
  );
}

/**
 * What changed in the draft since I opened it, line by line (a line of the bracket syntax is a
 * provision or a heading): lines gone and lines new.
 */
function ChangedMeanwhile({ before, after }: { before: string; after: string }) {
  const { t } = useTranslation();
  const lines = (s: string) => s.split('\n').filter((l) => l.trim() !== '');
  const was = new Set(lines(before));
  const now = new Set(lines(after));
  const gone = [...was].filter((l) => !now.has(l));
  const added = [...now].filter((l) => !was.has(l));
  if (gone.length === 0 && added.length === 0) return null;
  return (
    <section className="changed-meanwhile" aria-label={t('text.changedMeanwhile')}>
      <h3>{t('text.changedMeanwhile')}</h3>
      <ul>
        {gone.map((l, i) => (
          <li key={`g${i}`}>
            <del>{l}</del>
          </li>
        ))}
        {added.map((l, i) => (
          <li key={`a${i}`}>
            <ins>{l}</ins>
          </li>
        ))}
      </ul>
    </section>
  );
}

function PublishPanel({ draft }: { draft: WorkingText }) {
  const { t } = useTranslation();
  const { view, reload } = useProcess();
  const versions = useQuery(() => api.text.versions(view.process.id), [view.process.id]);
  const [note, setNote] = useState('');
  const [distribution, setDistribution] = useState('all');
  const [published, setPublished] = useState<number | null>(null);
  const action = useAction();
  const next = (versions.data?.versions.reduce((m, v) => Math.max(m, v.number), 0) ?? 0) + 1;
  const confirmation = useConfirmation();
  const target =
    distribution === 'all'
      ? view.compartments.find((c) => c.kind === 'plenary')
      : distribution === 'mediators'
        ? view.compartments.find((c) => c.kind === 'mediators')
        : view.compartments.find((c) => c.kind === 'bilateral' && c.partyId === distribution);
  const notes = countNotes(draft.text);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!target) return;
    confirmation.ask({
      title: t('outward.publishVersion.title', { n: next }),
      confirmLabel: t('outward.publishVersion.confirm', { n: next }),
      body: (
        <AudienceSummary
          compartmentId={target.id}
          what={t('outward.publishVersion.what', { n: next })}
        >
          {distribution !== 'mediators' && (
            <ul className="audience-notes">
              <li>
                {notes.forParties > 0
                  ? t('outward.notesOut', { count: notes.forParties })
                  : t('outward.noNotes')}
              </li>
              {notes.internal > 0 && <li>{t('outward.notesKept', { count: notes.internal })}</li>}
            </ul>
          )}
          <p>{t('outward.cannotUndo')}</p>
        </AudienceSummary>
      ),
      onConfirm: publish,
    });
  };
  const publish = () => {
    void action.run(async () => {
      const v = await api.text.publish(view.process.id, {
        baseRevision: draft.revision,
        note,
        distribution,
      });
      setPublished(v.number);
      setNote('');
      versions.reload();
      reload();
    });
  };
  return (
    <Section title={t('text.publishTitle')} className="panel-compact">
      {published !== null && (
        <Notice>
          {t('text.publishedNotice', { n: published })}{' '}
          <Link to={`/processes/${view.process.id}/text/versions/${published}`}>
            {t('text.readVersion', { n: published })}
          </Link>
        </Notice>
      )}
      <p className="section-intro">{t('text.publishIntro')}</p>
      {confirmation.dialog}
      <form className="form" onSubmit={submit}>
        <ErrorAlert error={action.error} />
        <TextAreaField
          label={t('text.publishNote')}
          hint={t('text.publishNoteHint')}
          optional
          rows={3}
          maxLength={4000}
          value={note}
          onChange={(e) => setNote(e.target.value)}
        />
        <SelectField
          label={t('text.distribution')}
          value={distribution}
          onChange={(e) => setDistribution(e.target.value)}
        >
          <option value="all">{t('text.toAll')}</option>
          {view.parties.map((p) => (
            <option key={p.id} value={p.id}>
              {t('text.toParty', { party: p.code })}
            </option>
          ))}
          <option value="mediators">{t('text.toMediators')}</option>
        </SelectField>
        <div className="form-actions">
          <Button type="submit" pending={action.pending} pendingLabel={t('text.publishing')}>
            {t('text.publishButton', { n: next })}
          </Button>
        </div>
      </form>
    </Section>
  );
}

function AddProvisionForm({
  chapter,
  editor,
  onDone,
}: {
  chapter: string;
  editor: DraftEditing;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const [body, setBody] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void editor.apply({ kind: 'add_provision', chapter, body }).then((ok) => ok && onDone());
  };
  return (
    <form className="form form-inset" onSubmit={submit}>
      {editor.lastKind === 'add_provision' && <ErrorAlert error={editor.error} />}
      <TextAreaField
        label={t('text.newProvision')}
        hint={t('text.wordingHint')}
        className="mono textarea-code"
        rows={3}
        value={body}
        spellCheck={false}
        onChange={(e) => setBody(e.target.value)}
      />
      <div className="form-actions">
        <Button type="submit" pending={editor.pending} pendingLabel={t('common.saving')}>
          {t('text.addProvisionSubmit')}
        </Button>
      </div>
    </form>
  );
}

function AddChapter({ editor }: { editor: DraftEditing }) {
  const { t } = useTranslation();
  const [title, setTitle] = useState('');
  return (
    <Disclosure label={t('text.addChapter')}>
      {(close) => (
        <form
          className="form form-inset"
          onSubmit={(e) => {
            e.preventDefault();
            void editor.apply({ kind: 'add_chapter', title }).then((ok) => {
              if (!ok) return;
              setTitle('');
              close();
            });
          }}
        >
          {editor.lastKind === 'add_chapter' && <ErrorAlert error={editor.error} />}
          <TextField
            label={t('text.chapterTitle')}
            value={title}
            maxLength={500}
            onChange={(e) => setTitle(e.target.value)}
          />
          <div className="form-actions">
            <Button type="submit" pending={editor.pending} pendingLabel={t('common.saving')}>
              {t('text.addChapterSubmit')}
            </Button>
          </div>
        </form>
      )}
    </Disclosure>
  );
}

function ImportPanel({ draft, editor }: { draft: WorkingText; editor: DraftEditing }) {
  const { t } = useTranslation();
  return (
    <Section title={t('text.importTitle')} className="import-panel">
      <p className="section-intro">{t('text.importIntro')}</p>
      <Disclosure label={t('text.importOpen')}>
        {(close) => <ImportForm draft={draft} editor={editor} onDone={close} />}
      </Disclosure>
    </Section>
  );
}

function ImportForm({
  draft,
  editor,
  onDone,
}: {
  draft: WorkingText;
  editor: DraftEditing;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const [plainText, setPlainText] = useState(draft.plainText);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void editor.apply({ kind: 'import', plainText }).then((ok) => ok && onDone());
  };
  return (
    <form className="form form-inset" onSubmit={submit}>
      <Notice tone="warning">{t('text.importWarning')}</Notice>
      {editor.lastKind === 'import' && <ErrorAlert error={editor.error} />}
      <TextAreaField
        label={t('text.importLabel')}
        hint={t('text.importHint')}
        className="mono textarea-code"
        rows={16}
        value={plainText}
        spellCheck={false}
        onChange={(e) => setPlainText(e.target.value)}
      />
      <div className="form-actions">
        <Button type="submit" pending={editor.pending} pendingLabel={t('common.saving')}>
          {t('text.importSubmit')}
        </Button>
      </div>
    </form>
  );
}
