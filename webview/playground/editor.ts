// The scenario editor: Monaco with the YAML language, monaco-yaml driven by our JSON Schema
// (completion and hovers from the schema), our own parser's diagnostics as markers, their fixes as
// quick fixes, and the scenario line of the current event highlighted.
//
// Only the editor core and the contributions a YAML editor uses are imported (not every language of
// monaco-editor's main entry), which keeps the playground bundle small.
import * as monaco from 'monaco-editor/editor.js';
import 'monaco-editor/features/codicon/register.js';
import 'monaco-editor/features/codeEditor/register.js';
import 'monaco-editor/features/bracketMatching/register.js';
import 'monaco-editor/features/clipboard/register.js';
import 'monaco-editor/features/codeAction/register.js';
import 'monaco-editor/features/comment/register.js';
import 'monaco-editor/features/contextmenu/register.js';
import 'monaco-editor/features/cursorUndo/register.js';
import 'monaco-editor/features/find/register.js';
import 'monaco-editor/features/folding/register.js';
import 'monaco-editor/features/format/register.js';
import 'monaco-editor/features/gotoError/register.js';
import 'monaco-editor/features/gotoLine/register.js';
import 'monaco-editor/features/hover/register.js';
import 'monaco-editor/features/indentation/register.js';
import 'monaco-editor/features/linesOperations/register.js';
import 'monaco-editor/features/multicursor/register.js';
import 'monaco-editor/features/quickCommand/register.js';
import 'monaco-editor/features/snippet/register.js';
import 'monaco-editor/features/suggest/register.js';
import 'monaco-editor/features/wordHighlighter/register.js';
import 'monaco-editor/features/wordOperations/register.js';
import 'monaco-editor/languages/definitions/yaml/register.js';
import type { JSONSchema } from 'monaco-yaml';
import { configureMonacoYaml } from 'monaco-yaml';
import type { Diagnostic } from '../../engine/scenario/diagnostics';
import scenarioSchema from '../../schemas/scenario.schema.json';
import { type MarkerRange, toMarker, toMarkerRange, touches } from './markers';

export const MODEL_URI = 'file:///playground.scenario.yaml';
const OWNER = 'scenario';

// Workers are separate bundles beside the page (scripts/playground.mjs builds them); relative URLs
// keep the build usable from any static host and path.
const workerUrl = (file: string): URL => new URL(file, document.baseURI);

globalThis.MonacoEnvironment = {
  getWorker(_id: string, label: string): Worker {
    return new Worker(workerUrl('editor.worker.js'), { name: label });
  },
};

type WorkerOptions = Parameters<typeof monaco.editor.createWebWorker>[0] & {
  createData?: unknown;
  label?: string;
};

/**
 * monaco-yaml (through monaco-worker-manager) still creates its worker the way Monaco did before
 * 0.55, by label and `createData`; Monaco 0.57 wants the worker itself. The yaml worker takes its
 * `createData` from its first message, so that goes first, then Monaco's own protocol.
 */
const monacoForYaml = {
  ...monaco,
  editor: {
    ...monaco.editor,
    createWebWorker(opts: WorkerOptions) {
      if (opts.worker) return monaco.editor.createWebWorker(opts);
      const worker = new Worker(workerUrl('yaml.worker.js'), { name: opts.label ?? 'yaml' });
      worker.postMessage(opts.createData);
      return monaco.editor.createWebWorker({ worker, host: opts.host, keepIdleModels: opts.keepIdleModels });
    },
  },
} as typeof monaco;

export interface ScenarioEditor {
  editor: monaco.editor.IStandaloneCodeEditor;
  model: monaco.editor.ITextModel;
  setDiagnostics(list: readonly Diagnostic[]): void;
  /** Highlight a scenario line (the current event's), or clear with undefined. */
  highlightLine(line: number | undefined): void;
  reveal(line: number, col: number): void;
  setTheme(dark: boolean): void;
  /** Every marker on the scenario (ours and any other), for tests. */
  markers(): monaco.editor.IMarker[];
}

export function createScenarioEditor(host: HTMLElement, text: string, dark: boolean): ScenarioEditor {
  configureMonacoYaml(monacoForYaml, {
    enableSchemaRequest: false,
    // Our parser reports syntax and schema problems itself, with the project's wording and fixes;
    // two sets of squiggles for one mistake would only confuse. The schema drives completion and hovers.
    validate: false,
    completion: true,
    hover: true,
    schemas: [
      {
        fileMatch: ['*.scenario.yaml', '**/*.scenario.yaml'],
        uri: (scenarioSchema as { $id: string }).$id,
        schema: scenarioSchema as unknown as JSONSchema,
      },
    ],
  });
  const model = monaco.editor.createModel(text, 'yaml', monaco.Uri.parse(MODEL_URI));
  const editor = monaco.editor.create(host, {
    model,
    theme: dark ? 'vs-dark' : 'vs',
    automaticLayout: true,
    minimap: { enabled: false },
    fontSize: 13,
    tabSize: 2,
    insertSpaces: true,
    scrollBeyondLastLine: false,
    renderWhitespace: 'boundary',
    fixedOverflowWidgets: true,
    ariaLabel: 'Scenario editor (YAML). Ctrl+Enter runs the scenario.',
    quickSuggestions: { other: true, comments: false, strings: true },
  });
  let fixes: { range: MarkerRange; diagnostic: Diagnostic }[] = [];
  monaco.languages.registerCodeActionProvider('yaml', {
    provideCodeActions(m, range) {
      if (m !== model) return { actions: [], dispose: () => {} };
      const actions: monaco.languages.CodeAction[] = [];
      for (const { diagnostic: d } of fixes) {
        if (!d.fix || !touches(toMarkerRange(d), range)) continue;
        actions.push({
          title: d.fix.title,
          kind: 'quickfix',
          isPreferred: true,
          diagnostics: [toMarker(d, model.uri) as monaco.editor.IMarkerData],
          edit: {
            edits: [
              {
                resource: model.uri,
                versionId: model.getVersionId(),
                textEdit: { range: toMarkerRange(d.fix.range), text: d.fix.replacement },
              },
            ],
          },
        });
      }
      return { actions, dispose: () => {} };
    },
  });
  const lineDecorations = editor.createDecorationsCollection();
  return {
    editor,
    model,
    setDiagnostics(list) {
      fixes = list.filter((d) => d.fix).map((d) => ({ range: toMarkerRange(d), diagnostic: d }));
      monaco.editor.setModelMarkers(
        model,
        OWNER,
        list.map((d) => toMarker(d, model.uri) as monaco.editor.IMarkerData),
      );
    },
    highlightLine(line) {
      if (line === undefined || line < 1 || line > model.getLineCount()) {
        lineDecorations.clear();
        return;
      }
      lineDecorations.set([
        {
          range: new monaco.Range(line, 1, line, 1),
          options: {
            isWholeLine: true,
            className: 'pg-current-line',
            linesDecorationsClassName: 'pg-current-line-gutter',
            overviewRuler: { color: '#cca700', position: monaco.editor.OverviewRulerLane.Center },
          },
        },
      ]);
      editor.revealLineInCenterIfOutsideViewport(line, monaco.editor.ScrollType.Smooth);
    },
    reveal(line, col) {
      editor.setPosition({ lineNumber: line, column: col });
      editor.revealPositionInCenterIfOutsideViewport({ lineNumber: line, column: col });
      editor.focus();
    },
    markers() {
      return monaco.editor.getModelMarkers({ resource: model.uri });
    },
    setTheme(isDark) {
      monaco.editor.setTheme(isDark ? 'vs-dark' : 'vs');
    },
  };
}

export { monaco };
