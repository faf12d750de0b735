// A stand-in for the parts of the `vscode` API the language features and the Test Explorer use, so
// their providers run under vitest: `vi.mock('vscode', () => import('./testing/vscodeStub'))`.
// Registrations are recorded in `stub` for the tests to call.

export class Uri {
  private constructor(
    readonly scheme: string,
    readonly path: string,
  ) {}
  get fsPath(): string {
    return this.path;
  }
  toString(): string {
    return `${this.scheme}://${this.path}`;
  }
  with(change: { path?: string; scheme?: string }): Uri {
    return new Uri(change.scheme ?? this.scheme, change.path ?? this.path);
  }
  static file(path: string): Uri {
    return new Uri('file', path);
  }
  static parse(value: string): Uri {
    const m = /^([a-z-]+):\/\/(.*)$/.exec(value);
    return m ? new Uri(m[1] as string, m[2] as string) : new Uri('file', value);
  }
  static joinPath(base: Uri, ...parts: string[]): Uri {
    return new Uri(base.scheme, [base.path.replace(/\/$/, ''), ...parts].join('/'));
  }
}

export class Position {
  constructor(
    readonly line: number,
    readonly character: number,
  ) {}
  isBefore(o: Position): boolean {
    return this.line < o.line || (this.line === o.line && this.character < o.character);
  }
  isAfter(o: Position): boolean {
    return o.isBefore(this);
  }
}

export class Range {
  readonly start: Position;
  readonly end: Position;
  constructor(a: number | Position, b: number | Position, c?: number, d?: number) {
    this.start = typeof a === 'number' ? new Position(a, b as number) : a;
    this.end = typeof a === 'number' ? new Position(c as number, d as number) : (b as Position);
  }
  contains(p: Position | Range): boolean {
    const s = p instanceof Range ? p.start : p;
    const e = p instanceof Range ? p.end : p;
    return !s.isBefore(this.start) && !e.isAfter(this.end);
  }
  intersection(o: Range): Range | undefined {
    const start = this.start.isAfter(o.start) ? this.start : o.start;
    const end = this.end.isBefore(o.end) ? this.end : o.end;
    return start.isAfter(end) ? undefined : new Range(start, end);
  }
  get isEmpty(): boolean {
    return this.start.line === this.end.line && this.start.character === this.end.character;
  }
}

export class Selection extends Range {}

export class Location {
  constructor(
    readonly uri: Uri,
    readonly range: Range,
  ) {}
}

export enum DiagnosticSeverity {
  Error = 0,
  Warning = 1,
  Information = 2,
  Hint = 3,
}

export class DiagnosticRelatedInformation {
  constructor(
    readonly location: Location,
    readonly message: string,
  ) {}
}

export class Diagnostic {
  source?: string;
  code?: string | number;
  relatedInformation?: DiagnosticRelatedInformation[];
  constructor(
    readonly range: Range,
    readonly message: string,
    readonly severity: DiagnosticSeverity = DiagnosticSeverity.Error,
  ) {}
}

export class TextEdit {
  constructor(
    readonly range: Range,
    readonly newText: string,
  ) {}
}

export class WorkspaceEdit {
  readonly edits: { uri: Uri; edit: TextEdit }[] = [];
  replace(uri: Uri, range: Range, newText: string): void {
    this.edits.push({ uri, edit: new TextEdit(range, newText) });
  }
}

export class CodeActionKind {
  static readonly QuickFix = new CodeActionKind('quickfix');
  constructor(readonly value: string) {}
}

export class CodeAction {
  edit?: WorkspaceEdit;
  diagnostics?: Diagnostic[];
  isPreferred?: boolean;
  constructor(
    readonly title: string,
    readonly kind?: CodeActionKind,
  ) {}
}

export class MarkdownString {
  isTrusted?: boolean;
  constructor(public value = '') {}
  appendMarkdown(s: string): this {
    this.value += s;
    return this;
  }
  appendCodeblock(code: string, language = ''): this {
    this.value += `\n\`\`\`${language}\n${code}\n\`\`\`\n`;
    return this;
  }
}

export class SnippetString {
  constructor(readonly value: string) {}
}

export enum CompletionItemKind {
  Text = 0,
  Method = 1,
  Function = 2,
  Field = 4,
  Variable = 5,
  Module = 8,
  Property = 9,
  Unit = 10,
  Value = 11,
  Enum = 12,
  Keyword = 13,
  Snippet = 14,
  Reference = 17,
  EnumMember = 19,
  Constant = 20,
  Event = 22,
}

export class CompletionItem {
  detail?: string;
  documentation?: string | MarkdownString;
  insertText?: string | SnippetString;
  range?: Range;
  sortText?: string;
  filterText?: string;
  command?: Command;
  constructor(
    readonly label: string,
    readonly kind?: CompletionItemKind,
  ) {}
}

export class CompletionList {
  constructor(
    readonly items: CompletionItem[],
    readonly isIncomplete = false,
  ) {}
}

export class Hover {
  constructor(
    readonly contents: MarkdownString | MarkdownString[],
    readonly range?: Range,
  ) {}
}

export interface Command {
  title: string;
  command: string;
  arguments?: unknown[];
  tooltip?: string;
}

export class CodeLens {
  constructor(
    readonly range: Range,
    readonly command?: Command,
  ) {}
}

export enum SymbolKind {
  File = 0,
  Module = 1,
  Namespace = 2,
  Property = 6,
  Boolean = 16,
  Object = 18,
  Event = 23,
}

export class DocumentSymbol {
  children: DocumentSymbol[] = [];
  constructor(
    readonly name: string,
    readonly detail: string,
    readonly kind: SymbolKind,
    readonly range: Range,
    readonly selectionRange: Range,
  ) {}
}

export enum DocumentHighlightKind {
  Text = 0,
  Read = 1,
  Write = 2,
}

export class DocumentHighlight {
  constructor(
    readonly range: Range,
    readonly kind: DocumentHighlightKind = DocumentHighlightKind.Text,
  ) {}
}

export class ThemeColor {
  constructor(readonly id: string) {}
}

export enum StatusBarAlignment {
  Left = 1,
  Right = 2,
}

export enum QuickPickItemKind {
  Separator = -1,
  Default = 0,
}

export enum TestRunProfileKind {
  Run = 1,
  Debug = 2,
  Coverage = 3,
}

export class TestMessage {
  location?: Location;
  expectedOutput?: string;
  actualOutput?: string;
  constructor(readonly message: string | MarkdownString) {}
}

export class Disposable {
  constructor(private readonly fn: () => void = () => {}) {}
  dispose(): void {
    this.fn();
  }
}

export class EventEmitter<T> {
  private listeners: ((v: T) => void)[] = [];
  event = (l: (v: T) => void): Disposable => {
    this.listeners.push(l);
    return new Disposable(() => {
      this.listeners = this.listeners.filter((x) => x !== l);
    });
  };
  fire(v: T): void {
    for (const l of [...this.listeners]) l(v);
  }
  dispose(): void {
    this.listeners = [];
  }
}

export class CancellationTokenSource {
  token = { isCancellationRequested: false, onCancellationRequested: new EventEmitter<void>().event };
  cancel(): void {
    this.token.isCancellationRequested = true;
  }
  dispose(): void {}
}

// ---- documents ----

export class TextDocument {
  version = 1;
  isDirty = false;
  isUntitled = false;
  constructor(
    readonly uri: Uri,
    private text: string,
    readonly languageId = 'replication-scenario',
  ) {}
  get fileName(): string {
    return this.uri.path;
  }
  get lineCount(): number {
    return this.text.split('\n').length;
  }
  getText(range?: Range): string {
    if (!range) return this.text;
    return this.text.slice(this.offsetAt(range.start), this.offsetAt(range.end));
  }
  setText(text: string): void {
    this.text = text;
    this.version++;
  }
  lineAt(line: number | Position): { text: string; range: Range; firstNonWhitespaceCharacterIndex: number } {
    const l = typeof line === 'number' ? line : line.line;
    const text = this.text.split('\n')[l] ?? '';
    return {
      text,
      range: new Range(l, 0, l, text.length),
      firstNonWhitespaceCharacterIndex: text.length - text.trimStart().length,
    };
  }
  offsetAt(p: Position): number {
    const lines = this.text.split('\n');
    let off = 0;
    for (let i = 0; i < p.line && i < lines.length; i++) off += (lines[i] as string).length + 1;
    return Math.min(off + p.character, this.text.length);
  }
  positionAt(offset: number): Position {
    const before = this.text.slice(0, Math.max(0, Math.min(offset, this.text.length))).split('\n');
    return new Position(before.length - 1, (before[before.length - 1] as string).length);
  }
  getWordRangeAtPosition(p: Position, re = /[A-Za-z][A-Za-z0-9_.-]*/): Range | undefined {
    const text = this.lineAt(p.line).text;
    for (const m of text.matchAll(new RegExp(re.source, 'g'))) {
      const s = m.index ?? 0;
      if (s <= p.character && p.character <= s + m[0].length)
        return new Range(p.line, s, p.line, s + m[0].length);
    }
    return undefined;
  }
}

// ---- the recorded world ----

type Listener = (...args: never[]) => unknown;

export interface StubTestItem {
  id: string;
  uri?: Uri;
  label: string;
  range?: Range;
  description?: string;
  error?: string;
  canResolveChildren: boolean;
  parent?: StubTestItem;
  children: StubTestItemCollection;
}

export class StubTestItemCollection {
  private readonly items = new Map<string, StubTestItem>();
  constructor(private readonly owner?: StubTestItem) {}
  get size(): number {
    return this.items.size;
  }
  add(item: StubTestItem): void {
    if (this.owner) item.parent = this.owner;
    this.items.set(item.id, item);
  }
  delete(id: string): void {
    this.items.delete(id);
  }
  get(id: string): StubTestItem | undefined {
    return this.items.get(id);
  }
  replace(items: readonly StubTestItem[]): void {
    this.items.clear();
    for (const i of items) this.add(i);
  }
  forEach(fn: (item: StubTestItem) => void): void {
    for (const i of this.items.values()) fn(i);
  }
  [Symbol.iterator](): IterableIterator<[string, StubTestItem]> {
    return this.items.entries();
  }
}

export interface RunRecord {
  request: unknown;
  states: {
    item: string;
    state: 'enqueued' | 'started' | 'passed' | 'failed' | 'errored' | 'skipped';
    messages?: TestMessage[];
    duration?: number;
  }[];
  output: string[];
  ended: boolean;
}

export interface StubProfile {
  label: string;
  kind: TestRunProfileKind;
  runHandler: (request: unknown, token: CancellationTokenSource['token']) => Promise<void> | void;
  isDefault?: boolean;
}

export interface StubController {
  id: string;
  label: string;
  items: StubTestItemCollection;
  profiles: StubProfile[];
  runs: RunRecord[];
  resolveHandler?: (item: StubTestItem | undefined) => Promise<void> | void;
  refreshHandler?: () => Promise<void> | void;
}

export const stub = {
  commands: new Map<string, (...args: unknown[]) => unknown>(),
  executed: [] as { command: string; args: unknown[] }[],
  providers: new Map<string, unknown[]>(),
  diagnostics: new Map<string, Map<string, Diagnostic[]>>(),
  statusItems: [] as StubStatusBarItem[],
  documents: [] as TextDocument[],
  files: new Map<string, string>(),
  settings: new Map<string, unknown>(),
  directories: new Map<string, [string, number][]>(),
  activeEditor: undefined as { document: TextDocument } | undefined,
  opened: [] as { language?: string; content?: string }[],
  shown: [] as TextDocument[],
  quickPicks: [] as { items: unknown[]; options: unknown }[],
  pickAnswer: undefined as ((items: unknown[]) => unknown) | undefined,
  messages: [] as string[],
  controllers: [] as StubController[],
  watchers: [] as {
    glob: string;
    create: EventEmitter<Uri>;
    change: EventEmitter<Uri>;
    delete: EventEmitter<Uri>;
  }[],
  listeners: {
    change: new EventEmitter<{ document: TextDocument; contentChanges: unknown[] }>(),
    open: new EventEmitter<TextDocument>(),
    close: new EventEmitter<TextDocument>(),
    save: new EventEmitter<TextDocument>(),
    activeEditor: new EventEmitter<{ document: TextDocument } | undefined>(),
    terminateDebug: new EventEmitter<unknown>(),
  },
  reset(): void {
    stub.commands.clear();
    stub.executed = [];
    stub.providers.clear();
    stub.diagnostics.clear();
    stub.statusItems = [];
    stub.documents = [];
    stub.files.clear();
    stub.settings.clear();
    stub.directories.clear();
    stub.activeEditor = undefined;
    stub.opened = [];
    stub.shown = [];
    stub.quickPicks = [];
    stub.pickAnswer = undefined;
    stub.messages = [];
    stub.controllers = [];
    stub.watchers = [];
    for (const e of Object.values(stub.listeners)) e.dispose();
  },
  /** The one provider registered under `kind` (e.g. 'completion'). */
  provider<T>(kind: string): T {
    const list = stub.providers.get(kind);
    if (!list?.length) throw new Error(`no ${kind} provider registered`);
    return list[0] as T;
  },
};

class StubStatusBarItem {
  text = '';
  tooltip?: string | MarkdownString;
  command?: string | Command;
  backgroundColor?: ThemeColor;
  visible = false;
  show(): void {
    this.visible = true;
  }
  hide(): void {
    this.visible = false;
  }
  dispose(): void {
    this.visible = false;
  }
}

const register =
  (kind: string) =>
  (_selector: unknown, provider: unknown): Disposable => {
    const list = stub.providers.get(kind) ?? [];
    list.push(provider);
    stub.providers.set(kind, list);
    return new Disposable();
  };

export const languages = {
  createDiagnosticCollection(name: string) {
    const store = new Map<string, Diagnostic[]>();
    stub.diagnostics.set(name, store);
    return {
      name,
      set: (uri: Uri, d: Diagnostic[]) => store.set(uri.toString(), d),
      delete: (uri: Uri) => store.delete(uri.toString()),
      get: (uri: Uri) => store.get(uri.toString()),
      clear: () => store.clear(),
      dispose: () => store.clear(),
    };
  },
  registerCodeActionsProvider: register('codeActions'),
  registerCompletionItemProvider: register('completion'),
  registerHoverProvider: register('hover'),
  registerDefinitionProvider: register('definition'),
  registerReferenceProvider: register('references'),
  registerRenameProvider: register('rename'),
  registerCodeLensProvider: register('codeLens'),
  registerDocumentHighlightProvider: register('highlight'),
  registerDocumentSymbolProvider: register('symbols'),
  match: (selector: { language?: string }, doc: TextDocument) =>
    selector.language === doc.languageId ? 10 : 0,
};

export const commands = {
  registerCommand(id: string, fn: (...args: unknown[]) => unknown): Disposable {
    stub.commands.set(id, fn);
    return new Disposable(() => stub.commands.delete(id));
  },
  async executeCommand(command: string, ...args: unknown[]): Promise<unknown> {
    stub.executed.push({ command, args });
    return stub.commands.get(command)?.(...args);
  },
};

export const window = {
  get activeTextEditor() {
    return stub.activeEditor;
  },
  onDidChangeActiveTextEditor: (l: Listener) => stub.listeners.activeEditor.event(l as never),
  createStatusBarItem(): StubStatusBarItem {
    const item = new StubStatusBarItem();
    stub.statusItems.push(item);
    return item;
  },
  async showQuickPick(items: unknown[] | Promise<unknown[]>, options?: unknown): Promise<unknown> {
    const list = await items;
    stub.quickPicks.push({ items: list, options });
    return stub.pickAnswer?.(list);
  },
  async showTextDocument(doc: TextDocument, _opts?: unknown): Promise<{ document: TextDocument }> {
    stub.shown.push(doc);
    return { document: doc };
  },
  showInformationMessage: async (m: string) => {
    stub.messages.push(m);
    return undefined;
  },
  showWarningMessage: async (m: string) => {
    stub.messages.push(m);
    return undefined;
  },
  showErrorMessage: async (m: string) => {
    stub.messages.push(m);
    return undefined;
  },
};

export const workspace = {
  get textDocuments(): TextDocument[] {
    return stub.documents;
  },
  onDidChangeTextDocument: (l: Listener) => stub.listeners.change.event(l as never),
  onDidOpenTextDocument: (l: Listener) => stub.listeners.open.event(l as never),
  onDidCloseTextDocument: (l: Listener) => stub.listeners.close.event(l as never),
  onDidSaveTextDocument: (l: Listener) => stub.listeners.save.event(l as never),
  async openTextDocument(arg: { language?: string; content?: string } | Uri): Promise<TextDocument> {
    if (arg instanceof Uri) {
      const open = stub.documents.find((d) => d.uri.toString() === arg.toString());
      if (open) return open;
      const text = stub.files.get(arg.path);
      if (text === undefined) throw new Error(`no file ${arg.path}`);
      return new TextDocument(arg, text);
    }
    stub.opened.push(arg);
    const doc = new TextDocument(
      Uri.parse(`untitled://Untitled-${stub.opened.length}`),
      arg.content ?? '',
      arg.language,
    );
    doc.isUntitled = true;
    return doc;
  },
  async findFiles(_include: string): Promise<Uri[]> {
    return [...stub.files.keys()].filter((p) => /\.scenario\.ya?ml$/.test(p)).map((p) => Uri.file(p));
  },
  asRelativePath(u: Uri | string): string {
    const p = typeof u === 'string' ? u : u.path;
    return p.replace(/^\/w\//, '');
  },
  getWorkspaceFolder: () => undefined,
  createFileSystemWatcher(glob: string) {
    const w = {
      glob,
      create: new EventEmitter<Uri>(),
      change: new EventEmitter<Uri>(),
      delete: new EventEmitter<Uri>(),
    };
    stub.watchers.push(w);
    return {
      onDidCreate: w.create.event,
      onDidChange: w.change.event,
      onDidDelete: w.delete.event,
      dispose() {},
    };
  },
  getConfiguration: (section?: string) => ({
    get: <T>(k: string, d?: T): T | undefined => {
      const key = section ? `${section}.${k}` : k;
      return stub.settings.has(key) ? (stub.settings.get(key) as T) : d;
    },
  }),
  fs: {
    async readFile(uri: Uri): Promise<Uint8Array> {
      const text = stub.files.get(uri.path);
      if (text === undefined) throw new Error(`ENOENT ${uri.path}`);
      return new TextEncoder().encode(text);
    },
    async readDirectory(uri: Uri): Promise<[string, number][]> {
      const entries = stub.directories.get(uri.path);
      if (!entries) throw new Error(`ENOENT ${uri.path}`);
      return entries;
    },
  },
};

export enum FileType {
  Unknown = 0,
  File = 1,
  Directory = 2,
}

export const debug = {
  onDidTerminateDebugSession: (l: Listener) => stub.listeners.terminateDebug.event(l as never),
};

function makeItem(id: string, label: string, uri?: Uri): StubTestItem {
  const item = { id, label, uri, canResolveChildren: false } as StubTestItem;
  item.children = new StubTestItemCollection(item);
  return item;
}

export const tests = {
  createTestController(id: string, label: string) {
    const controller: StubController = {
      id,
      label,
      items: new StubTestItemCollection(),
      profiles: [],
      runs: [],
    };
    stub.controllers.push(controller);
    return Object.assign(controller, {
      createTestItem: (itemId: string, itemLabel: string, uri?: Uri) => makeItem(itemId, itemLabel, uri),
      createRunProfile(
        label: string,
        kind: TestRunProfileKind,
        runHandler: StubProfile['runHandler'],
        isDefault?: boolean,
      ) {
        const p: StubProfile = { label, kind, runHandler, isDefault };
        controller.profiles.push(p);
        return { ...p, dispose() {} };
      },
      createTestRun(request: unknown) {
        const record: RunRecord = { request, states: [], output: [], ended: false };
        controller.runs.push(record);
        const mark =
          (state: RunRecord['states'][number]['state']) =>
          (item: StubTestItem, m?: TestMessage | TestMessage[], duration?: number) =>
            record.states.push({
              item: item.id,
              state,
              ...(m ? { messages: Array.isArray(m) ? m : [m] } : {}),
              ...(duration !== undefined ? { duration } : {}),
            });
        return {
          enqueued: mark('enqueued'),
          started: mark('started'),
          passed: (item: StubTestItem, duration?: number) => mark('passed')(item, undefined, duration),
          failed: mark('failed'),
          errored: mark('errored'),
          skipped: mark('skipped'),
          appendOutput: (s: string) => record.output.push(s),
          end: () => {
            record.ended = true;
          },
          token: { isCancellationRequested: false },
        };
      },
      dispose() {},
    });
  },
};

export class TestRunRequest {
  constructor(
    readonly include?: readonly StubTestItem[],
    readonly exclude?: readonly StubTestItem[],
    readonly profile?: unknown,
  ) {}
}

export const env = { language: 'en' };
