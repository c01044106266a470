/** `parley media …`: articles brought in from the command line, as the token's user. */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { articleText } from '../contract/media.js';
import { asId } from '../core/shared/ids.js';
import { addArticle } from '../core/usecases/media/add-article.js';
import { DomainError } from '../core/shared/errors.js';
import { readPage } from '../server/media/page-text.js';
import { acceptedText, actingUser, out, processNamed, UsageError, withRuntime } from './session.js';
import type { CommandUsage } from './usage.js';

/** Usage of the media commands. */
export const mediaUsages: readonly CommandUsage[] = [
  {
    name: 'media ingest',
    synopsis: '--process P [--compartment ID] [--json] [--token T] FILE…',
    summary:
      'Bring in articles from text or HTML files (main text of a page; UTF-8, or a declared latin-1/windows-1252): language, mentions of registered actors, quotations (audited).',
    options: [
      ['--process P', 'The process, by codename or id.'],
      [
        '--compartment ID',
        "Where to keep them (default: the mediators' room, or the user's party's caucus).",
      ],
      ['--json', 'Print one JSON object per article (id, language, mentions, quotes).'],
      [
        '--token T',
        'A personal API token to act as (default: PARLEY_TOKEN; create one in the web app under Account).',
      ],
    ],
  },
];

/**
 * Reads a file as an article: a text file as it is, an HTML page reduced to its main text (the
 * same reading as an upload in the web app); a binary, broken or wrongly encoded file is refused.
 */
function readArticle(file: string): { text: string; title: string } {
  let page;
  try {
    page = readPage(readFileSync(file), { name: file });
  } catch (e) {
    if (e instanceof DomainError) throw new UsageError(`${file}: ${e.message}`);
    throw e;
  }
  const parsed = articleText.safeParse(acceptedText(page.text.slice(0, 200_000), file));
  if (!parsed.success)
    throw new UsageError(`${file}: ${parsed.error.issues[0]?.message ?? 'not an article text'}.`);
  return { text: parsed.data, title: page.title || basename(file) };
}

/** Runs `parley media <sub> …`. */
export async function runMedia(args: string[]): Promise<number> {
  const [sub, ...rest] = args;
  const { values, positionals } = parseArgs({
    args: rest,
    allowPositionals: true,
    options: {
      process: { type: 'string' },
      compartment: { type: 'string' },
      json: { type: 'boolean' },
      token: { type: 'string' },
    },
  });
  switch (sub) {
    case 'ingest': {
      if (positionals.length === 0) throw new UsageError('media ingest needs at least one FILE.');
      // Every file is read and checked before anything is stored: one bad file changes nothing.
      const texts = positionals.map((f) => ({ file: f, ...readArticle(f) }));
      return withRuntime(async (rt) => {
        const actor = await actingUser(rt, values.token);
        const processId = await processNamed(rt, actor, values.process);
        for (const { file, text, title } of texts) {
          const a = await addArticle(rt.deps, {
            actor,
            processId,
            compartmentId: values.compartment ? asId(values.compartment) : undefined,
            text,
            title,
          });
          if (values.json)
            out(
              JSON.stringify({
                file,
                id: a.id,
                language: a.language,
                mentions: a.mentions.map((m) => ({
                  actorId: m.actorId,
                  text: m.text,
                  start: m.start,
                  end: m.end,
                })),
                quotes: a.quotes.map((q) => ({
                  text: q.text,
                  speakerActorId: q.speakerActorId,
                  start: q.start,
                  end: q.end,
                })),
              }),
            );
          else
            out(
              `${file}: ${a.id}, language ${a.language}, ${a.mentions.length} mentions, ${a.quotes.length} quotations (${a.quotes.filter((q) => q.speakerActorId).length} attributed)`,
            );
        }
        return 0;
      });
    }
    default:
      throw new UsageError(`Unknown command "media ${sub ?? ''}". Try: parley media ingest.`);
  }
}
