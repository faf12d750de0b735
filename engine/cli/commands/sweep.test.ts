import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { UsageError } from '../args';
import { parseKList, parseTList, sweepCommand } from './sweep';

const example = 'examples/leaderless/pbs-k-staleness.scenario.yaml';
let dir: string;
let stderr: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'sweep-cli-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));
afterEach(() => vi.restoreAllMocks());

function captureStderr() {
  stderr = '';
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stderr += String(chunk);
    return true;
  });
}

describe('sweep command line', () => {
  it('parses --t durations and says which entry is wrong', () => {
    expect(parseTList('0ms, 1ms,5ms,250us,1.5s,7')).toEqual([0, 1, 5, 0.25, 1500, 7]);
    expect(() => parseTList('0ms,5xs')).toThrow('--t: `5xs` is not a duration like 5ms');
    expect(() => parseTList('0ms,,5ms')).toThrow('--t: empty entry');
    expect(() => parseTList('-1ms')).toThrow('--t: `-1ms` is negative');
  });

  it('parses --k as whole numbers from 1', () => {
    expect(parseKList('1,2, 3')).toEqual([1, 2, 3]);
    expect(() => parseKList('1,0')).toThrow('--k: `0` is not a whole number of versions >= 1');
    expect(() => parseKList('1.5')).toThrow(UsageError);
  });

  it('writes the CSV and, next to it, the SVG chart', async () => {
    captureStderr();
    const out = join(dir, 'k.csv');
    const code = await sweepCommand([
      example,
      '--runs',
      '30',
      '--measure',
      'k-staleness',
      '--read',
      'the-read',
      '--k',
      '1,4',
      '--workers',
      '1',
      '--out',
      out,
    ]);
    expect(code).toBe(0);
    const csv = readFileSync(out, 'utf8').split('\n');
    expect(csv[0]).toBe('k,runs,p_within_k,ci_low,ci_high,excluded');
    expect(csv[1]).toMatch(/^1,30,0\.\d+,/);
    expect(csv[2]).toMatch(/^4,30,1,/);
    expect(readFileSync(join(dir, 'k.svg'), 'utf8')).toContain('k-staleness · 30 runs per point');
    // Not a terminal: no progress bar, one summary line.
    expect(stderr).not.toContain('\r');
    expect(stderr).toContain(`sweep: 30 runs in`);
  });

  it('rejects missing and misplaced flags with clear messages', async () => {
    const run = (...args: string[]) => sweepCommand([example, ...args]);
    await expect(run('--read', 'the-read')).rejects.toThrow('sweep: --runs N is required');
    await expect(run('--runs', '5', '--write', 'v3', '--read', 'the-read')).rejects.toThrow(
      'sweep: --measure t-visibility needs --t',
    );
    await expect(run('--runs', '5', '--write', 'v3', '--read', 'the-read', '--t', '5xs')).rejects.toThrow(
      '--t: `5xs` is not a duration like 5ms',
    );
    await expect(
      run('--runs', '5', '--measure', 'k-staleness', '--read', 'the-read', '--t', '1ms'),
    ).rejects.toThrow('sweep: --t goes with --measure t-visibility');
    await expect(run('--runs', '5', '--vary', 'clock', '--read', 'x')).rejects.toThrow(
      'sweep: --vary must be one of seed, not "clock"',
    );
    await expect(
      run('--runs', '5', '--write', 'nope', '--read', 'the-read', '--t', '0ms', '--workers', '1'),
    ).rejects.toThrow('sweep: --write: the scenario has no client operation with id "nope"');
    await expect(
      run('--runs', '5', '--write', 'the-read', '--read', 'v1', '--t', '0ms', '--workers', '1'),
    ).rejects.toThrow('is a read, not a write');
  });

  it('exits 1 and says why when no run could be measured', async () => {
    captureStderr();
    const early = join(dir, 'early.scenario.yaml');
    writeFileSync(
      early,
      `scenario: read before any write
cluster: { replication: leaderless, nodes: [n1], n: 1, w: 1, r: 1, coordinator: client }
clients: { writer: {}, reader: {} }
events:
  - { at: 0ms, client: reader, read: x, id: the-read }
  - { at: 10ms, client: writer, write: { key: x, value: 1 } }
`,
    );
    const out = join(dir, 'early.csv');
    const code = await sweepCommand([
      early,
      '--runs',
      '3',
      '--measure',
      'k-staleness',
      '--read',
      'the-read',
      '--workers',
      '1',
      '--out',
      out,
    ]);
    expect(code).toBe(1);
    expect(stderr).toContain(
      'sweep: 3 of 3 runs partly or wholly left out: no write of the key was acknowledged before the read',
    );
    expect(stderr).toContain('sweep: no run could be measured');
    expect(readFileSync(out, 'utf8')).toContain('\n1,0,0,0,1,3\n');
  });

  it('exits 2 with the file:line errors on an invalid scenario', async () => {
    captureStderr();
    const bad = join(dir, 'bad.scenario.yaml');
    writeFileSync(bad, 'scenario: broken\ncluster: { replication: nowhere }\nevents: []\n');
    expect(await sweepCommand([bad, '--runs', '2', '--measure', 'k-staleness', '--read', 'r'])).toBe(2);
    expect(stderr).toMatch(/bad\.scenario\.yaml:2:\d+: /);
  });
});
