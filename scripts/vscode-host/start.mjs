// `npm start` (after build and package): a real VS Code with the extension, opened on examples/.
// Installs code-server on first use, then starts in seconds; Ctrl-C stops what it started.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import {
  ensureCodeServer,
  folderUrl,
  freePort,
  installExtension,
  makeProfile,
  ROOT,
  startCodeServer,
  vsixPath,
} from './host.mjs';

const requested = Number(process.env.PORT ?? process.argv.find((a) => /^--port=\d+$/.test(a))?.slice(7) ?? 0);
const folder = join(ROOT, 'examples');
const vsix = vsixPath();
if (!existsSync(vsix)) {
  console.error(`vscode-host: ${vsix} is missing; run \`npm run package\` first`);
  process.exit(1);
}

ensureCodeServer();
const profile = makeProfile('start');
const t0 = Date.now();
installExtension(vsix, profile);
const server = await startCodeServer({ folder, profile, port: requested || (await freePort()) });
console.log(
  `vscode-host: extension installed and code-server up in ${((Date.now() - t0) / 1000).toFixed(1)} s`,
);
console.log(`\n  Replication Debugger in VS Code: ${folderUrl(server.url, folder)}\n`);
console.log('  Open it in a browser; Ctrl-C stops the server.\n');

let stopping = false;
const shutdown = async (/** @type {string} */ why) => {
  if (stopping) return;
  stopping = true;
  console.log(`vscode-host: ${why}, stopping code-server (pid ${server.pid})`);
  await server.stop();
  process.exit(0);
};
process.on('SIGINT', () => void shutdown('interrupted'));
process.on('SIGTERM', () => void shutdown('terminated'));
process.on('SIGHUP', () => void shutdown('terminal closed'));
const { code, signal } = await server.exit;
if (!stopping) {
  console.error(
    `vscode-host: code-server exited (${signal ?? `code ${code}`}):\n${server.output.join('\n')}`,
  );
  process.exit(1);
}
