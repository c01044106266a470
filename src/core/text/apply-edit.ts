/**
 * One edit of the working draft, as the web app and the `parley text` commands send it, applied
 * to a text. Pure: the use case (`usecases/text/edit-working-text.ts`) checks who may edit and
 * which revision the edit starts from; this file only says what each kind of edit does.
 */
import type { ChapterId, ProvisionId } from '../shared/ids.js';
import { asId } from '../shared/ids.js';
import {
  addChapter,
  addProvision,
  removeProvision,
  replaceProvisionBody,
  retitleText,
} from './edit.js';
import type { NegotiatingText, ProvisionStatus } from './model.js';
import { parseBody, parsePlainText, type PartyDirectory } from './plain-text.js';
import {
  chooseAlternative,
  resolveBracket,
  setProvisionStatus,
  type BracketResolution,
} from './rules.js';

/** One edit of the working draft. Bodies are written in the bracket syntax. */
export type TextEdit =
  | { kind: 'import'; plainText: string }
  | { kind: 'retitle'; title: string }
  | { kind: 'add_chapter'; title: string }
  | { kind: 'add_provision'; chapter: ChapterId; body: string }
  | { kind: 'replace_body'; provision: ProvisionId; body: string }
  | { kind: 'remove_provision'; provision: ProvisionId }
  | { kind: 'set_status'; provision: ProvisionId; status: ProvisionStatus }
  | {
      kind: 'resolve_bracket';
      provision: ProvisionId;
      segment: number;
      resolution: BracketResolution;
    }
  | { kind: 'choose_alternative'; provision: ProvisionId; segment: number; option: number };

/** Applies one edit to a text (pure). */
export function applyTextEdit(
  text: NegotiatingText,
  edit: TextEdit,
  directory: PartyDirectory,
  newKey: () => string,
): NegotiatingText {
  switch (edit.kind) {
    case 'import':
      return parsePlainText(edit.plainText, directory, {
        newChapterKey: () => asId(newKey()),
        newProvisionKey: () => asId(newKey()),
      }).text;
    case 'retitle':
      return retitleText(text, edit.title);
    case 'add_chapter':
      return addChapter(text, { key: asId(newKey()), title: edit.title });
    case 'add_provision':
      return addProvision(text, {
        chapter: edit.chapter,
        key: asId(newKey()),
        body: parseBody(edit.body, directory),
      });
    case 'replace_body':
      return replaceProvisionBody(text, edit.provision, parseBody(edit.body, directory));
    case 'remove_provision':
      return removeProvision(text, edit.provision);
    case 'set_status':
      return setProvisionStatus(text, edit.provision, edit.status);
    case 'resolve_bracket':
      return resolveBracket(
        text,
        { provision: edit.provision, segment: edit.segment },
        edit.resolution,
      );
    case 'choose_alternative':
      return chooseAlternative(
        text,
        { provision: edit.provision, segment: edit.segment },
        edit.option,
      );
  }
}
