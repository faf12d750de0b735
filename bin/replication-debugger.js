#!/usr/bin/env node
// The `replication-debugger` command: the bundled CLI built by `npm run build` (run by `prepare`).
require('../dist/cli.js').cli(process.argv.slice(2));
