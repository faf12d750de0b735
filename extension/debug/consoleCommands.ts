// Debug console commands (`.deliver 42`, `.crash n2`, ...): parsed here into what the session does.

import type { FaultAction } from '../../engine/scenario/model';
import type { InterventionAction } from '../../engine/sim/simulate';

export type ConsoleCommand =
  | { kind: 'help' }
  | { kind: 'fork'; action: InterventionAction }
  | { kind: 'inflight' }
  | { kind: 'branches' }
  | { kind: 'branch'; id: number }
  | { kind: 'goto'; event: number }
  | { kind: 'event'; event: number }
  | { kind: 'anomalies' };

export const COMMAND_HELP: [string, string][] = [
  ['.inflight', 'list the messages in flight here'],
  ['.deliver <msg>', 'what-if: deliver that in-flight message next'],
  ['.drop <msg>', 'what-if: drop that in-flight message'],
  ['.crash <node> [lost]', 'what-if: crash a node now (lost: its disk too)'],
  ['.recover <node>', 'what-if: recover a crashed node now'],
  ['.partition a,b | c', 'what-if: split the network into groups now'],
  ['.cut a -> b', 'what-if: cut one direction of a link now'],
  ['.heal [a -> b]', 'what-if: heal every link, or one'],
  ['.skew <node> <offset>', 'what-if: set a node’s clock offset (e.g. 50ms)'],
  ['.branches', 'list the runs: the original and its what-if forks'],
  ['.branch <n>', 'switch to run n'],
  ['.goto <event>', 'jump to an event'],
  ['.event <event>', 'show an event'],
  ['.anomalies', 'list the anomalies found so far'],
  ['.help', 'this list'],
];

export const COMMAND_NAMES = COMMAND_HELP.map(([c]) => c.split(' ')[0]!);

function duration(text: string): number {
  const m = /^(-?[0-9]+(?:\.[0-9]+)?)(us|ms|s)?$/.exec(text.trim());
  if (!m) throw new Error(`'${text}' is not a duration like 50ms, 1.5s or 250us`);
  const n = Number(m[1]);
  return m[2] === 's' ? n * 1000 : m[2] === 'us' ? n / 1000 : n;
}

function integer(text: string | undefined, what: string): number {
  if (!text || !/^-?[0-9]+$/.test(text.replace(/^#/, '')))
    throw new Error(`expected ${what} (a number), got ${text ?? 'nothing'}`);
  return Number(text.replace(/^#/, ''));
}

function link(text: string): { from: string; to: string } {
  const m = /^\s*([^\s>-][^\s]*?)\s*->\s*([^\s]+)\s*$/.exec(text);
  if (!m) throw new Error(`expected a link like 'a -> b', got '${text}'`);
  return { from: m[1]!, to: m[2]! };
}

/** Parse a console line starting with `.`; throws with a usage message when it is not right. */
export function parseCommand(line: string): ConsoleCommand {
  const text = line.trim();
  const m = /^\.([A-Za-z]+)\s*(.*)$/.exec(text);
  if (!m) throw new Error(`'${text}' is not a command; type .help`);
  const name = m[1]!.toLowerCase();
  const rest = m[2]!.trim();
  const words = rest.split(/\s+/).filter(Boolean);
  const fault = (f: FaultAction): ConsoleCommand => ({ kind: 'fork', action: { kind: 'fault', fault: f } });
  const node = (usage: string): string => {
    if (!words[0]) throw new Error(`usage: ${usage}`);
    return words[0];
  };
  switch (name) {
    case 'help':
      return { kind: 'help' };
    case 'inflight':
      return { kind: 'inflight' };
    case 'branches':
      return { kind: 'branches' };
    case 'anomalies':
      return { kind: 'anomalies' };
    case 'branch':
      return { kind: 'branch', id: integer(words[0], 'a branch number') };
    case 'goto':
      return { kind: 'goto', event: integer(words[0], 'an event id') };
    case 'event':
      return { kind: 'event', event: integer(words[0], 'an event id') };
    case 'deliver':
      return { kind: 'fork', action: { kind: 'deliver', msg: integer(words[0], 'a message id') } };
    case 'drop':
      return { kind: 'fork', action: { kind: 'drop', msg: integer(words[0], 'a message id') } };
    case 'crash': {
      const n = node('.crash <node> [lost]');
      if (words[1] && words[1] !== 'lost' && words[1] !== 'kept')
        throw new Error(`usage: .crash <node> [lost] — '${words[1]}' is not 'lost'`);
      return fault({ kind: 'crash', node: n, disk: words[1] === 'lost' ? 'lost' : 'kept' });
    }
    case 'recover':
      return fault({ kind: 'recover', node: node('.recover <node>') });
    case 'partition': {
      const groups = rest
        .split('|')
        .map((g) => g.split(/[\s,]+/).filter(Boolean))
        .filter((g) => g.length > 0);
      if (groups.length < 2) throw new Error('usage: .partition a,b | c — at least two groups');
      return fault({ kind: 'partition', groups });
    }
    case 'cut': {
      const l = link(rest);
      return fault({ kind: 'cut', from: l.from, to: l.to });
    }
    case 'heal':
      return rest ? fault({ kind: 'heal', links: [link(rest)] }) : fault({ kind: 'heal' });
    case 'skew': {
      const n = node('.skew <node> <offset> [drift]');
      if (!words[1]) throw new Error('usage: .skew <node> <offset> [drift], e.g. .skew n2 50ms');
      const f: FaultAction = { kind: 'skew', node: n, offset: duration(words[1]) };
      if (words[2] !== undefined) {
        const drift = Number(words[2]);
        if (!Number.isFinite(drift)) throw new Error(`drift '${words[2]}' is not a number`);
        f.drift = drift;
      }
      return fault(f);
    }
  }
  throw new Error(`unknown command .${name}; commands: ${COMMAND_NAMES.join(' ')}`);
}
