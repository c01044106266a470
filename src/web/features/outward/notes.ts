/** Counts the drafters' notes of a text by audience, for the publish confirmation. */
import type { WorkingText } from '../../api/types.js';

type Noted = { note: string | null; noteForParties?: boolean };

/** How many notes go out with a version to the parties, and how many stay with the mediators. */
export function countNotes(text: WorkingText['text']): { forParties: number; internal: number } {
  let forParties = 0;
  let internal = 0;
  const count = (s: Noted) => {
    if (s.note === null) return;
    if (s.noteForParties === true) forParties += 1;
    else internal += 1;
  };
  for (const c of text.chapters)
    for (const p of c.provisions)
      for (const s of p.body) {
        if (s.kind === 'bracket') count(s);
        if (s.kind === 'alternatives') s.options.forEach(count);
      }
  return { forParties, internal };
}
