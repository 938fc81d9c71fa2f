#!/usr/bin/env node
import { main } from './program.ts';

const exitCode = await main(process.argv.slice(2));
// Exit now rather than when idle: keep-alive sockets and timers must not hold a finished command.
process.exit(exitCode);
