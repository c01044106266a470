/**
 * Editing an actor's entry: name, kind, aliases, Wikidata id and notes. The stance is not here: it
 * changes only as a dated, reasoned entry of its history.
 */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { actorKinds, type ActorKind } from '../../../core/media/model.js';
import { api } from '../../api/client.js';
import type { MediaActor } from '../../api/types.js';
import { Button, ErrorAlert, SelectField, TextAreaField, TextField } from '../../ui/components.js';
import { useAction } from '../../ui/hooks.js';
import { useProcess } from '../processes/ProcessContext.js';

/** The form, filled with the entry as read; `onDone` gets the saved entry. */
export function ActorEditForm({
  actor,
  onDone,
  onCancel,
}: {
  actor: MediaActor;
  onDone: (a: MediaActor) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const { view } = useProcess();
  const [name, setName] = useState(actor.name);
  const [kind, setKind] = useState<ActorKind>(actor.kind);
  const [aliases, setAliases] = useState(actor.aliases.map((a) => a.text).join(', '));
  const [wikidataId, setWikidataId] = useState(actor.wikidataId ?? '');
  const [notes, setNotes] = useState(actor.notes);
  const action = useAction();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void action.run(async () => {
      const saved = await api.media.editActor(view.process.id, actor.id, {
        name,
        kind,
        // Languages already given to an alias are kept for the spellings that stay.
        aliases: aliases
          .split(',')
          .map((a) => a.trim())
          .filter(Boolean)
          .map((text) => ({
            text,
            language: actor.aliases.find((x) => x.text === text)?.language ?? null,
          })),
        wikidataId: wikidataId.trim() || null,
        notes,
        baseRevision: actor.revision,
      });
      onDone(saved);
    });
  };
  return (
    <form
      className="form form-inset form-wide"
      onSubmit={submit}
      aria-label={t('mediaIn.edit.title', { name: actor.name })}
      data-testid="actor-edit"
    >
      <h4>{t('mediaIn.edit.title', { name: actor.name })}</h4>
      <ErrorAlert error={action.error} />
      <div className="form-row">
        <TextField
          label={t('media.actors.name')}
          value={name}
          maxLength={200}
          required
          wrapperClassName="field-grow"
          onChange={(e) => setName(e.target.value)}
        />
        <SelectField
          label={t('media.actors.kind')}
          value={kind}
          wrapperClassName="field-narrow"
          onChange={(e) => setKind(e.target.value as ActorKind)}
        >
          {actorKinds.map((k) => (
            <option key={k} value={k}>
              {t(`media.kinds.${k}`)}
            </option>
          ))}
        </SelectField>
      </div>
      <TextField
        label={t('media.actors.aliases')}
        hint={t('media.actors.aliasesHint')}
        optional
        value={aliases}
        maxLength={2000}
        onChange={(e) => setAliases(e.target.value)}
      />
      <TextField
        label={t('mediaIn.edit.wikidata')}
        hint={t('mediaIn.edit.wikidataHint')}
        optional
        value={wikidataId}
        pattern="Q[1-9][0-9]{0,11}"
        maxLength={13}
        onChange={(e) => setWikidataId(e.target.value)}
      />
      <TextAreaField
        label={t('mediaIn.edit.notes')}
        rows={3}
        value={notes}
        maxLength={10_000}
        onChange={(e) => setNotes(e.target.value)}
      />
      <div className="form-actions">
        <Button type="submit" pending={action.pending} pendingLabel={t('common.saving')}>
          {t('mediaIn.edit.save')}
        </Button>
        <Button variant="quiet" onClick={onCancel}>
          {t('mediaIn.edit.cancel')}
        </Button>
      </div>
    </form>
  );
}
