/**
 * The read view of a negotiating text (the working draft or a version): numbered chapters and
 * provisions, each with its status mark, brackets and alternatives coloured by the party that holds
 * them (with the party's code as text), and the "nothing is agreed" state above it.
 */
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { romanNumeral } from '../../../core/text/model.js';
import type {
  NegotiatingText,
  OverallState,
  ProvisionStatus,
  TextChapter,
  TextProvision,
  TextSegment,
} from '../../api/types.js';
import { useFormats } from '../../i18n/index.js';
import { VisuallyHidden } from '../../ui/components.js';
import { useParties } from './holders.js';

/** A provision's number from its place: "2.3". */
export function provisionNumber(chapterIndex: number, index: number): string {
  return `${chapterIndex + 1}.${index + 1}`;
}

/** Every provision with its number and chapter, in reading order. */
export function listProvisions(
  text: NegotiatingText,
): Array<{ provision: TextProvision; number: string; chapterTitle: string }> {
  return text.chapters.flatMap((c, ci) =>
    c.provisions.map((p, pi) => ({
      provision: p,
      number: provisionNumber(ci, pi),
      chapterTitle: c.title,
    })),
  );
}

/** The wording of a provision as plain reading text (brackets and holders left out). */
export function plainWording(body: readonly TextSegment[]): string {
  return body
    .map((s) => (s.kind === 'alternatives' ? s.options.map((o) => o.text).join(' / ') : s.text))
    .join('');
}

/** A provision's status as a mark: the symbol and the colour repeat the words. */
export function StatusMark({ status }: { status: ProvisionStatus }) {
  const { t } = useTranslation();
  const symbol: Record<ProvisionStatus, string> = {
    open: '○',
    bracketed: '[ ]',
    agreed_ad_referendum: '◐',
    agreed: '✓',
  };
  return (
    <span className={`badge status-mark mark-${status}`}>
      <span aria-hidden="true">{symbol[status]}</span>
      {t(`provisionStatus.${status}`)}
    </span>
  );
}

/** One piece of wording. */
function Segment({ segment }: { segment: TextSegment }) {
  const { t } = useTranslation();
  const { holder } = useParties();
  switch (segment.kind) {
    case 'plain':
      return <>{segment.text}</>;
    case 'bracket': {
      const look = holder(segment.holder);
      return (
        <span className={`seg-bracket ${look.className}`} title={look.name}>
          <span className="bracket-mark">[</span>
          {segment.text}
          <span className="nowrap">
            <span className="bracket-mark">]</span>
            <span className="holder-tag">
              <VisuallyHidden>{t('text.heldBy')} </VisuallyHidden>
              {look.tag}
            </span>
          </span>
          {segment.note && <DrafterNote note={segment.note} forParties={segment.noteForParties} />}
        </span>
      );
    }
    case 'alternatives':
      return (
        <span className="seg-alternatives">
          {segment.options.map((o, i) => {
            const look = holder(o.holder);
            return (
              <span key={i} className="alt-wrap">
                {i > 0 && (
                  <span className="alt-sep" aria-hidden="true">
                    {' '}
                    /{' '}
                  </span>
                )}
                <span className={`seg-alt ${look.className}`} title={look.name}>
                  <span className="bracket-mark">[</span>
                  <span className="alt-label">{t('text.altLabel', { n: i + 1 })}</span>{' '}
                  {o.text === '' ? <em className="muted">{t('text.emptyAlternative')}</em> : o.text}
                  <span className="nowrap">
                    <span className="bracket-mark">]</span>
                    <span className="holder-tag">
                      <VisuallyHidden>{t('text.heldBy')} </VisuallyHidden>
                      {look.tag}
                    </span>
                  </span>
                  {o.note && <DrafterNote note={o.note} forParties={o.noteForParties} />}
                </span>
              </span>
            );
          })}
        </span>
      );
  }
}

/** A provision's wording with its brackets and alternatives. */
export function ProvisionBody({ body }: { body: readonly TextSegment[] }) {
  const { t } = useTranslation();
  if (body.length === 0) return <em className="muted">{t('text.noWording')}</em>;
  return (
    <>
      {body.map((s, i) => (
        <Segment key={i} segment={s} />
      ))}
    </>
  );
}

/**
 * The whole text. `actions` adds buttons beside a provision's status, `extra` an editor (or
 * anything wide) under it.
 */
export function TextDocument({
  text,
  actions,
  extra,
  chapterExtra,
  highlight,
}: {
  text: NegotiatingText;
  actions?: (provision: TextProvision, number: string) => ReactNode;
  extra?: (provision: TextProvision, number: string) => ReactNode;
  /** Something after a chapter's provisions (adding one). */
  chapterExtra?: (chapter: TextChapter, number: string) => ReactNode;
  /** A provision key to mark (e.g. the one being edited). */
  highlight?: string | null;
}) {
  const { t } = useTranslation();
  return (
    <article className="text-document" aria-label={text.title || t('text.untitled')}>
      <h2 className="text-title">
        {text.title || <span className="muted">{t('text.untitled')}</span>}
      </h2>
      {text.chapters.length === 0 && <p className="empty">{t('text.emptyText')}</p>}
      {text.chapters.map((c, ci) => (
        <section key={c.key} className="text-chapter" aria-labelledby={`chapter-${c.key}`}>
          <h3 id={`chapter-${c.key}`} className="chapter-title">
            <span className="chapter-number">
              {t('text.chapterNumber', { n: romanNumeral(ci + 1) })}
            </span>
            {c.title && <> — {c.title}</>}
          </h3>
          <ol className="provision-list">
            {c.provisions.map((p, pi) => {
              const number = provisionNumber(ci, pi);
              return (
                <li
                  key={p.key}
                  id={`provision-${p.key}`}
                  className={`provision provision-${p.status}${highlight === p.key ? ' is-highlighted' : ''}`}
                >
                  <div className="provision-row">
                    <span className="provision-number">{number}</span>
                    <p className="provision-body">
                      <ProvisionBody body={p.body} />
                    </p>
                    <div className="provision-aside">
                      <StatusMark status={p.status} />
                      {actions?.(p, number)}
                    </div>
                  </div>
                  {extra?.(p, number)}
                </li>
              );
            })}
          </ol>
          {chapterExtra?.(c, romanNumeral(ci + 1))}
        </section>
      ))}
    </article>
  );
}

/** "Nothing is agreed until everything is agreed", the counts, and who has signed. */
export function TextState({
  state,
  signatures,
}: {
  state: OverallState;
  /** Whether to say who has signed (versions; the draft is never signed). */
  signatures?: boolean;
}) {
  const { t } = useTranslation();
  const formats = useFormats();
  const { code } = useParties();
  const statuses: ProvisionStatus[] = ['agreed', 'agreed_ad_referendum', 'bracketed', 'open'];
  return (
    <div className={`text-state${state.everythingAgreed ? ' is-agreed' : ''}`}>
      {state.banner ? (
        <p className="naeuea" role="note">
          <span className="naeuea-mark" aria-hidden="true">
            ⚖
          </span>
          {t('text.naeuea')}
        </p>
      ) : (
        <p className="naeuea naeuea-done" role="note">
          {t('text.everythingAgreed')}
        </p>
      )}
      <dl className="state-counts">
        <div>
          <dt>{t('text.provisions')}</dt>
          <dd>{formats.number(state.provisionCount)}</dd>
        </div>
        {statuses.map((s) => (
          <div key={s}>
            <dt>{t(`provisionStatus.${s}`)}</dt>
            <dd>{formats.number(state.counts[s] ?? 0)}</dd>
          </div>
        ))}
        <div>
          <dt>{t('text.openBrackets')}</dt>
          <dd>{formats.number(state.openBrackets)}</dd>
        </div>
        <div>
          <dt>{t('text.openAlternatives')}</dt>
          <dd>{formats.number(state.openAlternativeGroups)}</dd>
        </div>
        {signatures && (
          <div>
            <dt>{t('text.signedBy')}</dt>
            <dd>
              {state.signedBy.length === 0
                ? t('text.nobodyYet')
                : state.signedBy.map((id) => code(id)).join(', ')}
            </dd>
          </div>
        )}
      </dl>
    </div>
  );
}

/** A drafter's note, saying whether it is the mediators' own or goes out to the parties. */
export function DrafterNote({
  note,
  forParties,
}: {
  note: string;
  forParties?: boolean | undefined;
}) {
  const { t } = useTranslation();
  return (
    <span className={`holder-note${forParties ? '' : ' holder-note-internal'}`}>
      <span className="note-audience">
        {forParties ? t('outward.noteForParties') : t('outward.noteInternal')}
      </span>{' '}
      {note}
    </span>
  );
}
