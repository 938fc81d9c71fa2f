#!/usr/bin/env node
import { main } from './program.ts';

/** Resolves once everything written to `stream` so far has been handed to the system (or the write failed). */
function flushed(stream: NodeJS.WriteStream): Promise<void> {
  return new Promise((resolve) => stream.write('', () => resolve()));
}

// A reader that went away (`wan25 ... | head -1`) is not an error of the command.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
  });
}

process.exitCode = await main(process.argv.slice(2));
// Exit once the output is out rather than when idle: keep-alive sockets and timers must not hold a
// finished command, but a slow reader of a pipe must still get every byte.
await Promise.all([flushed(process.stdout), flushed(process.stderr)]);
process.exit();
