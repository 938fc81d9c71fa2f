#!/usr/bin/env node
// The wan25-mock command. It is this committed file rather than dist/cli.js so that pnpm can link the
// bin in a fresh clone, before the first build writes dist/.
import '../dist/cli.js';
