/**
 * What text Parley accepts, decided once for every way text comes in (JSON bodies, query strings,
 * path parameters, files read by the `parley` command).
 *
 * Accepted: any Unicode scalar value except the C0 control characters, of which tab (U+0009),
 * line feed (U+000A) and carriage return (U+000D) are accepted. Refused:
 *
 * - U+0000 (NUL): PostgreSQL cannot store it in a text column at all (it answers an error,
 *   SQLite would store it), so the same request would behave differently on the two databases;
 * - the other C0 controls (U+0001–U+0008, U+000B, U+000C, U+000E–U+001F): no person types them;
 *   they come from binary files pasted by mistake or from probing, and break exports and terminals;
 * - lone surrogates (U+D800–U+DFFF not in a pair, which JSON's `\uD800` escapes can carry): they
 *   are no character, and both databases would silently store U+FFFD in their place, so what was
 *   signed or hashed would not be what is read back.
 *
 * Object keys are checked like values: a key can end up stored too (records of ratings, say).
 * Everything else — DEL, C1 controls, private-use and unassigned code points, U+FFFD — is
 * accepted as it is and stored unchanged.
 */

/** One C0 control (other than tab, LF, CR) or a lone surrogate (the `u` flag skips pairs). */
// eslint-disable-next-line no-control-regex -- the point is to find control characters
const unaccepted = /[\u0000-\u0008\u000B\u000C\u000E-\u001F]|[\uD800-\uDFFF]/u;

/** A character Parley does not accept, where it was found, and why. */
export interface UnacceptedText {
  /** Where, as a dotted path from the part of the request: `body.email`, `query.q`. */
  path: string;
  /** The character, as U+XXXX. */
  character: string;
  /** What was wrong, for a person. */
  message: string;
}

/** The first character of `value` Parley does not accept, as U+XXXX, or null if all are. */
export function unacceptedCharacter(value: string): string | null {
  const m = unaccepted.exec(value);
  if (!m) return null;
  const code = m[0].charCodeAt(0);
  return `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** Why a character is refused, for a person. */
function explain(character: string): string {
  const code = Number.parseInt(character.slice(2), 16);
  return code >= 0xd800 && code <= 0xdfff
    ? `holds ${character}, half of a character (a lone surrogate): send the text as valid Unicode`
    : `holds the control character ${character}: only tab, line feed and carriage return are accepted`;
}

/**
 * The first string (or object key) inside a JSON-like value that holds a character Parley does
 * not accept, named by its path under `where`; null if everything is accepted.
 */
export function findUnacceptedText(value: unknown, where: string): UnacceptedText | null {
  if (typeof value === 'string') {
    const character = unacceptedCharacter(value);
    return character ? { path: where, character, message: explain(character) } : null;
  }
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = findUnacceptedText(value[i], `${where}.${i}`);
      if (found) return found;
    }
    return null;
  }
  if (value !== null && typeof value === 'object') {
    for (const [key, inner] of Object.entries(value)) {
      const keyCharacter = unacceptedCharacter(key);
      // A key is named by its safe prefix: the bad character itself would not print.
      if (keyCharacter)
        return {
          path: `${where}.${JSON.stringify(key).slice(1, -1)}`,
          character: keyCharacter,
          message: `has a field name that ${explain(keyCharacter)}`,
        };
      const found = findUnacceptedText(inner, `${where}.${key}`);
      if (found) return found;
    }
  }
  return null;
}
