#!/usr/bin/env node
/** The `parley` executable: runs one command and exits with its code. */
import { DomainError } from '../core/shared/errors.js';
import { run, usage, UsageError } from './commands.js';

run(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof UsageError) process.stderr.write(`${error.message}\n\n${usage}\n`);
    else if (error instanceof DomainError) process.stderr.write(`parley: ${error.message}\n`);
    else
      process.stderr.write(`parley: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(2);
  },
);
