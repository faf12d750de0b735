// A real VS Code for `npm start` and the end-to-end tests: code-server (VS Code 1.100 served to a
// browser) installed on first use into .cache/vscode-host/, run with a private profile.
// Recipe and its reasons: ../shared/notes/real-vscode-host.md.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const CODE_SERVER_VERSION = '4.100.3';
export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const CACHE = join(ROOT, '.cache', 'vscode-host');
const SERVER_DIR = join(CACHE, 'server');
const PACKAGE_DIR = join(SERVER_DIR, 'node_modules', 'code-server');
const VSCODE_DIR = join(PACKAGE_DIR, 'lib', 'vscode');
export const ENTRY = join(PACKAGE_DIR, 'out', 'node', 'entry.js');
const INSTALLED_MARKER = join(CACHE, `installed-${CODE_SERVER_VERSION}`);
export const CHROMIUM = '/usr/bin/chromium';

/** Debian packages the install and the tests need, with a file that proves each is there. */
const DEBIAN_PACKAGES = [
  { name: 'libkrb5-dev', proof: '/usr/bin/krb5-config' }, // native module kerberos
  { name: 'pkg-config', proof: '/usr/bin/pkg-config' },
  { name: 'ripgrep', proof: '/usr/bin/rg' }, // the npm wrapper would download rg from the internet
  { name: 'chromium', proof: CHROMIUM },
];

/** @param {string} msg */
const say = (msg) => console.log(`vscode-host: ${msg}`);

/**
 * Runs a command, streaming nothing unless it fails; throws with its output on failure.
 * @param {string} cmd @param {string[]} args @param {{ cwd?: string; env?: NodeJS.ProcessEnv }} [opts]
 */
function run(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, {
    cwd: opts.cwd ?? ROOT,
    env: { ...process.env, ...opts.env },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (r.status !== 0) {
    const out = `${r.stdout ?? ''}${r.stderr ?? ''}`.trim().split('\n').slice(-30).join('\n');
    throw new Error(
      `\`${cmd} ${args.join(' ')}\` failed (${r.error?.message ?? `exit ${r.status}`}):\n${out}`,
    );
  }
  return r.stdout;
}

function ensureDebianPackages() {
  const missing = DEBIAN_PACKAGES.filter((p) => !existsSync(p.proof)).map((p) => p.name);
  if (!missing.length) return;
  if (process.getuid?.() !== 0)
    throw new Error(
      `missing Debian packages: ${missing.join(' ')}; run: sudo apt-get install -y ${missing.join(' ')}`,
    );
  say(`installing Debian packages: ${missing.join(' ')}`);
  const env = { DEBIAN_FRONTEND: 'noninteractive' };
  run('apt-get', ['update', '-qq'], { env });
  run('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...missing], { env });
}

/**
 * Installs code-server into the cache once. As root its postinstall refuses to run and then
 * downloads ripgrep, so scripts stay off and its work is done here by hand.
 */
export function ensureCodeServer() {
  ensureDebianPackages();
  if (existsSync(INSTALLED_MARKER) && existsSync(ENTRY)) return;
  const started = Date.now();
  say(`installing code-server ${CODE_SERVER_VERSION} into ${CACHE} (first run only, a few minutes)`);
  mkdirSync(SERVER_DIR, { recursive: true });
  const manifest = join(SERVER_DIR, 'package.json');
  if (!existsSync(manifest)) writeFileSync(manifest, '{ "name": "vscode-host-cache", "private": true }\n');
  const npm = ['--no-audit', '--no-fund', '--loglevel=error'];
  run('npm', ['install', '--ignore-scripts', ...npm, `code-server@${CODE_SERVER_VERSION}`], {
    cwd: SERVER_DIR,
  });
  say('building argon2');
  run('npm', ['rebuild', 'argon2'], { cwd: SERVER_DIR });
  say('installing VS Code server modules');
  run('npm', ['install', '--omit=dev', '--ignore-scripts', ...npm], { cwd: VSCODE_DIR });
  say('building native modules');
  // node-pty's build calls `npx node-gyp`, which would prompt without the yes.
  run(
    'npm',
    [
      'rebuild',
      'kerberos',
      '@parcel/watcher',
      'node-pty',
      '@vscode/spdlog',
      '@vscode/deviceid',
      'native-watchdog',
    ],
    { cwd: VSCODE_DIR, env: { npm_config_yes: 'true' } },
  );
  const rg = join(VSCODE_DIR, 'node_modules', '@vscode', 'ripgrep', 'bin', 'rg');
  mkdirSync(dirname(rg), { recursive: true });
  rmSync(rg, { force: true });
  symlinkSync('/usr/bin/rg', rg);
  const asar = join(VSCODE_DIR, 'node_modules.asar');
  rmSync(asar, { force: true });
  symlinkSync('node_modules', asar);
  say('installing built-in extensions');
  run('npm', ['install', '--omit=dev', '--ignore-scripts', ...npm], { cwd: join(VSCODE_DIR, 'extensions') });
  writeFileSync(INSTALLED_MARKER, `${new Date().toISOString()}\n`);
  say(`code-server installed in ${Math.round((Date.now() - started) / 1000)} s`);
}

/**
 * A private profile: its own settings and extensions, so the user's VS Code is never touched.
 * @param {string} name profile folder under the cache
 * @param {Record<string, unknown>} [settings] extra user settings
 */
export function makeProfile(name, settings = {}) {
  const userDataDir = join(CACHE, 'profiles', name, 'user-data');
  const extensionsDir = join(CACHE, 'profiles', name, 'extensions');
  mkdirSync(join(userDataDir, 'User'), { recursive: true });
  mkdirSync(extensionsDir, { recursive: true });
  const all = {
    'security.workspace.trust.enabled': false,
    'workbench.startupEditor': 'none',
    'workbench.tips.enabled': false,
    'telemetry.telemetryLevel': 'off',
    'extensions.autoCheckUpdates': false,
    'extensions.autoUpdate': false,
    'update.mode': 'none',
    ...settings,
  };
  writeFileSync(join(userDataDir, 'User', 'settings.json'), `${JSON.stringify(all, null, 2)}\n`);
  return { userDataDir, extensionsDir };
}

/**
 * code-server would otherwise write a config with a password and its own state under ~/.config
 * and ~/.local/share; these keep them in the cache.
 */
function hostEnv() {
  const home = join(CACHE, 'home');
  mkdirSync(home, { recursive: true });
  const config = join(home, 'config.yaml');
  if (!existsSync(config)) writeFileSync(config, 'auth: none\ncert: false\n');
  return {
    XDG_CONFIG_HOME: join(home, 'config'),
    XDG_DATA_HOME: join(home, 'data'),
    CODE_SERVER_CONFIG: config,
  };
}

/** @param {{ userDataDir: string; extensionsDir: string }} profile */
const profileArgs = (profile) => [
  '--user-data-dir',
  profile.userDataDir,
  '--extensions-dir',
  profile.extensionsDir,
];

/**
 * Installs (or replaces) a .vsix in the profile.
 * @param {string} vsix @param {{ userDataDir: string; extensionsDir: string }} profile
 */
export function installExtension(vsix, profile) {
  run(process.execPath, [ENTRY, ...profileArgs(profile), '--force', '--install-extension', vsix], {
    env: hostEnv(),
  });
}

/** A port nobody listens on right now. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

/**
 * Starts code-server in its own process group, so stopping it ends exactly the tree it started
 * (server, extension host, debug adapters, file watchers) and nothing else.
 * @param {{ folder: string; profile: { userDataDir: string; extensionsDir: string }; port?: number;
 *   log?: (line: string) => void }} opts
 */
export async function startCodeServer(opts) {
  const port = opts.port ?? (await freePort());
  const args = [
    ENTRY,
    '--auth',
    'none',
    '--bind-addr',
    `127.0.0.1:${port}`,
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    ...profileArgs(opts.profile),
    opts.folder,
  ];
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
    env: { ...process.env, ...hostEnv() },
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output = [];
  const onData = (/** @type {Buffer} */ chunk) => {
    for (const line of chunk.toString().split('\n')) {
      if (!line.trim()) continue;
      output.push(line);
      if (output.length > 200) output.shift();
      opts.log?.(line);
    }
  };
  child.stdout.on('data', onData);
  child.stderr.on('data', onData);
  let exited = false;
  const exit = new Promise((resolve) =>
    child.on('exit', (code, signal) => {
      exited = true;
      resolve({ code, signal });
    }),
  );
  const pid = /** @type {number} */ (child.pid);
  const stop = async () => {
    if (exited) return;
    try {
      process.kill(-pid, 'SIGTERM');
    } catch {
      return;
    }
    const timeout = new Promise((r) => setTimeout(r, 5000, 'timeout'));
    if ((await Promise.race([exit, timeout])) === 'timeout') {
      try {
        process.kill(-pid, 'SIGKILL');
      } catch {}
      await exit;
    }
    // Children that outlived the server (same process group) go too.
    try {
      process.kill(-pid, 'SIGKILL');
    } catch {}
  };
  const url = `http://127.0.0.1:${port}/`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (exited) throw new Error(`code-server exited at start:\n${output.join('\n')}`);
    try {
      const res = await fetch(`${url}healthz`);
      if (res.ok) break;
    } catch {}
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`code-server did not answer on ${url} within 60 s:\n${output.join('\n')}`);
    }
    await new Promise((r) => setTimeout(r, 150));
  }
  return { url, port, pid, stop, exit, output };
}

/** The workbench URL that opens a folder. @param {string} base @param {string} folder */
export const folderUrl = (base, folder) => `${base}?folder=${encodeURIComponent(folder)}`;

/** The .vsix `npm run package` writes. */
export function vsixPath() {
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
  return join(ROOT, 'dist', `${pkg.name}-${pkg.version}.vsix`);
}
