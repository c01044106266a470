/**
 * The mediators' editor for one provision. The wording is edited as it reads: select words and
 * bracket them for a party, pick a bracket to note it (internal, or explicitly for the parties) or
 * to add an alternative; the bracket syntax stays at hand for experts, with a live preview and
 * problems shown in plain words beside the place they concern. Both ways edit one local draft
 * (kept in the browser until saved); saving is one edit of the working draft from its current
 * revision. Settling brackets and changing the status are edits of their own.
 */
import { useMemo, useState, type ReactNode, type FormEvent } from 'react';
import { useConfirmation } from '../../ui/ConfirmDialog.js';
import { useKeptDraft, useUnsavedGuard } from '../../ui/unsaved.js';
import { useFormats } from '../../i18n/index.js';
import { useProcess } from '../processes/ProcessContext.js';
import { useTranslation } from 'react-i18next';
import { parseBody, printBody, type ParseProblem } from '../../../core/text/plain-text.js';
import { checkTransition } from '../../../core/text/rules.js';
import {
  addAlternative,
  bracketWords,
  pieceOf,
  setHolder,
  setNote,
  type WordingRange,
} from '../../../core/text/structure.js';
import { DomainError } from '../../../core/shared/errors.js';
import type {
  Holder as CoreHolder,
  Provision as CoreProvision,
  Segment as CoreSegment,
} from '../../../core/text/model.js';
import type { PartyDirectory } from '../../../core/text/plain-text.js';
import type { ProvisionStatus, TextProvision, TextSegment } from '../../api/types.js';
import {
  Button,
  CheckboxField,
  ErrorAlert,
  Notice,
  SelectField,
  TextAreaField,
  TextField,
} from '../../ui/components.js';
import { useParties } from './holders.js';
import { SelectableWording, type PickedPiece } from './SelectableWording.js';
import { ProvisionBody } from './TextDocument.js';
import type { DraftEditing } from './TextPage.js';

const statuses = ['open', 'agreed_ad_referendum', 'agreed'] as const;

/** The wire's provision as the domain's (ids are plain strings on the wire). */
const asCore = (p: TextProvision) => p as unknown as CoreProvision;

/** The draft read in the bracket syntax: its segments, or the first problem. */
type Reading = { ok: true; body: CoreSegment[] } | { ok: false; problem: ParseProblem };

function read(source: string, parties: PartyDirectory): Reading {
  try {
    return { ok: true, body: parseBody(source, parties) };
  } catch (error) {
    if (error instanceof DomainError) {
      const problems = error.details?.['problems'];
      const first = Array.isArray(problems) ? (problems[0] as ParseProblem | undefined) : undefined;
      return {
        ok: false,
        problem: first ?? { line: 1, column: 1, message: error.message },
      };
    }
    throw error;
  }
}

/** A holder as the value of a select: "party:<id>", "mediators" or "unattributed". */
const holderValue = (h: CoreHolder): string => (h.kind === 'party' ? `party:${h.party}` : h.kind);
const holderOf = (value: string): CoreHolder =>
  value.startsWith('party:')
    ? ({ kind: 'party', party: value.slice('party:'.length) } as unknown as CoreHolder)
    : value === 'mediators'
      ? { kind: 'mediators' }
      : { kind: 'unattributed' };

/** The editor under a provision. */
export function ProvisionEditor({
  provision,
  number,
  directory,
  editor,
  onClose,
}: {
  provision: TextProvision;
  number: string;
  directory: Array<{ id: string; code: string }>;
  editor: DraftEditing;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const formats = useFormats();
  const { holder } = useParties();
  const parties = directory as unknown as PartyDirectory;
  const original = printBody(provision.body as unknown as CoreSegment[], parties);
  const { view } = useProcess();
  const kept = useKeptDraft(`${view.process.id}.${provision.key}`, original);
  const body = kept.value;
  const setBody = kept.setValue;
  const dirty = body !== original;
  useUnsavedGuard(dirty, t('unsaved.leave'));
  const confirmation = useConfirmation();
  const [mode, setMode] = useState<'structure' | 'syntax'>('structure');
  const reading = useMemo(() => read(body, parties), [body, parties]);
  const [selection, setSelection] = useState<WordingRange | 'across' | null>(null);
  const [picked, setPicked] = useState<PickedPiece | null>(null);
  const [refusal, setRefusal] = useState<string | null>(null);
  const firstParty = directory[0];
  const [bracketHolder, setBracketHolder] = useState(
    firstParty ? `party:${firstParty.id}` : 'mediators',
  );
  const [bracketNote, setBracketNote] = useState('');
  const [bracketForParties, setBracketForParties] = useState(false);
  const close = () => {
    if (!dirty) return onClose();
    confirmation.ask({
      title: t('unsaved.closeTitle', { number }),
      body: <p>{t('unsaved.closeBody')}</p>,
      confirmLabel: t('unsaved.discard'),
      danger: true,
      onConfirm: () => {
        kept.discard();
        onClose();
      },
    });
  };
  // Only the moves the rules allow at all; those blocked by open brackets are shown, disabled.
  const choices = statuses
    .map((s) => ({ status: s, check: checkTransition(asCore(provision), s) }))
    .filter((c) => c.check.ok || c.check.code === 'RULE_VIOLATION');
  const firstAllowed = choices.find((c) => c.check.ok)?.status;
  const [status, setStatus] = useState<ProvisionStatus | ''>(firstAllowed ?? '');
  const save = (e: FormEvent) => {
    e.preventDefault();
    void editor.apply({ kind: 'replace_body', provision: provision.key, body });
  };
  /** Applies a structural step to the draft; a step the structure refuses says why. */
  const step = (change: (segments: CoreSegment[]) => CoreSegment[]): boolean => {
    if (!reading.ok) return false;
    try {
      setBody(printBody(change(reading.body), parties));
      setRefusal(null);
      setSelection(null);
      window.getSelection()?.removeAllRanges();
      return true;
    } catch (error) {
      if (error instanceof DomainError) {
        const reason = String(error.details?.['reason'] ?? 'segment_missing');
        setRefusal(reason);
        return false;
      }
      throw error;
    }
  };
  const selectedWords =
    reading.ok && selection !== null && selection !== 'across'
      ? (pieceOf(reading.body, selection) ?? '').slice(selection.start, selection.end).trim()
      : '';
  const selectionInBracket =
    reading.ok &&
    selection !== null &&
    selection !== 'across' &&
    reading.body[selection.segment]?.kind !== 'plain';
  const bracketSelected = (e: FormEvent) => {
    e.preventDefault();
    if (selection === null || selection === 'across') return;
    if (
      step((b) =>
        bracketWords(b, selection, holderOf(bracketHolder), {
          text: bracketNote.trim() === '' ? null : bracketNote,
          forParties: bracketForParties,
        }),
      )
    ) {
      setBracketNote('');
      setBracketForParties(false);
    }
  };
  const codes = directory.map((d) => d.code);
  const example = {
    a: codes[0] ?? 'GOV',
    b: codes[1] ?? codes[0] ?? 'OPP',
  };
  const textareaId = `wording-${provision.key}`;
  const goTo = (problem: ParseProblem) => {
    const area = document.querySelector(`textarea[data-wording="${provision.key}"]`);
    if (!(area instanceof HTMLTextAreaElement)) return;
    const offset = offsetOf(body, problem);
    area.focus();
    area.setSelectionRange(offset, offset + 1);
  };
  const holderOptions = (
    <>
      {directory.map((d) => (
        <option key={d.id} value={`party:${d.id}`}>
          {d.code}
        </option>
      ))}
      <option value="mediators">{t('drafting.holderMediators')}</option>
      <option value="unattributed">{t('drafting.holderNobody')}</option>
    </>
  );
  return (
    <div className="provision-editor" role="group" aria-label={t('text.editorFor', { number })}>
      {confirmation.dialog}
      {kept.restoredAt && (
        <Notice tone="info">
          {t('unsaved.restored', { date: formats.dateTime(kept.restoredAt) })}
        </Notice>
      )}
      {kept.stale && (
        <Notice tone="warning">
          {t('unsaved.stale')}
          <pre className="kept-text">{kept.stale.text}</pre>
        </Notice>
      )}
      <div className="segmented editor-modes" role="group" aria-label={t('drafting.modesLabel')}>
        {(['structure', 'syntax'] as const).map((m) => (
          <button
            key={m}
            type="button"
            className={`segment-button${mode === m ? ' is-selected' : ''}`}
            aria-pressed={mode === m}
            onClick={() => setMode(m)}
          >
            {m === 'structure' ? t('drafting.modeStructure') : t('drafting.modeSyntax')}
          </button>
        ))}
      </div>
      {mode === 'structure' && (
        <div className="drafting-structure">
          <p className="hint">{t('drafting.structureHint')}</p>
          {reading.ok ? (
            <>
              <SelectableWording
                body={reading.body as unknown as TextSegment[]}
                label={t('drafting.surfaceLabel', { number })}
                picked={picked}
                onSelect={(range) => {
                  setSelection(range);
                  setRefusal(null);
                  if (range !== null) setPicked(null);
                }}
                onPick={(piece) => {
                  setPicked(piece);
                  setSelection(null);
                  setRefusal(null);
                }}
              />
              {picked === null ? (
                <form className="form drafting-toolbar" onSubmit={bracketSelected}>
                  <p className="selection-state" aria-live="polite">
                    {selectedWords !== '' && !selectionInBracket
                      ? t('drafting.selected', { words: selectedWords })
                      : selection === 'across'
                        ? t('drafting.selectAcross')
                        : selectionInBracket
                          ? t('drafting.selectInBracket')
                          : t('drafting.selectNothing')}
                  </p>
                  <div className="form-row form-row-end">
                    <SelectField
                      label={t('drafting.holderLabel')}
                      wrapperClassName="field-narrow"
                      value={bracketHolder}
                      onChange={(e) => setBracketHolder(e.target.value)}
                    >
                      {holderOptions}
                    </SelectField>
                    <TextField
                      label={t('drafting.noteLabel')}
                      hint={t('drafting.noteHint')}
                      wrapperClassName="field-grow"
                      optional
                      maxLength={500}
                      value={bracketNote}
                      onChange={(e) => setBracketNote(e.target.value)}
                    />
                  </div>
                  <CheckboxField
                    label={t('drafting.forPartiesLabel')}
                    hint={t('drafting.forPartiesHint')}
                    checked={bracketForParties}
                    disabled={bracketNote.trim() === ''}
                    onChange={(e) => setBracketForParties(e.target.checked)}
                  />
                  <div className="form-actions">
                    <Button
                      type="submit"
                      variant="secondary"
                      disabled={selectedWords === '' || selectionInBracket}
                    >
                      {t('drafting.bracketIt')}
                    </Button>
                  </div>
                </form>
              ) : (
                <PiecePanel
                  key={`${picked.segment}.${picked.option ?? '-'}.${body}`}
                  body={reading.body}
                  piece={picked}
                  holderOptions={holderOptions}
                  onStep={step}
                  onPick={setPicked}
                />
              )}
              {refusal !== null && (
                <Notice tone="warning">{t(`drafting.refused.${refusal as RefusalReason}`)}</Notice>
              )}
            </>
          ) : (
            <>
              <Notice tone="warning">{t('drafting.syntaxBroken')}</Notice>
              <SyntaxProblem
                source={body}
                problem={reading.problem}
                onGo={() => setMode('syntax')}
              />
            </>
          )}
        </div>
      )}
      {mode === 'syntax' && (
        <div className="drafting-syntax">
          <TextAreaField
            data-wording={provision.key}
            label={t('text.wordingLabel', { number })}
            hint={t('text.wordingHint')}
            className="mono textarea-code"
            rows={Math.min(10, Math.max(3, Math.ceil(body.length / 70)))}
            value={body}
            spellCheck={false}
            aria-invalid={!reading.ok}
            aria-errormessage={reading.ok ? undefined : `${textareaId}-problem`}
            onChange={(e) => setBody(e.target.value)}
          />
          {!reading.ok && (
            <SyntaxProblem
              id={`${textareaId}-problem`}
              source={body}
              problem={reading.problem}
              onGo={() => goTo(reading.problem)}
            />
          )}
          <details className="syntax-help">
            <summary>{t('text.syntaxTitle')}</summary>
            <dl>
              <div>
                <dt>
                  <code>
                    [{t('text.syntaxWords')}]{`{${example.a}}`}
                  </code>
                </dt>
                <dd>{t('text.syntaxBracket', { party: example.a })}</dd>
              </div>
              <div>
                <dt>
                  <code>
                    [{t('text.syntaxWords')}]{`{${example.a}: ${t('text.syntaxNoteExample')}}`}
                  </code>
                </dt>
                <dd>{t('text.syntaxNote')}</dd>
              </div>
              <div>
                <dt>
                  <code>
                    [{t('text.syntaxWords')}]{`{${example.a}:: ${t('text.syntaxNoteExample')}}`}
                  </code>
                </dt>
                <dd>{t('drafting.syntaxNoteForParties')}</dd>
              </div>
              <div>
                <dt>
                  <code>
                    [Alt 1: …]{`{${example.a}}`} / [Alt 2: …]{`{${example.b}}`}
                  </code>
                </dt>
                <dd>{t('text.syntaxAlternatives')}</dd>
              </div>
              <div>
                <dt>
                  <code>[…]{'{Mediators}'}</code> · <code>[…]</code>
                </dt>
                <dd>{t('text.syntaxMediators')}</dd>
              </div>
              <div>
                <dt>
                  <code>
                    \[ \] \{'{'} \{'}'}
                  </code>
                </dt>
                <dd>{t('text.syntaxEscape')}</dd>
              </div>
            </dl>
            <p className="small">{t('text.syntaxCodes', { codes: codes.join(', ') })}</p>
          </details>
          {reading.ok && (
            <div className="drafting-preview">
              <h4 className="editor-heading">{t('drafting.previewTitle')}</h4>
              <p
                className="provision-body preview-body"
                aria-label={t('drafting.previewLabel', { number })}
              >
                <ProvisionBody body={reading.body as unknown as TextSegment[]} />
              </p>
            </div>
          )}
        </div>
      )}
      <form className="form" onSubmit={save}>
        {dirty && <p className="hint unsaved-mark">{t('drafting.unsavedChanges')}</p>}
        <div className="form-actions">
          <Button
            type="submit"
            pending={editor.pending}
            pendingLabel={t('common.saving')}
            disabled={!dirty || !reading.ok}
          >
            {t('text.saveWording')}
          </Button>
          <Button variant="quiet" onClick={close}>
            {t('text.closeEditor')}
          </Button>
        </div>
      </form>

      {provision.body.some((s) => s.kind !== 'plain') && (
        <div className="settle">
          <h4 className="editor-heading">{t('text.settleTitle')}</h4>
          <ul className="settle-list">
            {provision.body.map((s, i) => {
              if (s.kind === 'bracket') {
                const look = holder(s.holder);
                return (
                  <li key={i}>
                    <span className={`seg-bracket ${look.className}`}>
                      [{s.text}]<span className="holder-tag">{look.tag}</span>
                    </span>
                    <span className="settle-actions">
                      <Button
                        variant="secondary"
                        className="button-small"
                        disabled={editor.pending}
                        onClick={() =>
                          void editor.apply({
                            kind: 'resolve_bracket',
                            provision: provision.key,
                            segment: i,
                            resolution: 'accept',
                          })
                        }
                      >
                        {t('text.keepWording')}
                      </Button>
                      <Button
                        variant="secondary"
                        className="button-small"
                        disabled={editor.pending}
                        onClick={() =>
                          void editor.apply({
                            kind: 'resolve_bracket',
                            provision: provision.key,
                            segment: i,
                            resolution: 'delete',
                          })
                        }
                      >
                        {t('text.dropWording')}
                      </Button>
                    </span>
                  </li>
                );
              }
              if (s.kind === 'alternatives')
                return (
                  <li key={i} className="settle-alternatives">
                    {s.options.map((o, j) => {
                      const look = holder(o.holder);
                      return (
                        <span key={j} className="settle-option">
                          <span className={`seg-alt ${look.className}`}>
                            <span className="alt-label">{t('text.altLabel', { n: j + 1 })}</span>{' '}
                            {o.text || t('text.emptyAlternative')}
                            <span className="holder-tag">{look.tag}</span>
                          </span>
                          <Button
                            variant="secondary"
                            className="button-small"
                            disabled={editor.pending}
                            onClick={() =>
                              void editor.apply({
                                kind: 'choose_alternative',
                                provision: provision.key,
                                segment: i,
                                option: j,
                              })
                            }
                          >
                            {t('text.chooseAlt', { n: j + 1 })}
                          </Button>
                        </span>
                      );
                    })}
                  </li>
                );
              return null;
            })}
          </ul>
        </div>
      )}

      {choices.length > 0 && !choices.some((c) => c.check.ok) && (
        <p className="status-form hint">
          <span className="strong">{t('text.statusLabel', { number })}:</span>{' '}
          {t('text.statusBlocked')}
        </p>
      )}
      {choices.some((c) => c.check.ok) && (
        <form
          className="form form-row form-row-end status-form"
          onSubmit={(e) => {
            e.preventDefault();
            if (status) void editor.apply({ kind: 'set_status', provision: provision.key, status });
          }}
        >
          <SelectField
            label={t('text.statusLabel', { number })}
            value={status}
            onChange={(e) => setStatus(e.target.value as ProvisionStatus)}
            hint={t('text.statusHint')}
          >
            {choices.map((c) => (
              <option key={c.status} value={c.status} disabled={!c.check.ok}>
                {t(`text.statusAction.${c.status}`)}
                {!c.check.ok ? ` — ${t('text.bracketsOpen')}` : ''}
              </option>
            ))}
          </SelectField>
          <div className="form-actions">
            <Button type="submit" variant="secondary" disabled={!status || editor.pending}>
              {t('text.setStatus')}
            </Button>
          </div>
        </form>
      )}
      <RemoveProvision provision={provision} number={number} editor={editor} />
      <ErrorAlert error={editor.error} />
    </div>
  );
}

/** Removing a provision, after a confirmation (its later siblings are renumbered). */
function RemoveProvision({
  provision,
  number,
  editor,
}: {
  provision: TextProvision;
  number: string;
  editor: DraftEditing;
}) {
  const { t } = useTranslation();
  const [confirming, setConfirming] = useState(false);
  if (!confirming)
    return (
      <div className="form-actions remove-provision">
        <Button variant="quiet" className="button-small" onClick={() => setConfirming(true)}>
          {t('text.removeProvision', { number })}
        </Button>
      </div>
    );
  return (
    <div className="confirm-box remove-provision">
      <p>{t('text.removeConfirm', { number })}</p>
      <div className="form-actions">
        <Button
          variant="danger"
          pending={editor.pending}
          onClick={() => void editor.apply({ kind: 'remove_provision', provision: provision.key })}
        >
          {t('text.removeNow', { number })}
        </Button>
        <Button variant="quiet" onClick={() => setConfirming(false)}>
          {t('common.cancel')}
        </Button>
      </div>
    </div>
  );
}

/** Why a structural step was refused (the `reason` of its RULE_VIOLATION). */
type RefusalReason = 'already_bracketed' | 'empty_selection' | 'not_bracketed' | 'segment_missing';

/** The offset in `source` of a problem's line and column. */
function offsetOf(source: string, problem: { line: number; column: number }): number {
  const lines = source.split(/\r\n|\r|\n/);
  let offset = 0;
  for (let i = 0; i < problem.line - 1 && i < lines.length; i += 1)
    offset += (lines[i] ?? '').length + 1;
  return Math.min(source.length, offset + problem.column - 1);
}

/** A problem of the bracket syntax in plain words, with the place it concerns marked. */
function SyntaxProblem({
  id,
  source,
  problem,
  onGo,
}: {
  id?: string;
  source: string;
  problem: ParseProblem;
  onGo: () => void;
}) {
  const { t } = useTranslation();
  const line = source.split(/\r\n|\r|\n/)[problem.line - 1] ?? '';
  const at = Math.max(0, problem.column - 1);
  // A long line is shown around the place, so the mark stays on screen on a phone.
  const from = Math.max(0, at - 30);
  const to = Math.min(line.length, at + 30);
  const words = problem.reason
    ? t(`drafting.problem.${problem.reason}`, {
        ...(problem.params ?? {}),
        interpolation: { escapeValue: false },
      })
    : problem.message;
  return (
    <div id={id} className="syntax-problem" role="alert">
      <p>
        <span className="strong">
          {t('drafting.problemAt', { line: problem.line, column: problem.column })}
        </span>{' '}
        {words}
      </p>
      <pre className="syntax-excerpt mono" aria-hidden="true">
        {from > 0 ? '…' : ''}
        {line.slice(from, at)}
        <mark className="syntax-mark" title={t('drafting.problemHere')}>
          {line.charAt(at) || ' '}
        </mark>
        {line.slice(at + 1, to)}
        {to < line.length ? '…' : ''}
      </pre>
      <Button variant="quiet" className="button-small" onClick={onGo}>
        {t('drafting.goToProblem')}
      </Button>
    </div>
  );
}

/** A picked bracket or alternative: its holder and note (and for whom), or a further alternative. */
function PiecePanel({
  body,
  piece,
  holderOptions,
  onStep,
  onPick,
}: {
  body: CoreSegment[];
  piece: PickedPiece;
  holderOptions: ReactNode;
  onStep: (change: (segments: CoreSegment[]) => CoreSegment[]) => boolean;
  onPick: (piece: PickedPiece | null) => void;
}) {
  const { t } = useTranslation();
  const segment = body[piece.segment];
  const current =
    segment?.kind === 'bracket'
      ? segment
      : segment?.kind === 'alternatives' && piece.option !== null
        ? segment.options[piece.option]
        : undefined;
  const [holder, setHolderValue] = useState(current ? holderValue(current.holder) : 'mediators');
  const [note, setNoteText] = useState(current?.note ?? '');
  const [forParties, setForParties] = useState(current?.noteForParties === true);
  const [altWording, setAltWording] = useState('');
  const [altHolder, setAltHolder] = useState('mediators');
  if (current === undefined || segment === undefined) return null;
  const title =
    piece.option === null
      ? t('drafting.pieceTitle')
      : t('drafting.pieceTitleAlt', { n: piece.option + 1 });
  return (
    <div className="drafting-piece" role="group" aria-label={title}>
      <h4 className="editor-heading">
        {title}: “{current.text || t('text.emptyAlternative')}”
      </h4>
      <form
        className="form"
        onSubmit={(e) => {
          e.preventDefault();
          onStep((b) =>
            setNote(setHolder(b, piece, holderOf(holder)), piece, { text: note, forParties }),
          );
        }}
      >
        <div className="form-row form-row-end">
          <SelectField
            label={t('drafting.holderLabel')}
            wrapperClassName="field-narrow"
            value={holder}
            onChange={(e) => setHolderValue(e.target.value)}
          >
            {holderOptions}
          </SelectField>
          <TextField
            label={t('drafting.noteLabel')}
            hint={t('drafting.noteHint')}
            wrapperClassName="field-grow"
            optional
            maxLength={500}
            value={note}
            onChange={(e) => setNoteText(e.target.value)}
          />
        </div>
        <CheckboxField
          label={t('drafting.forPartiesLabel')}
          hint={t('drafting.forPartiesHint')}
          checked={forParties && note.trim() !== ''}
          disabled={note.trim() === ''}
          onChange={(e) => setForParties(e.target.checked)}
        />
        <div className="form-actions">
          <Button type="submit" variant="secondary">
            {t('drafting.applyPiece')}
          </Button>
          <Button variant="quiet" onClick={() => onPick(null)}>
            {t('drafting.closePiece')}
          </Button>
        </div>
      </form>
      <form
        className="form"
        onSubmit={(e) => {
          e.preventDefault();
          const next = segment.kind === 'alternatives' ? segment.options.length : 1;
          if (
            onStep((b) =>
              addAlternative(b, piece.segment, {
                text: altWording,
                holder: holderOf(altHolder),
                note: null,
              }),
            )
          )
            onPick({ segment: piece.segment, option: next });
        }}
      >
        <h4 className="editor-heading">{t('drafting.addAlternativeTitle')}</h4>
        <div className="form-row form-row-end">
          <TextField
            label={t('drafting.alternativeWording')}
            hint={t('drafting.alternativeHint')}
            wrapperClassName="field-grow"
            optional
            maxLength={2000}
            value={altWording}
            onChange={(e) => setAltWording(e.target.value)}
          />
          <SelectField
            label={t('drafting.holderLabel')}
            wrapperClassName="field-narrow"
            value={altHolder}
            onChange={(e) => setAltHolder(e.target.value)}
          >
            {holderOptions}
          </SelectField>
        </div>
        <div className="form-actions">
          <Button type="submit" variant="secondary">
            {t('drafting.addAlternative')}
          </Button>
        </div>
      </form>
    </div>
  );
}
