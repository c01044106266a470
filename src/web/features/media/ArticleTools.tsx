/**
 * Articles beyond pasting: uploading a text or HTML file (the server extracts the main text and
 * refuses a bad file, saying why), and the list of articles with their language and what the
 * analysis found, each opened with its words highlighted.
 */
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.js';
import type { MediaArticle, MediaView } from '../../api/types.js';
import { useFormats } from '../../i18n/index.js';
import { Button, ErrorAlert, TextField } from '../../ui/components.js';
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

/** Uploading a file as an article. */
export function UploadArticleForm({ onDone }: { onDone: (a: MediaArticle) => void }) {
  const { t } = useTranslation();
  const { view } = useProcess();
  const input = useRef<HTMLInputElement>(null);
  const [outlet, setOutlet] = useState('');
  const [url, setUrl] = useState('');
  const action = useAction();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const file = input.current?.files?.[0];
    if (!file) return;
    void action.run(async () => {
      const a = await api.media.upload(view.process.id, {
        fileName: file.name,
        contentType: file.type || undefined,
        content: await base64Of(file),
        outlet: outlet || undefined,
        url: url || undefined,
      });
      if (input.current) input.current.value = '';
      onDone(a);
    });
  };
  return (
    <form
      className="form form-inset form-wide"
      onSubmit={submit}
      aria-label={t('mediaIn.upload.title')}
    >
      <ErrorAlert error={action.error} />
      <div className="field">
        <label htmlFor="media-upload-file">{t('mediaIn.upload.file')}</label>
        <input
          id="media-upload-file"
          ref={input}
          type="file"
          required
          accept=".html,.htm,.xhtml,.txt,text/html,text/plain"
          aria-describedby="media-upload-hint"
        />
        <p id="media-upload-hint" className="hint">
          {t('mediaIn.upload.fileHint')}
        </p>
      </div>
      <div className="form-row">
        <TextField
          label={t('media.articles.outlet')}
          optional
          value={outlet}
          wrapperClassName="field-narrow"
          onChange={(e) => setOutlet(e.target.value)}
        />
        <TextField
          label={t('media.articles.url')}
          optional
          type="url"
          value={url}
          wrapperClassName="field-grow"
          onChange={(e) => setUrl(e.target.value)}
        />
      </div>
      <div className="form-actions">
        <Button type="submit" pending={action.pending} pendingLabel={t('mediaIn.upload.reading')}>
          {t('mediaIn.upload.submit')}
        </Button>
      </div>
    </form>
  );
}

/** The articles the reader sees, newest first, each with a button that opens it. */
export function ArticleList({
  articles,
  openedId,
  onOpen,
}: {
  articles: MediaView['articles'];
  openedId: string | null;
  onOpen: (id: string | null) => void;
}) {
  const { t } = useTranslation();
  const formats = useFormats();
  if (articles.length === 0) return <p className="empty">{t('mediaIn.list.none')}</p>;
  return (
    <div className="table-wrap">
      <table className="media-article-list" data-testid="media-article-list">
        <thead>
          <tr>
            <th scope="col">{t('mediaIn.list.headline')}</th>
            <th scope="col">{t('mediaIn.list.language')}</th>
            <th scope="col">{t('mediaIn.list.mentions')}</th>
            <th scope="col">{t('mediaIn.list.quotes')}</th>
            <th scope="col">{t('mediaIn.list.added')}</th>
            <th scope="col">
              <span className="visually-hidden">{t('mediaIn.list.open')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {articles.map((a) => (
            <tr key={a.id} data-testid="media-article-row">
              <td>
                {a.title || <span className="muted">{t('mediaIn.list.untitled')}</span>}
                {a.outlet && <span className="muted small"> — {a.outlet}</span>}
                {a.feedId && (
                  <>
                    {' '}
                    <span className="chip">{t('mediaIn.list.fromFeed')}</span>
                  </>
                )}
              </td>
              <td>{t(`media.languages.${a.language}`, a.language)}</td>
              <td>{a.mentions.length}</td>
              <td>{a.quotes.length}</td>
              <td className="small">{formats.date(a.addedAt)}</td>
              <td>
                <Button
                  variant="secondary"
                  aria-expanded={openedId === a.id}
                  onClick={() => onOpen(openedId === a.id ? null : a.id)}
                >
                  {openedId === a.id ? t('mediaIn.list.close') : t('mediaIn.list.open')}
                </Button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
