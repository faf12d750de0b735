// The scenario editor: Monaco with the YAML language, monaco-yaml driven by our JSON Schema
// (completion and hovers from the schema), our own parser's diagnostics as markers, their fixes as
// quick fixes, and the scenario line of the current event highlighted.
//
// The editor core and the contributions of monaco-editor's main entry that a YAML editor uses (not its
// other languages, diff editor, drag and drop, ...), which keeps the playground bundle smaller.
import * as monaco from 'monaco-editor/editor.js';
import 'monaco-editor/editor/contrib/bracketMatching/browser/bracketMatching.js';
import 'monaco-editor/editor/contrib/caretOperations/browser/transpose.js';
import 'monaco-editor/editor/contrib/clipboard/browser/clipboard.js';
import 'monaco-editor/editor/contrib/codeAction/browser/codeActionContributions.js';
import 'monaco-editor/editor/browser/widget/codeEditor/codeEditorWidget.js';
import 'monaco-editor/editor/contrib/comment/browser/comment.js';
import 'monaco-editor/editor/contrib/contextmenu/browser/contextmenu.js';
import 'monaco-editor/editor/contrib/cursorUndo/browser/cursorUndo.js';
import 'monaco-editor/editor/contrib/documentSymbols/browser/documentSymbols.js';
import 'monaco-editor/editor/contrib/folding/browser/folding.js';
import 'monaco-editor/editor/contrib/format/browser/formatActions.js';
import 'monaco-editor/editor/contrib/gotoError/browser/gotoError.js';
import 'monaco-editor/editor/standalone/browser/quickAccess/standaloneGotoLineQuickAccess.js';
import 'monaco-editor/editor/contrib/gotoSymbol/browser/link/goToDefinitionAtPosition.js';
import 'monaco-editor/editor/contrib/hover/browser/hoverContribution.js';
import 'monaco-editor/editor/contrib/indentation/browser/indentation.js';
import 'monaco-editor/editor/contrib/inlineProgress/browser/inlineProgress.js';
import 'monaco-editor/editor/contrib/insertFinalNewLine/browser/insertFinalNewLine.js';
import 'monaco-editor/editor/contrib/lineSelection/browser/lineSelection.js';
import 'monaco-editor/editor/contrib/linesOperations/browser/linesOperations.js';
import 'monaco-editor/editor/contrib/links/browser/links.js';
import 'monaco-editor/editor/contrib/multicursor/browser/multicursor.js';
import 'monaco-editor/editor/contrib/parameterHints/browser/parameterHints.js';
import 'monaco-editor/editor/standalone/browser/quickAccess/standaloneCommandsQuickAccess.js';
import 'monaco-editor/editor/standalone/browser/quickAccess/standaloneHelpQuickAccess.js';
import 'monaco-editor/editor/standalone/browser/quickAccess/standaloneGotoSymbolQuickAccess.js';
import 'monaco-editor/editor/contrib/readOnlyMessage/browser/contribution.js';
import 'monaco-editor/editor/standalone/browser/referenceSearch/standaloneReferenceSearch.js';
import 'monaco-editor/editor/contrib/rename/browser/rename.js';
import 'monaco-editor/editor/contrib/smartSelect/browser/smartSelect.js';
import 'monaco-editor/editor/contrib/snippet/browser/snippetController2.js';
import 'monaco-editor/editor/contrib/toggleTabFocusMode/browser/toggleTabFocusMode.js';
import 'monaco-editor/editor/contrib/tokenization/browser/tokenization.js';
import 'monaco-editor/editor/contrib/wordHighlighter/browser/wordHighlighter.js';
import 'monaco-editor/editor/contrib/wordOperations/browser/wordOperations.js';
import 'monaco-editor/editor/contrib/wordPartOperations/browser/wordPartOperations.js';
import 'monaco-editor/editor/browser/coreCommands.js';
import 'monaco-editor/editor/contrib/caretOperations/browser/caretOperations.js';
import 'monaco-editor/editor/contrib/find/browser/findController.js';
import 'monaco-editor/editor/contrib/gotoSymbol/browser/goToCommands.js';
import 'monaco-editor/editor/contrib/gotoError/browser/markerSelectionStatus.js';
import 'monaco-editor/editor/contrib/suggest/browser/suggestController.js';
import 'monaco-editor/editor/common/standaloneStrings.js';
import 'monaco-editor/features/codicon/register.js';
import 'monaco-editor/features/find/register.js';
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
 * 0.55, by label and `createData`; Monaco 0.57 wants the worker itself. The yaml worker ignores its
 * first message and takes `createData` from the second (Monaco's own json worker protocol), so those
 * two go first, then Monaco's RPC.
 */
const monacoForYaml = {
  ...monaco,
  editor: {
    ...monaco.editor,
    createWebWorker(opts: WorkerOptions) {
      if (opts.worker) return monaco.editor.createWebWorker(opts);
      const worker = new Worker(workerUrl('yaml.worker.js'), { name: opts.label ?? 'yaml' });
      worker.postMessage('ignore');
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
