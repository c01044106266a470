/**
 * Files as evidence: the form that uploads one (the size limit the server states, shown before
 * and checked before sending; the server recognises the type from the content and answers with
 * the SHA-256 it computed, which is shown), and the download of a file evidence, always saved as
 * a file, never opened in the page.
 */
import { useRef, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.js';
import type { EvidenceView } from '../../api/types.js';
import { useFormats } from '../../i18n/index.js';
import { Button, ErrorAlert, TextAreaField, TextField } from '../../ui/components.js';
import { useAction } from '../../ui/hooks.js';
import { useProcess } from '../processes/ProcessContext.js';

/** The bytes of a file, base64-encoded (in slices, so large files do not overflow the stack). */
async function base64Of(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** A size as people read it, in the reader's number format: "10 MiB", "1.5 MiB", "800 KiB". */
export function useFileSize(): (bytes: number) => string {
  const formats = useFormats();
  return (bytes) =>
    bytes >= 1024 * 1024
      ? `${formats.number(Math.round((bytes / 1024 / 1024) * 10) / 10)} MiB`
      : bytes >= 1024
        ? `${formats.number(Math.ceil(bytes / 1024))} KiB`
        : `${formats.number(bytes)} B`;
}

/** What the file input offers to choose (the server still decides by the content). */
const accept =
  '.pdf,.png,.jpg,.jpeg,.webp,.gif,.docx,.xlsx,.pptx,.odt,.ods,.odp,.txt,.csv,.md,' +
  'application/pdf,image/png,image/jpeg,image/webp,image/gif,text/plain,text/csv';

/**
 * The form for a file evidence. `kindField` is the evidence form's kind selector, kept at the top
 * so the submitter can switch back to a report or a link.
 */
export function EvidenceFileForm({
  commitmentId,
  maxBytes,
  kindField,
  onDone,
}: {
  commitmentId: string;
  maxBytes: number;
  kindField: ReactNode;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const { view } = useProcess();
  const size = useFileSize();
  const input = useRef<HTMLInputElement>(null);
  const [text, setText] = useState('');
  const [observedOn, setObservedOn] = useState('');
  const [source, setSource] = useState('');
  const [tooLarge, setTooLarge] = useState<string | null>(null);
  const [uploaded, setUploaded] = useState<EvidenceView | null>(null);
  const action = useAction();
  const check = () => {
    const file = input.current?.files?.[0];
    setTooLarge(
      file && file.size > maxBytes
        ? t('implementation.file.tooLarge', { size: size(file.size), max: size(maxBytes) })
        : null,
    );
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const file = input.current?.files?.[0];
    if (!file || file.size > maxBytes) return;
    void action.run(async () => {
      const evidence = await api.implementation.submitEvidenceFile(view.process.id, commitmentId, {
        fileName: file.name,
        content: await base64Of(file),
        text,
        observedOn,
        source,
      });
      setUploaded(evidence);
    });
  };
  if (uploaded?.file)
    return (
      <div className="form" role="status" data-testid="evidence-file-uploaded">
        <p>{t('implementation.file.uploaded', { name: uploaded.file.name })}</p>
        <p>
          {t('implementation.file.serverHash')}{' '}
          <code className="hash hash-full" data-testid="evidence-file-sha256">
            {uploaded.sha256}
          </code>
        </p>
        <p className="hint">{t('implementation.file.compareHint')}</p>
        <Button onClick={onDone}>{t('implementation.file.done')}</Button>
      </div>
    );
  return (
    <form className="form" onSubmit={submit} aria-label={t('implementation.file.title')}>
      <p className="form-intro">{t('implementation.evidenceIntro')}</p>
      {kindField}
      <div className="field">
        <label htmlFor={`evidence-file-${commitmentId}`}>{t('implementation.file.choose')}</label>
        <input
          id={`evidence-file-${commitmentId}`}
          ref={input}
          type="file"
          required
          accept={accept}
          onChange={check}
          aria-describedby={`evidence-file-hint-${commitmentId}`}
          aria-invalid={tooLarge !== null}
        />
        <p id={`evidence-file-hint-${commitmentId}`} className="hint">
          {t('implementation.file.hint', { max: size(maxBytes) })}
        </p>
        {tooLarge && (
          <p className="field-error" role="alert">
            {tooLarge}
          </p>
        )}
      </div>
      <TextAreaField
        label={t('implementation.file.description')}
        optional
        value={text}
        onChange={(e) => setText(e.target.value)}
      />
      <EvidenceDateAndSource
        observedOn={observedOn}
        source={source}
        onObservedOn={setObservedOn}
        onSource={setSource}
      />
      <p className="hint">{t('implementation.file.hashHint')}</p>
      <ErrorAlert error={action.error} />
      <Button
        type="submit"
        pending={action.pending}
        pendingLabel={t('implementation.file.uploading')}
        disabled={tooLarge !== null}
      >
        {t('implementation.file.submit')}
      </Button>
    </form>
  );
}

/** The download of a file evidence: its name and size, saved as a file when clicked. */
export function EvidenceFileLink({ evidence }: { evidence: EvidenceView }) {
  const { t } = useTranslation();
  const { view } = useProcess();
  const size = useFileSize();
  const action = useAction();
  if (!evidence.file) return null;
  const file = evidence.file;
  const save = async () => {
    const got = await action.run(() =>
      api.implementation.evidenceFile(view.process.id, evidence.id, file.name),
    );
    if (!got) return;
    const href = URL.createObjectURL(got.blob);
    const a = document.createElement('a');
    a.href = href;
    a.download = got.filename;
    document.body.append(a);
    a.click();
    a.remove();
    window.setTimeout(() => URL.revokeObjectURL(href), 30_000);
  };
  return (
    <span className="evidence-file">
      <Button
        variant="secondary"
        className="small"
        pending={action.pending}
        onClick={() => void save()}
        aria-label={t('implementation.file.download', { name: file.name })}
      >
        {file.name}
      </Button>{' '}
      <span className="muted">({size(file.size)})</span>
      <ErrorAlert error={action.error} />
    </span>
  );
}

/** The date a piece of evidence speaks of and where it comes from: asked of every kind. */
export function EvidenceDateAndSource(props: {
  observedOn: string;
  source: string;
  onObservedOn: (value: string) => void;
  onSource: (value: string) => void;
}) {
  const { t } = useTranslation();
  return (
    <>
      <TextField
        label={t('implementation.observedOn')}
        type="date"
        required
        value={props.observedOn}
        onChange={(e) => props.onObservedOn(e.target.value)}
      />
      <TextField
        label={t('implementation.source')}
        required
        value={props.source}
        onChange={(e) => props.onSource(e.target.value)}
      />
    </>
  );
}
