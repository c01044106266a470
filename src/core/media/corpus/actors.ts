/**
 * The actors the labelled corpus speaks of, as a mediator team would register them: a key the
 * corpus marks mentions with, the kind, the name and the aliases in several languages.
 */
import type { ActorKind } from '../model.js';

/** One registered actor of the corpus. */
export interface CorpusActor {
  /** The key mentions and speakers are marked with in the corpus. */
  key: string;
  /** Person, organisation, … */
  kind: ActorKind;
  /** The name as registered. */
  name: string;
  /** Other names and spellings, in several languages. */
  aliases: string[];
}

/** The register the corpus is labelled against. */
export const corpusActors: CorpusActor[] = [
  { key: 'store', kind: 'person', name: 'Jonas Gahr Støre', aliases: ['Støre', 'Gahr Støre'] },
  { key: 'maduro', kind: 'person', name: 'Nicolás Maduro', aliases: ['Maduro'] },
  { key: 'guaido', kind: 'person', name: 'Juan Guaidó', aliases: ['Guaidó'] },
  { key: 'machado', kind: 'person', name: 'María Corina Machado', aliases: ['Machado'] },
  { key: 'eide', kind: 'person', name: 'Espen Barth Eide', aliases: ['Barth Eide'] },
  { key: 'solberg', kind: 'person', name: 'Erna Solberg', aliases: ['Solberg'] },
  { key: 'rodriguez', kind: 'person', name: 'Jorge Rodríguez', aliases: [] },
  { key: 'lopez', kind: 'person', name: 'Leopoldo López', aliases: ['López'] },
  { key: 'capriles', kind: 'person', name: 'Henrique Capriles', aliases: ['Capriles'] },
  { key: 'guterres', kind: 'person', name: 'António Guterres', aliases: ['Guterres'] },
  { key: 'blinken', kind: 'person', name: 'Antony Blinken', aliases: ['Blinken'] },
  { key: 'petro', kind: 'person', name: 'Gustavo Petro', aliases: ['Petro'] },
  {
    key: 'fn',
    kind: 'international-body',
    name: 'De forente nasjoner',
    aliases: ['FN', 'SN', 'ONU', 'Naciones Unidas', 'United Nations', 'UN', 'Förenta nationerna'],
  },
  { key: 'norge', kind: 'state', name: 'Norge', aliases: ['Noreg', 'Noruega', 'Norway'] },
  {
    key: 'eu',
    kind: 'international-body',
    name: 'EU',
    aliases: ['Unión Europea', 'UE', 'European Union'],
  },
  { key: 'cuba', kind: 'state', name: 'Cuba', aliases: [] },
  { key: 'plataforma', kind: 'organisation', name: 'Plataforma Unitaria', aliases: [] },
  { key: 'nrk', kind: 'media-outlet', name: 'NRK', aliases: [] },
];
