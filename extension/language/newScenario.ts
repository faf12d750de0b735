// New Scenario: a gallery of the bundled examples grouped by replication family; the chosen one
// opens as an untitled scenario to edit, run and save.

import * as vscode from 'vscode';
import { parse } from 'yaml';
import { LANGUAGE_COMMANDS, SCENARIO_LANGUAGE } from './ids';

export const FAMILIES: [string, string][] = [
  ['single-leader', 'Single leader'],
  ['multi-leader', 'Multi-leader'],
  ['leaderless', 'Leaderless'],
];

export interface ExampleEntry {
  /** `family/name`, e.g. `leaderless/read-repair`. */
  id: string;
  family: string;
  title: string;
  /** The first sentence of the description. */
  summary: string;
  uri: vscode.Uri;
}

export function firstSentence(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  const m = /^(.*?[.!?])(?:\s|$)/.exec(flat);
  return m ? (m[1] as string) : flat;
}

const decoder = new TextDecoder();

async function readText(uri: vscode.Uri): Promise<string> {
  return decoder.decode(await vscode.workspace.fs.readFile(uri));
}

/** Every example under `<extension>/examples/<family>/`, families in the order of FAMILIES. */
export async function loadExamples(extensionUri: vscode.Uri): Promise<ExampleEntry[]> {
  const root = vscode.Uri.joinPath(extensionUri, 'examples');
  const out: ExampleEntry[] = [];
  const families = (await vscode.workspace.fs.readDirectory(root))
    .filter(([, type]) => type === vscode.FileType.Directory)
    .map(([name]) => name)
    .sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
  for (const family of families) {
    const dir = vscode.Uri.joinPath(root, family);
    const files = (await vscode.workspace.fs.readDirectory(dir))
      .filter(([name, type]) => type === vscode.FileType.File && /\.scenario\.ya?ml$/.test(name))
      .map(([name]) => name)
      .sort();
    for (const file of files) {
      const uri = vscode.Uri.joinPath(dir, file);
      const name = file.replace(/\.scenario\.ya?ml$/, '');
      let title = name;
      let summary = '';
      try {
        const doc = parse(await readText(uri)) as { scenario?: unknown; description?: unknown } | null;
        if (typeof doc?.scenario === 'string') title = doc.scenario;
        if (typeof doc?.description === 'string') summary = firstSentence(doc.description);
      } catch {
        // A broken example still appears, under its file name.
      }
      out.push({ id: `${family}/${name}`, family, title, summary, uri });
    }
  }
  return out;
}

function rank(family: string): number {
  const i = FAMILIES.findIndex(([id]) => id === family);
  return i < 0 ? FAMILIES.length : i;
}

function familyLabel(family: string): string {
  return FAMILIES.find(([id]) => id === family)?.[1] ?? family;
}

interface ExamplePick extends vscode.QuickPickItem {
  example?: ExampleEntry;
}

export function galleryItems(examples: ExampleEntry[]): ExamplePick[] {
  const items: ExamplePick[] = [];
  let family: string | undefined;
  for (const e of examples) {
    if (e.family !== family) {
      family = e.family;
      items.push({ label: familyLabel(family), kind: vscode.QuickPickItemKind.Separator });
    }
    items.push({ label: e.title, detail: e.summary, description: e.id, example: e });
  }
  return items;
}

/** Opens an example as an untitled scenario document. */
export async function openAsUntitled(example: ExampleEntry): Promise<vscode.TextDocument> {
  const content = await readText(example.uri);
  const doc = await vscode.workspace.openTextDocument({ language: SCENARIO_LANGUAGE, content });
  await vscode.window.showTextDocument(doc);
  return doc;
}

export function registerNewScenario(context: vscode.ExtensionContext): vscode.Disposable {
  return vscode.commands.registerCommand(LANGUAGE_COMMANDS.newScenario, async (exampleId?: string) => {
    let examples: ExampleEntry[];
    try {
      examples = await loadExamples(context.extensionUri);
    } catch (e) {
      void vscode.window.showErrorMessage(`The bundled examples could not be read: ${String(e)}`);
      return undefined;
    }
    const direct = typeof exampleId === 'string' ? examples.find((e) => e.id === exampleId) : undefined;
    if (direct) return openAsUntitled(direct);
    const picked = (await vscode.window.showQuickPick(galleryItems(examples), {
      title: 'New Scenario from an example',
      placeHolder: 'Pick the mechanism to start from',
      matchOnDetail: true,
      matchOnDescription: true,
    })) as ExamplePick | undefined;
    return picked?.example ? openAsUntitled(picked.example) : undefined;
  });
}
