// Moving or removing one client item of a scenario, keeping `events` a valid timeline: sorted by
// time, ties in file order (by line), and `index` equal to the position.

import type { ClientItem, Scenario, ScenarioItem } from '../scenario/model';

/** A sweep cannot run as asked: the message is for the user. */
export class SweepError extends Error {}

function withEvents(scenario: Scenario, events: ScenarioItem[]): Scenario {
  const sorted = [...events].sort((a, b) => a.at - b.at || a.line - b.line || a.index - b.index);
  return { ...scenario, events: sorted.map((e, index) => (e.index === index ? e : { ...e, index })) };
}

/** The scenario without `item` (a probe run: what happens when nobody reads). */
export function withoutItem(scenario: Scenario, item: ScenarioItem): Scenario {
  return withEvents(
    scenario,
    scenario.events.filter((e) => e !== item),
  );
}

/** The scenario with `item` happening at `at` ms instead, every other item unchanged. */
export function retimeItem(scenario: Scenario, item: ScenarioItem, at: number): Scenario {
  if (!Number.isFinite(at) || at < 0) throw new SweepError(`cannot move an item to ${at}ms`);
  return withEvents(
    scenario,
    scenario.events.map((e) => (e === item ? { ...e, at } : e)),
  );
}

/** The client item with this scenario `id`, or a SweepError naming the ids there are. */
export function findOpItem(scenario: Scenario, id: string, flagName: string): ClientItem {
  const item = scenario.events.find((e): e is ClientItem => e.type === 'client' && e.id === id);
  if (item) return item;
  const ids = scenario.events.filter((e) => e.type === 'client' && e.id).map((e) => e.id);
  throw new SweepError(
    `${flagName}: the scenario has no client operation with id "${id}" (${ids.length > 0 ? `ids: ${ids.join(', ')}` : 'no operation has an id; add `id: ...` to the items to measure'})`,
  );
}

/** The write and the read of a t-visibility sweep, checked: a write and a read of the same key. */
export function findWriteAndRead(
  scenario: Scenario,
  writeId: string,
  readId: string,
): { write: ClientItem; read: ClientItem } {
  const write = findOpItem(scenario, writeId, '--write');
  if (write.action.kind !== 'write')
    throw new SweepError(`--write: "${writeId}" (line ${write.line}) is a ${write.action.kind}, not a write`);
  const read = findReadItem(scenario, readId);
  if (write.action.key !== read.action.key)
    throw new SweepError(
      `--read: "${readId}" reads key "${read.action.key}" but "${writeId}" writes key "${write.action.key}"`,
    );
  return { write, read };
}

/** The read of a sweep, checked. */
export function findReadItem(scenario: Scenario, readId: string): ClientItem {
  const read = findOpItem(scenario, readId, '--read');
  if (read.action.kind !== 'read')
    throw new SweepError(`--read: "${readId}" (line ${read.line}) is a ${read.action.kind}, not a read`);
  return read;
}
