/**
 * One note: read it, edit it from its revision (a stale edit shows the current text and lets the
 * user re-apply), and release it to a wider compartment when the policy allows.
 */
import { useConfirmation } from '../../ui/ConfirmDialog.js';
import { Unavailable } from '../processes/Unavailable.js';
import { AudienceSummary } from '../outward/AudienceSummary.js';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, isApiError } from '../../api/client.js';
import type { Item } from '../../api/types.js';
import { useFormats } from '../../i18n/index.js';
import { Link, navigate } from '../../router.js';
import {
  Button,
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
import { useProcess } from '../processes/ProcessContext.js';
import { itemPath } from './ItemCard.js';
import { CompartmentBadge, useCompartmentName } from './labels.js';
import { Markdown } from './Markdown.js';

/** The note screen. */
export function NotePage({ compartmentId, itemId }: { compartmentId: string; itemId: string }) {
  const { view } = useProcess();
  const query = useQuery(() => api.items.get(view.process.id, itemId), [view.process.id, itemId]);
  // Never show another note's data while this one loads.
  const item = query.data?.id === itemId ? query.data : undefined;
  // A released note lives elsewhere now: keep the address (and the navigation) truthful.
  useEffect(() => {
    if (item && item.compartmentId !== compartmentId)
      navigate(itemPath(view.process.id, item), { replace: true });
  }, [item, compartmentId, view.process.id]);
  if (query.loading && !item) return <Loading />;
  if (!item) return <Unavailable error={query.error} />;
  return <Note key={item.id} item={item} onChange={query.setData} />;
}

type Flash = { kind: 'saved' } | { kind: 'released'; to: string } | null;

function Note({ item, onChange }: { item: Item; onChange: (item: Item) => void }) {
  const { t } = useTranslation();
  const { view, compartment, memberName } = useProcess();
  const formats = useFormats();
  const name = useCompartmentName();
  const [editing, setEditing] = useState(false);
  const [flash, setFlash] = useState<Flash>(null);
  const c = compartment(item.compartmentId);
  const where = { kind: item.compartmentKind, partyId: item.compartmentPartyId };
  const base = `/processes/${view.process.id}`;
  return (
    <div className="page">
      <nav className="breadcrumbs" aria-label={t('note.breadcrumbs')}>
        <Link to={base}>{view.process.codename}</Link>
        <span aria-hidden="true"> / </span>
        <Link to={`${base}/compartments/${item.compartmentId}`}>{name(where)}</Link>
      </nav>
      <header className="page-header">
        <CompartmentBadge compartmentId={item.compartmentId} {...where} large />
        <PageTitle documentTitle={item.title}>{item.title}</PageTitle>
        <p className="muted small">
          {t(item.updatedAt === item.createdAt ? 'note.metaNew' : 'note.meta', {
            author: memberName(item.authorUserId),
            created: formats.dateTime(item.createdAt),
            updated: formats.dateTime(item.updatedAt),
            revision: formats.number(item.revision),
          })}
        </p>
      </header>
      {flash?.kind === 'saved' && <Notice>{t('note.saved')}</Notice>}
      {flash?.kind === 'released' && (
        <Notice>{t('note.released', { compartment: flash.to })}</Notice>
      )}
      {editing ? (
        <NoteEditor
          item={item}
          onSaved={(updated) => {
            onChange(updated);
            setEditing(false);
            setFlash({ kind: 'saved' });
          }}
          onCancel={() => setEditing(false)}
        />
      ) : (
        <>
          <article className="panel note-body" aria-label={t('note.text')}>
            {item.body.trim() ? (
              <Markdown source={item.body} />
            ) : (
              <p className="muted">{t('note.emptyBody')}</p>
            )}
          </article>
          {c?.writable && (
            <div className="form-actions">
              <Button
                variant="secondary"
                onClick={() => {
                  setFlash(null);
                  setEditing(true);
                }}
              >
                {t('note.edit')}
              </Button>
            </div>
          )}
          <ReleasePanel
            key={item.compartmentId}
            item={item}
            onReleased={(released, to) => {
              onChange(released);
              setFlash({ kind: 'released', to });
            }}
          />
        </>
      )}
    </div>
  );
}

interface CurrentVersion {
  revision: number;
  title: string;
  body: string;
  updatedAt?: string;
}

function currentOf(e: unknown): CurrentVersion | null {
  if (!isApiError(e, 'STALE_REVISION')) return null;
  const c = e.details?.current as Partial<CurrentVersion> | undefined;
  if (!c || typeof c.revision !== 'number') return null;
  return { revision: c.revision, title: c.title ?? '', body: c.body ?? '', updatedAt: c.updatedAt };
}

function NoteEditor({
  item,
  onSaved,
  onCancel,
}: {
  item: Item;
  onSaved: (item: Item) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const { view, reload } = useProcess();
  const formats = useFormats();
  const [title, setTitle] = useState(item.title);
  const [body, setBody] = useState(item.body);
  const [baseRevision, setBaseRevision] = useState(item.revision);
  const [stale, setStale] = useState<CurrentVersion | null>(null);
  const [reapplied, setReapplied] = useState(false);
  const action = useAction();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setReapplied(false);
    void action.run(async () => {
      try {
        const updated = await api.items.update(view.process.id, item.id, {
          baseRevision,
          title,
          body,
        });
        reload();
        onSaved(updated);
      } catch (err) {
        const current = currentOf(err);
        if (!current) throw err;
        setStale(current);
      }
    });
  };
  return (
    <div className="stack">
      {stale && (
        <div className="conflict" role="alert">
          <h2 className="conflict-title">{t('note.staleTitle')}</h2>
          <p>{t('note.staleBody')}</p>
          <div className="conflict-columns">
            <section
              className="conflict-version"
              aria-label={t('note.currentVersion', { revision: stale.revision })}
            >
              <h3>{t('note.currentVersion', { revision: formats.number(stale.revision) })}</h3>
              {stale.updatedAt && (
                <p className="muted small">
                  {t('items.updated', { date: formats.dateTime(stale.updatedAt) })}
                </p>
              )}
              <p className="strong">{stale.title}</p>
              <Markdown source={stale.body} />
            </section>
            <section className="conflict-version conflict-mine" aria-label={t('note.yourVersion')}>
              <h3>{t('note.yourVersion')}</h3>
              <p className="strong">{title}</p>
              <Markdown source={body} />
            </section>
          </div>
          <div className="form-actions">
            <Button
              onClick={() => {
                setBaseRevision(stale.revision);
                setStale(null);
                setReapplied(true);
              }}
            >
              {t('note.reapply')}
            </Button>
            <Button
              variant="secondary"
              onClick={() => {
                setTitle(stale.title);
                setBody(stale.body);
                setBaseRevision(stale.revision);
                setStale(null);
              }}
            >
              {t('note.takeCurrent')}
            </Button>
          </div>
        </div>
      )}
      {reapplied && <Notice tone="info">{t('note.reapplied')}</Notice>}
      <Section title={t('note.editTitle')}>
        <form className="form" onSubmit={submit}>
          <ErrorAlert error={action.error} />
          <TextField
            label={t('compartments.noteTitle')}
            value={title}
            maxLength={300}
            onChange={(e) => setTitle(e.target.value)}
          />
          <TextAreaField
            label={t('compartments.noteBody')}
            hint={t('compartments.bodyHint')}
            value={body}
            rows={12}
            optional
            onChange={(e) => setBody(e.target.value)}
          />
          <div className="form-actions">
            <Button
              type="submit"
              pending={action.pending}
              pendingLabel={t('common.saving')}
              disabled={stale !== null}
            >
              {t('note.saveChanges')}
            </Button>
            <Button variant="quiet" onClick={onCancel}>
              {t('common.cancel')}
            </Button>
          </div>
        </form>
      </Section>
    </div>
  );
}

function ReleasePanel({
  item,
  onReleased,
}: {
  item: Item;
  onReleased: (item: Item, toName: string) => void;
}) {
  const { t } = useTranslation();
  const { view, reload, compartment } = useProcess();
  const name = useCompartmentName();
  const confirmation = useConfirmation();
  // The API says where I may release this item; the process view names those compartments.
  const targets = item.releaseTargets.flatMap((id) => compartment(id) ?? []);
  const [to, setTo] = useState(targets[0]?.id ?? '');
  const action = useAction();
  const target = targets.find((c) => c.id === to) ?? targets[0];
  if (!target) return null;
  const release = () =>
    void action.run(async () => {
      const released = await api.items.release(view.process.id, item.id, {
        to: target.id,
        baseRevision: item.revision,
      });
      reload();
      onReleased(released, name(target));
    });
  return (
    <Section title={t('note.releaseTitle')} className="release-panel">
      <p className="section-intro">{t('note.releaseIntro')}</p>
      <ErrorAlert error={action.error} />
      {confirmation.dialog}
      <form
        className="form form-row form-row-end"
        onSubmit={(e) => {
          e.preventDefault();
          confirmation.ask({
            title: t('outward.releaseItem.title', { title: item.title, to: name(target) }),
            confirmLabel: t('note.confirmRelease', { compartment: name(target) }),
            danger: target.kind === 'public',
            body: (
              <AudienceSummary compartmentId={target.id} what={t('outward.releaseItem.what')}>
                <p className="muted small">{t('note.releaseAudited')}</p>
              </AudienceSummary>
            ),
            onConfirm: release,
          });
        }}
      >
        <SelectField
          label={t('note.releaseTo')}
          value={target.id}
          onChange={(e) => setTo(e.target.value)}
        >
          {targets.map((c) => (
            <option key={c.id} value={c.id}>
              {name(c)}
            </option>
          ))}
        </SelectField>
        <div className="form-actions">
          <Button
            type="submit"
            variant="secondary"
            pending={action.pending}
            pendingLabel={t('note.releasing')}
          >
            {t('note.releaseButton')}
          </Button>
        </div>
      </form>
    </Section>
  );
}
