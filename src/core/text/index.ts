/**
 * The single negotiating text (C5): its model, the rules of brackets and statuses, amendments,
 * versions and their hashes, word-level diffs, the change list of a revised draft and the
 * plain-text form. Pure: no I/O, no clock, no crypto (hashing comes in as a port).
 */
export * from './model.js';
export * from './plain-text.js';
export * from './edit.js';
export * from './rules.js';
export * from './state.js';
export * from './revision.js';
export * from './amendment.js';
export * from './version.js';
export * from './diff.js';
export * from './change-list.js';
export * from './notes.js';
export * from './structure.js';
