import type { ActorAlias } from '../../media/model.js';

/** Aliases trimmed, without empty ones, each spelling once (the first language given wins). */
export function cleanAliases(aliases: readonly ActorAlias[]): ActorAlias[] {
  const seen = new Set<string>();
  return aliases
    .map((a) => ({ text: a.text.trim(), language: a.language }))
    .filter((a) => a.text && !seen.has(a.text) && seen.add(a.text));
}
