import { describe, expect, it } from 'vitest';
import { documentIds, locate, locateAt } from './locate';

/** Text with the cursor marked by `|`. */
function at(marked: string) {
  const offset = marked.indexOf('|');
  return locateAt(marked.slice(0, offset) + marked.slice(offset + 1), offset);
}

const HEAD = 'scenario: t\ncluster:\n  replication: leaderless\n  nodes: [a, b]\n';

describe('locateAt', () => {
  it('finds a key under the cursor', () => {
    const l = at(`${HEAD}  w|: 2\nevents: []\n`);
    expect([l.path, l.on, l.text, l.replication]).toEqual([['cluster', 'w'], 'key', 'w', 'leaderless']);
  });

  it('finds a value under the cursor', () => {
    const l = at(`${HEAD}  versioning: version-ve|\nevents: []\n`);
    expect([l.path, l.on, l.text]).toEqual([['cluster', 'versioning'], 'value', 'version-ve']);
    expect(l.range).toEqual({ line: 5, col: 15, endLine: 5, endCol: 25 });
  });

  it('places a blank line by its indentation', () => {
    expect(at(`${HEAD}  |\nevents: []\n`)).toMatchObject({ path: ['cluster', ''], on: 'key', text: '' });
    expect(at(`${HEAD}|\nevents: []\n`)).toMatchObject({ path: [''], on: 'key' });
  });

  it('treats a word being typed on its own line as a key prefix', () => {
    const l = at(`${HEAD}  rea|\nevents: []\n`);
    expect([l.path, l.on, l.text]).toEqual([['cluster', 'rea'], 'key', 'rea']);
  });

  it('finds paths inside flow items of events', () => {
    const l = at(`${HEAD}events:\n  - { at: 1ms, write: { key: ca|rt, value: 1 } }\n`);
    expect([l.path, l.on, l.text]).toEqual([['events', 0, 'write', 'key'], 'value', 'cart']);
    const k = at(`${HEAD}events:\n  - { at: 1ms, cr|ash: a }\n`);
    expect([k.path, k.on]).toEqual([['events', 0, 'crash'], 'key']);
  });

  it('gives the value position after a colon with nothing written yet', () => {
    const l = at(`${HEAD}  placement: |\nevents: []\n`);
    expect([l.path, l.on, l.text]).toEqual([['cluster', 'placement'], 'value', '']);
  });

  it('never throws on broken text', () => {
    expect(() => at('{ [ :: |')).not.toThrow();
    expect(locateAt('', 0).path).toEqual(['']);
    expect(locateAt('a: b', 999).path).toEqual(['a']);
  });
});

describe('documentIds', () => {
  const text = `${HEAD}clients:\n  alice: { node: a }\nevents:\n  - { at: 0ms, write: { key: cart, value: 1 }, id: w1 }\n  - { at: 1ms, partition: [[a], [alice]] }\n  - { at: 2ms, addNode: { id: c } }\n`;

  it('lists declared nodes, clients, op ids and the data keys used', () => {
    const ids = documentIds(text);
    expect(ids.nodes.map((n) => [n.name, n.range.line])).toEqual([
      ['a', 4],
      ['b', 4],
      ['c', 10],
    ]);
    expect(ids.clients.map((c) => [c.name, c.range.line, c.range.col])).toEqual([['alice', 6, 3]]);
    expect(ids.ops.map((o) => o.name)).toEqual(['w1']);
    expect(ids.keys.map((k) => [k.name, k.range.line, k.range.col])).toEqual([['cart', 8, 30]]);
  });

  it('resolves actors in partitions to nodes or clients for rename', () => {
    const ids = documentIds(text);
    const uses = ids.occurrences.filter((o) => !o.declaration && o.range.line === 9);
    expect(uses.map((o) => [o.name, o.kind])).toEqual([
      ['a', 'node'],
      ['alice', 'client'],
    ]);
  });

  it('combines cursor and ids in locate', () => {
    const l = locate(text, text.indexOf('node: a') + 6);
    expect(l.path).toEqual(['clients', 'alice', 'node']);
    expect(l.ids.nodes).toHaveLength(3);
  });
});

describe('locate and the schema agree on valid files', () => {
  it('finds a schema type for every key and value of every spec example', async () => {
    const { readdirSync, readFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { schemaAt } = await import('./schemaQuery');
    const dir = join(__dirname, 'fixtures');
    for (const f of readdirSync(dir)) {
      const text = readFileSync(join(dir, f), 'utf8');
      for (let offset = 0; offset <= text.length; offset++) {
        const l = locateAt(text, offset);
        const onWord = l.text.trim() !== '' && !text.slice(0, offset).split('\n').pop()?.includes('#');
        if (!onWord) continue;
        expect(schemaAt(l.path), `${f} @${offset} ${JSON.stringify(l)}`).toBeDefined();
      }
    }
  });
});
