/** The readers of issued copies, for the export tests. */
export * from '../read-copy.js';
