/**
 * One published version: its text with the "nothing is agreed" state, where it was distributed,
 * its fingerprint (SHA-256) with a copy button, the signatures and their verification, signing by
 * the head of delegation, exports (DOCX, PDF, TXT) and, on the latest version a party received,
 * a way into proposing an amendment.
 */
import { Unavailable } from '../processes/Unavailable.js';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isSignatory, canProposeAmendment } from '../../../core/access/policy.js';
import { api } from '../../api/client.js';
import type { ExportFormat, TextVersion } from '../../api/types.js';
import { currentLanguage, languages, useFormats, type LanguageCode } from '../../i18n/index.js';
import { Link } from '../../router.js';
import {
  Button,
  CheckboxField,
  DemoAwareText,
  ErrorAlert,
  Loading,
  Notice,
  PageTitle,
  Section,
} from '../../ui/components.js';
import { useAction, useQuery } from '../../ui/hooks.js';
import { CompartmentBadge } from '../compartments/labels.js';
import { membershipOf } from '../processes/membership.js';
import { useProcess } from '../processes/ProcessContext.js';
import { HolderLegend, PartyChip } from './holders.js';
import { TextDocument, TextState } from './TextDocument.js';
import { TextTabs } from './TextTabs.js';

/** The screen of version `number`. */
export function VersionPage({ number }: { number: number }) {
  const { t } = useTranslation();
  const { view } = useProcess();
  return (
    <div className="page page-wide">
      <header className="page-header">
        <p className="eyebrow">
          {view.process.codename} · {t('text.title')}
        </p>
        <PageTitle
          documentTitle={`${t('text.versionTitle', { n: number })} · ${view.process.codename}`}
        >
          {t('text.versionTitle', { n: number })}
        </PageTitle>
        <TextTabs />
      </header>
      <VersionView number={number} />
    </div>
  );
}

/** A version's content and tools, loaded by number (also shown as "the text" to the parties). */
export function VersionView({ number, latest = false }: { number: number; latest?: boolean }) {
  const { t } = useTranslation();
  const { view } = useProcess();
  const query = useQuery(
    () => api.text.version(view.process.id, number),
    [view.process.id, number],
  );
  const versions = useQuery(() => api.text.versions(view.process.id), [view.process.id]);
  const data = query.data?.version.number === number ? query.data : undefined;
  if (query.loading && !data) return <Loading />;
  if (!data) return <Unavailable error={query.error} />;
  const newest = versions.data?.versions.reduce((m, v) => Math.max(m, v.number), 0) ?? 0;
  const isLatest = latest || newest === number;
  const me = membershipOf(view);
  const mayAmend = isLatest && canProposeAmendment(me);
  const amendPath = `/processes/${view.process.id}/text/amendments`;
  return (
    <div className="text-screen">
      <div className="text-main">
        <TextState state={data.state} signatures />
        <HolderLegend />
        <TextDocument
          text={data.text}
          actions={
            mayAmend
              ? (p, n) =>
                  // Agreed wording is reopened by the mediators before anyone amends it.
                  (p.status === 'open' || p.status === 'bracketed') && (
                    <Link
                      to={`${amendPath}?provision=${encodeURIComponent(p.key)}`}
                      className="button button-quiet button-small"
                      aria-label={t('text.amendProvision', { number: n })}
                    >
                      {t('text.amend')}
                    </Link>
                  )
              : undefined
          }
        />
      </div>
      <aside className="text-side" aria-label={t('text.aboutVersion')}>
        <VersionFacts version={data} latest={isLatest} />
        <ExportPanel number={number} />
        <SignaturePanel version={data} onSigned={query.reload} />
      </aside>
    </div>
  );
}

function VersionFacts({ version: v, latest }: { version: TextVersion; latest: boolean }) {
  const { t } = useTranslation();
  const formats = useFormats();
  const s = v.version;
  return (
    <Section title={t('text.aboutVersion')} className="panel-compact">
      <dl className="facts facts-stacked">
        <div>
          <dt>{t('text.published')}</dt>
          <dd>{formats.dateTime(s.publishedAt)}</dd>
        </div>
        <div>
          <dt>{t('text.distributedIn')}</dt>
          <dd>
            <CompartmentBadge compartmentId={s.compartmentId} />
          </dd>
        </div>
        <div>
          <dt>{t('text.recipients')}</dt>
          <dd>
            {t('text.recipientCount', {
              count: s.recipients.length,
              n: formats.number(s.recipients.length),
            })}
          </dd>
        </div>
        {s.note && (
          <div>
            <dt>{t('text.note')}</dt>
            <dd>
              <DemoAwareText text={s.note} />
            </dd>
          </div>
        )}
      </dl>
      {latest && <p className="muted small">{t('text.isLatest')}</p>}
      {s.changeList.length > 0 && (
        <details className="change-list">
          <summary>{t('text.changeList', { count: s.changeList.length })}</summary>
          <ul>
            {s.changeList.map((c, i) => (
              <li key={i}>{c.replace(/^-\s*/, '')}</li>
            ))}
          </ul>
        </details>
      )}
    </Section>
  );
}

/** Saves a downloaded file under its name. */
function saveFile(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  window.setTimeout(() => URL.revokeObjectURL(url), 30_000);
}

function ExportPanel({ number }: { number: number }) {
  const { t } = useTranslation();
  const { view } = useProcess();
  const [busy, setBusy] = useState<ExportFormat | null>(null);
  const [done, setDone] = useState<string | null>(null);
  // The interface language unless another is chosen for this copy.
  const [lang, setLang] = useState<LanguageCode>(currentLanguage);
  const action = useAction();
  const run = (format: ExportFormat) => {
    setBusy(format);
    setDone(null);
    void action
      .run(async () => {
        const file = await api.text.export(view.process.id, number, format, lang);
        saveFile(file.blob, file.filename);
        setDone(file.filename);
      })
      .finally(() => setBusy(null));
  };
  const formats: Array<{ format: ExportFormat; label: string }> = [
    { format: 'docx', label: 'DOCX' },
    { format: 'pdf', label: 'PDF' },
    { format: 'txt', label: 'TXT' },
  ];
  return (
    <Section title={t('text.exportTitle')} className="panel-compact">
      <p className="section-intro">{t('text.exportIntro')}</p>
      <div className="field export-language">
        <label htmlFor="export-language">{t('text.exportLanguage')}</label>
        <select
          id="export-language"
          value={lang}
          onChange={(e) => setLang(e.target.value as LanguageCode)}
        >
          {languages.map((l) => (
            <option key={l.code} value={l.code} lang={l.code}>
              {l.name}
            </option>
          ))}
        </select>
      </div>
      <div className="form-actions">
        {formats.map((f) => (
          <Button
            key={f.format}
            variant="secondary"
            className="button-small"
            pending={busy === f.format}
            pendingLabel={t('text.exporting', { format: f.label })}
            disabled={busy !== null && busy !== f.format}
            onClick={() => run(f.format)}
            aria-label={t('text.exportAs', { format: f.label })}
          >
            {f.label}
          </Button>
        ))}
      </div>
      <p className="hint" aria-live="polite">
        {done ? t('text.exported', { file: done }) : ''}
      </p>
      <ErrorAlert error={action.error} />
    </Section>
  );
}

/** A SHA-256 shortened for reading, with the whole of it one copy away. */
export function HashField({ hash, label }: { hash: string; label: string }) {
  const { t } = useTranslation();
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(hash);
      setState('copied');
    } catch {
      setState('failed');
    }
  };
  return (
    <div className="hash-field">
      <span className="hash-label">{label}</span>
      <span className="hash-row">
        <code className="hash-short" title={hash}>
          {hash.slice(0, 8)}…{hash.slice(-8)}
        </code>
        <Button variant="quiet" className="button-small" onClick={() => void copy()}>
          {t('text.copyHash')}
        </Button>
      </span>
      <span className="hint" aria-live="polite">
        {state === 'copied'
          ? t('common.copied')
          : state === 'failed'
            ? t('text.copyHashFailed', { hash })
            : ''}
      </span>
    </div>
  );
}

function SignaturePanel({ version: v, onSigned }: { version: TextVersion; onSigned: () => void }) {
  const { t } = useTranslation();
  const { view } = useProcess();
  const formats = useFormats();
  const me = membershipOf(view);
  const verify = useAction();
  const [verification, setVerification] = useState<Awaited<
    ReturnType<typeof api.text.verify>
  > | null>(null);
  const number = v.version.number;
  const signatures = v.version.signatures;
  const mine = me.partyId ? signatures.find((s) => s.partyId === me.partyId) : undefined;
  return (
    <Section title={t('text.signaturesTitle')} className="panel-compact">
      <HashField hash={v.version.hash} label={t('text.fingerprint')} />
      <ul className="signature-list">
        {view.parties.map((p) => {
          const s = signatures.find((x) => x.partyId === p.id);
          const check = verification?.signatures.find((x) => x.partyId === p.id);
          return (
            <li key={p.id}>
              <PartyChip partyId={p.id} />
              {s ? (
                <span>
                  {t('text.signedOn', { date: formats.dateTime(s.signedAt) })}
                  {check && (
                    <span className={`badge ${check.valid ? 'badge-ok' : 'badge-bad'}`}>
                      {check.valid ? t('text.signatureValid') : t('text.signatureInvalid')}
                    </span>
                  )}
                </span>
              ) : (
                <span className="muted">{t('text.notSigned')}</span>
              )}
            </li>
          );
        })}
      </ul>
      {verification && (
        <Notice tone={verification.versionIntact ? 'success' : 'warning'}>
          {verification.versionIntact ? t('text.versionIntact') : t('text.versionTampered')}
        </Notice>
      )}
      <ErrorAlert error={verify.error} />
      <div className="form-actions">
        <Button
          variant="secondary"
          className="button-small"
          pending={verify.pending}
          onClick={() =>
            void verify.run(async () =>
              setVerification(await api.text.verify(view.process.id, number)),
            )
          }
        >
          {t('text.verify')}
        </Button>
      </div>
      {isSignatory(me) && !mine && <SignBox version={v} onSigned={onSigned} />}
    </Section>
  );
}

function SignBox({ version: v, onSigned }: { version: TextVersion; onSigned: () => void }) {
  const { t } = useTranslation();
  const { view, partyCode } = useProcess();
  const [open, setOpen] = useState(false);
  const [checked, setChecked] = useState(false);
  const action = useAction();
  const number = v.version.number;
  const party = partyCode(view.me.partyId);
  const groups = v.version.hash.match(/.{1,8}/g) ?? [];
  if (!open)
    return (
      <div className="form-actions sign-start">
        <Button onClick={() => setOpen(true)}>{t('text.signStart', { n: number, party })}</Button>
      </div>
    );
  return (
    <div className="confirm-box sign-box">
      <p className="strong">{t('text.signConfirmTitle', { n: number, party })}</p>
      <p className="small">{t('text.signConfirmBody')}</p>
      <p className="hash-groups" aria-label={t('text.fingerprint')}>
        {groups.map((g, i) => (
          <code key={i}>{g}</code>
        ))}
      </p>
      <CheckboxField
        label={t('text.signCompared')}
        checked={checked}
        onChange={(e) => setChecked(e.target.checked)}
      />
      <ErrorAlert error={action.error} />
      <div className="form-actions">
        <Button
          disabled={!checked}
          pending={action.pending}
          pendingLabel={t('text.signing')}
          onClick={() =>
            void action.run(async () => {
              await api.text.sign(view.process.id, number, v.version.hash);
              setOpen(false);
              onSigned();
            })
          }
        >
          {t('text.signNow', { n: number, party })}
        </Button>
        <Button variant="quiet" onClick={() => setOpen(false)}>
          {t('common.cancel')}
        </Button>
      </div>
    </div>
  );
}
