// The example scenarios, embedded in index.html at build time by scripts/playground.mjs (so the page
// needs no request to list or open them), grouped by replication family for the menu.

export interface Example {
  /** `family/name`, e.g. `leaderless/read-repair`. */
  id: string;
  family: string;
  name: string;
  /** Repository path, e.g. `examples/leaderless/read-repair.scenario.yaml`. */
  path: string;
  title: string;
  text: string;
}

export interface ExampleGroup {
  family: string;
  label: string;
  examples: Example[];
}

const FAMILY_LABELS: Record<string, string> = {
  'single-leader': 'Single-leader replication',
  'multi-leader': 'Multi-leader replication',
  leaderless: 'Leaderless replication',
};
const FAMILY_ORDER = ['single-leader', 'multi-leader', 'leaderless'];

function isExample(v: unknown): v is Example {
  if (typeof v !== 'object' || v === null) return false;
  const o = v as Record<string, unknown>;
  return ['id', 'family', 'name', 'path', 'title', 'text'].every((k) => typeof o[k] === 'string');
}

/** Parse the embedded examples list; entries of the wrong shape are skipped. */
export function parseExamples(json: string): Example[] {
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch {
    return [];
  }
  return Array.isArray(data) ? data.filter(isExample) : [];
}

/** Families in the order of DDIA chapter 5 (then any other, alphabetically); examples by title. */
export function groupExamples(examples: readonly Example[]): ExampleGroup[] {
  const byFamily = new Map<string, Example[]>();
  for (const e of examples) {
    const list = byFamily.get(e.family) ?? [];
    list.push(e);
    byFamily.set(e.family, list);
  }
  const rank = (f: string): number => {
    const i = FAMILY_ORDER.indexOf(f);
    return i < 0 ? FAMILY_ORDER.length : i;
  };
  return [...byFamily.keys()]
    .sort((a, b) => rank(a) - rank(b) || a.localeCompare(b))
    .map((family) => ({
      family,
      label: FAMILY_LABELS[family] ?? family,
      examples: byFamily
        .get(family)!
        .slice()
        .sort((a, b) => a.title.localeCompare(b.title)),
    }));
}
