#!/usr/bin/env node
/**
 * The `parley` executable: runs one command and ends with its code once everything it printed
 * has been written. Writes to a pipe are asynchronous in Node: exiting right after a large write
 * drops what the pipe has not taken yet (`parley analyze --json | …` was cut at 64 KiB), so the
 * exit waits for stdout and stderr to flush.
 */
import { DomainError } from '../core/shared/errors.js';
import { run, usage, UsageError } from './commands.js';

/** Resolves once everything written so far to `stream` has been handed to the system. */
function flushed(stream: NodeJS.WriteStream): Promise<void> {
  return new Promise((resolve) => {
    if (stream.writableLength === 0) resolve();
    // Writes complete in order, so this one's callback runs after every earlier write's.
    else stream.write('', () => resolve());
  });
}

/** Ends the process with `code` once stdout and stderr are flushed. */
async function finish(code: number): Promise<void> {
  process.exitCode = code;
  await Promise.all([flushed(process.stdout), flushed(process.stderr)]);
  // Exiting explicitly, rather than when the event loop empties, keeps a handle some library
  // left open (a pool, a timer) from holding an operator's finished command.
  process.exit(code);
}

// A reader that goes away (`parley … | head`) is no reason to crash, nor to stop a command half
// way through its work: what it prints after that is dropped.
for (const stream of [process.stdout, process.stderr])
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
  });

run(process.argv.slice(2)).then(finish, (error: unknown) => {
  if (error instanceof UsageError) process.stderr.write(`${error.message}\n\n${usage}\n`);
  else if (error instanceof DomainError) process.stderr.write(`parley: ${error.message}\n`);
  else process.stderr.write(`parley: ${error instanceof Error ? error.message : String(error)}\n`);
  return finish(2);
});
