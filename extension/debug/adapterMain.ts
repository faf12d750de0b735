// The standalone debug adapter: DAP over stdio, so any DAP client (VS Code's desktop extension host
// runs it out of process; nvim-dap, Emacs dap-mode, ...) can debug a scenario. Bundled to
// dist/debugAdapter.js.

import { readFile } from 'node:fs/promises';
import { runEngine } from './engineAdapter';
import { ReplicationDebugSession } from './session';

const session = new ReplicationDebugSession({
  engine: runEngine,
  readFile: (path) => readFile(path, 'utf8'),
});
process.on('SIGTERM', () => session.shutdown());
session.start(process.stdin, process.stdout);
