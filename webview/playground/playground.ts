// The playground page: lays out the editor, the problems list, the step controls, the timeline and
// the panels, and keeps them in step. The timeline is the very webview of the extension, mounted in a
// div and driven through its message protocol (load, currentEvent; it answers jumpTo, exportResult).
import type { Diagnostic } from '../../engine/scenario/diagnostics';
import { parseScenario } from '../../engine/scenario/parse';
import type { TraceRecorder } from '../../traces/store';
import { TimelineApp, type VsCodeApi } from '../app';
import { eventLabel } from '../model/describe';
import { NONE } from '../model/timelineModel';
import type { HostToWebview } from '../protocol';
import { clear, h, icon } from '../ui/dom';
import { renderEventDetails, renderState } from '../ui/sidePanel';
import { renderChecks } from './checks';
import { createScenarioEditor, type ScenarioEditor } from './editor';
import type { EngineRequest, EngineResponse } from './engineProtocol';
import { type Example, groupExamples, parseExamples } from './examples';
import { decodeScenario, encodeScenario, exampleFromHash } from './share';

const FILE = 'playground.scenario.yaml';
const DEFAULT_EXAMPLE = 'leaderless/concurrent-write-and-read';
const PARSE_DELAY_MS = 200;
const HASH_DELAY_MS = 400;

type RunState =
  | { kind: 'none' }
  | { kind: 'ran'; trace: TraceRecorder; text: string; seed: number; stop: string; ms: number };

export class Playground {
  readonly examples: Example[];
  editor!: ScenarioEditor;
  timeline!: TimelineApp;
  /** The current event of the run (the "debugger position"), or -1 before a run. */
  current = -1;
  run: RunState = { kind: 'none' };
  diagnostics: Diagnostic[] = [];

  private readonly root: HTMLElement;
  private readonly dark = window.matchMedia('(prefers-color-scheme: dark)');
  private readonly exampleSelect: HTMLSelectElement;
  private readonly seedInput: HTMLInputElement;
  private readonly status: HTMLElement;
  private readonly stopButton: HTMLButtonElement;
  private engine: Worker | undefined;
  /** Said instead of the next run's summary (e.g. a damaged link). */
  private notice: string | null = null;
  private runId = 0;
  private readonly editorHost: HTMLElement;
  private readonly problems: HTMLElement;
  private readonly problemsTitle: HTMLElement;
  private readonly timelineHost: HTMLElement;
  private readonly slider: HTMLInputElement;
  private readonly position: HTMLElement;
  private readonly description: HTMLElement;
  private readonly eventPanel: HTMLElement;
  private readonly statePanel: HTMLElement;
  private readonly checksPanel: HTMLElement;
  private readonly checksHeader: HTMLElement;
  private readonly stepButtons: HTMLButtonElement[] = [];
  private readonly staleNote: HTMLElement;
  private loadedExample: Example | undefined;
  private parseTimer: ReturnType<typeof setTimeout> | undefined;
  private hashTimer: ReturnType<typeof setTimeout> | undefined;
  private timelineState: unknown = null;

  constructor(root: HTMLElement, examplesJson: string) {
    this.root = root;
    this.examples = parseExamples(examplesJson);
    this.applyTheme();

    this.exampleSelect = h('select', { id: 'pg-examples', class: 'pg-select' }) as HTMLSelectElement;
    this.exampleSelect.append(h('option', { value: '', disabled: true }, 'Open an example…'));
    for (const g of groupExamples(this.examples)) {
      const group = h('optgroup', { label: g.label });
      for (const e of g.examples) group.append(h('option', { value: e.id, title: e.path }, e.title));
      this.exampleSelect.append(group);
    }
    this.exampleSelect.addEventListener('change', () => {
      const e = this.examples.find((x) => x.id === this.exampleSelect.value);
      if (e) this.openExample(e);
    });
    this.seedInput = h('input', {
      id: 'pg-seed',
      class: 'pg-input',
      type: 'number',
      min: 0,
      step: 1,
      placeholder: 'file',
      title: 'Seed of the run; empty uses the seed written in the scenario',
    }) as HTMLInputElement;
    this.seedInput.addEventListener('keydown', (e) => {
      if (e.key === 'Enter') this.runNow();
    });
    this.seedInput.addEventListener('change', () => void this.updateHash());
    this.status = h('span', { class: 'pg-status', role: 'status', 'aria-live': 'polite' });

    const runButton = this.button(
      'play',
      'Run',
      'Run the scenario (Ctrl+Enter)',
      () => this.runNow(),
      'pg-run pg-primary',
    );
    this.stopButton = this.button('debug-stop', 'Stop', 'Stop the run', () => this.stop(), 'pg-stop');
    this.stopButton.hidden = true;
    const shareButton = this.button(
      'link',
      'Share',
      'Copy a link that holds this scenario',
      () => void this.share(),
      'pg-share',
    );
    const header = h(
      'header',
      { class: 'pg-header' },
      h(
        'h1',
        {},
        h('span', { class: 'codicon codicon-debug-alt', 'aria-hidden': 'true' }),
        ' Replication Debugger ',
        h('span', { class: 'pg-muted' }, 'Playground'),
      ),
      h('label', { class: 'pg-field' }, 'Example ', this.exampleSelect),
      h('label', { class: 'pg-field' }, 'Seed ', this.seedInput),
      runButton,
      this.stopButton,
      shareButton,
      this.status,
    );

    this.editorHost = h('div', { class: 'pg-editor' });
    this.problemsTitle = h('h2', { id: 'pg-problems-title' }, 'Problems');
    this.problems = h('ul', { class: 'pg-problems-list', 'aria-labelledby': 'pg-problems-title' });
    const editorPane = h(
      'section',
      { class: 'pg-editor-pane', 'aria-label': 'Scenario' },
      this.editorHost,
      h('section', { class: 'pg-problems' }, this.problemsTitle, this.problems),
    );

    this.slider = h('input', {
      type: 'range',
      class: 'pg-slider',
      min: 0,
      max: 0,
      value: 0,
      disabled: true,
      'aria-label': 'Current event',
    }) as HTMLInputElement;
    this.slider.addEventListener('input', () => this.goTo(Number(this.slider.value)));
    this.position = h('span', { class: 'pg-position', 'aria-live': 'off' }, 'Not run yet');
    this.staleNote = h('span', { class: 'pg-stale', hidden: true }, 'edited since this run');
    const stepper = h(
      'div',
      { class: 'pg-stepper', role: 'toolbar', 'aria-label': 'Step through the run' },
      this.stepButton('debug-reverse-continue', 'First event (Home)', () => this.goTo(0), 'pg-first'),
      this.stepButton('debug-step-back', 'Step back (Shift+F10)', () => this.step(-1), 'pg-back'),
      this.stepButton('debug-step-over', 'Step forward (F10)', () => this.step(1), 'pg-forward'),
      this.stepButton('debug-continue', 'Last event (End)', () => this.goTo(this.length() - 1), 'pg-last'),
      this.stepButton('warning', 'Next anomaly (F8)', () => this.nextAnomaly(), 'pg-next-anomaly'),
      this.slider,
      this.position,
      this.staleNote,
    );
    this.description = h('div', {
      class: 'pg-description',
      role: 'status',
      'aria-live': 'polite',
      id: 'pg-description',
    });
    this.timelineHost = h('div', { class: 'pg-timeline', 'aria-label': 'Timeline' });
    this.eventPanel = h('div', { class: 'pg-panel pg-event-panel' });
    this.statePanel = h('div', { class: 'pg-panel pg-state-panel' });
    this.checksPanel = h('div', { class: 'pg-panel pg-checks-panel' });
    this.checksHeader = h('vscode-tab-header', { slot: 'header', class: 'pg-tab-checks' }, 'Checks');
    const tabs = h(
      'vscode-tabs',
      { class: 'pg-tabs', 'selected-index': 0 },
      h('vscode-tab-header', { slot: 'header', class: 'pg-tab-state' }, 'Replicas'),
      h('vscode-tab-panel', {}, this.statePanel),
      h('vscode-tab-header', { slot: 'header', class: 'pg-tab-event' }, 'Current event'),
      h('vscode-tab-panel', {}, this.eventPanel),
      this.checksHeader,
      h('vscode-tab-panel', {}, this.checksPanel),
    );
    const runPane = h(
      'section',
      { class: 'pg-run-pane', 'aria-label': 'Run' },
      stepper,
      this.description,
      this.timelineHost,
      h('section', { class: 'pg-details', 'aria-label': 'State at the current event' }, tabs),
    );
    const main = h('main', { class: 'pg-main' }, editorPane, this.splitter(), runPane);
    clear(root);
    root.append(header, main);
    this.renderPanels();
  }

  /** Mount the editor and the timeline, open what the URL holds (or the default example), run it. */
  async start(): Promise<void> {
    const initial = await this.fromHash();
    const linkProblem = this.status.classList.contains('error') ? this.status.textContent : null;
    const example = initial ? undefined : this.exampleFor(exampleFromHash(location.hash) ?? DEFAULT_EXAMPLE);
    const text = initial ?? example?.text ?? '';
    this.editor = createScenarioEditor(this.editorHost, text, this.dark.matches);
    this.loadedExample = example;
    this.exampleSelect.value = example?.id ?? '';
    const seed = /(?:^#|&)seed=(\d+)/.exec(location.hash);
    if (seed) this.seedInput.value = seed[1]!;
    this.editor.model.onDidChangeContent(() => this.onEdit());
    this.editor.editor.addCommand(
      // Ctrl/Cmd+Enter runs (instead of the editor's "insert line below").
      2048 /* KeyMod.CtrlCmd */ | 3 /* KeyCode.Enter */,
      () => this.runNow(),
    );
    this.mountTimeline();
    this.dark.addEventListener('change', () => this.applyTheme());
    window.addEventListener('keydown', (e) => this.onKey(e), true);
    window.addEventListener('hashchange', () => void this.onHashChange());
    this.parseNow();
    // A damaged link opened the default example instead; that stays said after the first run.
    if (linkProblem) this.notice = `${linkProblem} Opened an example instead.`;
    // `data-ready` is set when the first run has finished.
    this.runNow();
  }

  // ---------------------------------------------------------------------------------------------
  // Editing

  private onEdit(): void {
    clearTimeout(this.parseTimer);
    this.parseTimer = setTimeout(() => this.parseNow(), PARSE_DELAY_MS);
    clearTimeout(this.hashTimer);
    this.hashTimer = setTimeout(() => void this.updateHash(), HASH_DELAY_MS);
    this.updateStale();
  }

  parseNow(): void {
    clearTimeout(this.parseTimer);
    const { diagnostics } = parseScenario(this.editor.model.getValue(), FILE);
    this.setDiagnostics(diagnostics);
  }

  private setDiagnostics(list: Diagnostic[]): void {
    this.diagnostics = list;
    this.editor.setDiagnostics(list);
    clear(this.problems);
    const errors = list.filter((d) => d.severity === 'error').length;
    const warnings = list.filter((d) => d.severity === 'warning').length;
    const infos = list.length - errors - warnings;
    const count = (n: number, what: string): string => `${n} ${what}${n === 1 ? '' : 's'}`;
    this.problemsTitle.textContent =
      list.length === 0
        ? 'Problems: none'
        : `Problems: ${[count(errors, 'error'), count(warnings, 'warning'), ...(infos ? [count(infos, 'note')] : [])].join(', ')}`;
    for (const d of list) {
      const b = h(
        'button',
        { type: 'button', class: `pg-problem ${d.severity}` },
        h('span', {
          class: `codicon codicon-${d.severity === 'info' ? 'info' : d.severity}`,
          role: 'img',
          'aria-label': d.severity,
        }),
        ' ',
        h('span', { class: 'pg-problem-message' }, d.message),
        ' ',
        h('span', { class: 'pg-muted' }, `${d.line}:${d.col}`),
      );
      b.addEventListener('click', () => this.editor.reveal(d.line, d.col));
      this.problems.append(h('li', {}, b));
    }
  }

  private exampleFor(id: string): Example | undefined {
    return this.examples.find((e) => e.id === id) ?? this.examples[0];
  }

  openExample(e: Example): void {
    this.loadedExample = e;
    this.exampleSelect.value = e.id;
    this.replaceText(e.text);
    this.seedInput.value = '';
    void this.updateHash();
    this.parseNow();
    this.runNow();
  }

  /** Replace the whole text as one undoable edit (Ctrl+Z brings the previous scenario back). */
  private replaceText(text: string): void {
    const model = this.editor.model;
    this.editor.editor.pushUndoStop();
    model.pushEditOperations([], [{ range: model.getFullModelRange(), text }], () => null);
    this.editor.editor.pushUndoStop();
    this.editor.editor.setScrollTop(0);
  }

  // ---------------------------------------------------------------------------------------------
  // Share links

  private async fromHash(): Promise<string | undefined> {
    try {
      return await decodeScenario(location.hash);
    } catch (e) {
      this.setStatus(`Could not open the link: ${(e as Error).message}`, true);
      return undefined;
    }
  }

  private async onHashChange(): Promise<void> {
    const text = await this.fromHash();
    if (text !== undefined) {
      if (text === this.editor.model.getValue()) return;
      this.loadedExample = undefined;
      this.exampleSelect.value = '';
      this.replaceText(text);
      this.parseNow();
      this.runNow();
      return;
    }
    const id = exampleFromHash(location.hash);
    const e = id === undefined ? undefined : this.examples.find((x) => x.id === id);
    if (e && e.text !== this.editor.model.getValue()) this.openExample(e);
  }

  /** The URL of the page as it is: an example's name while unmodified, the compressed text otherwise. */
  async shareUrl(): Promise<string> {
    const text = this.editor.model.getValue();
    const hash =
      this.loadedExample && this.loadedExample.text === text
        ? `example=${this.loadedExample.id}`
        : await encodeScenario(text);
    const seed = this.seedInput.value.trim();
    return `${location.href.replace(/#.*$/, '')}#${hash}${seed ? `&seed=${seed}` : ''}`;
  }

  private async updateHash(): Promise<void> {
    clearTimeout(this.hashTimer);
    const url = await this.shareUrl();
    if (url !== location.href) history.replaceState(null, '', url);
  }

  private async share(): Promise<void> {
    await this.updateHash();
    const url = location.href;
    try {
      await navigator.clipboard.writeText(url);
      this.setStatus(`Link copied (${url.length} characters).`);
    } catch {
      // Clipboard access needs a secure context and permission; the address bar has the link anyway.
      this.setStatus('The address bar now holds the link to this scenario.');
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Running

  private seed(): number | undefined {
    const raw = this.seedInput.value.trim();
    if (raw === '') return undefined;
    const n = Number(raw);
    return Number.isInteger(n) && n >= 0 ? n : undefined;
  }

  /** Run the scenario in the engine worker; a newer run supersedes an unfinished one. */
  runNow(): void {
    const text = this.editor.model.getValue();
    const seed = this.seed();
    if (this.seedInput.value.trim() !== '' && seed === undefined) {
      this.setStatus('The seed must be a whole number of 0 or more.', true);
      return;
    }
    const id = ++this.runId;
    const engine = this.engineWorker();
    engine.onmessage = (e: MessageEvent<EngineResponse>) => {
      if (e.data.id !== this.runId) return;
      this.setRunning(false);
      this.finishRun(e.data, text);
      if (this.notice) this.setStatus(this.notice, true);
      this.notice = null;
      this.root.dataset.ready = 'true';
    };
    engine.onerror = (e) => {
      e.preventDefault();
      if (id !== this.runId) return;
      this.stopEngine();
      this.setRunning(false);
      this.setStatus(`The engine could not start: ${e.message || 'engine.worker.js did not load'}.`, true);
      this.root.dataset.ready = 'true';
    };
    const request: EngineRequest =
      seed === undefined ? { id, text, file: FILE } : { id, text, file: FILE, seed };
    engine.postMessage(request);
    this.setRunning(true);
    this.setStatus('Running…');
  }

  /** End an unfinished run (a long or endless scenario): the worker is replaced for the next run. */
  stop(): void {
    if (this.stopButton.hidden) return;
    this.runId++;
    this.stopEngine();
    this.setRunning(false);
    this.setStatus('Stopped. Lower `run.until` or `run.maxEvents` to make the run shorter.', true);
    this.root.dataset.ready = 'true';
  }

  private engineWorker(): Worker {
    this.engine ??= new Worker(new URL('engine.worker.js', document.baseURI), { name: 'engine' });
    return this.engine;
  }

  private stopEngine(): void {
    this.engine?.terminate();
    this.engine = undefined;
  }

  private setRunning(running: boolean): void {
    this.stopButton.hidden = !running;
    this.root.classList.toggle('pg-running', running);
  }

  private finishRun(response: EngineResponse, text: string): void {
    if (!response.ok) {
      this.setStatus(
        `The engine failed on this scenario: ${response.error}. Please report it with the share link.`,
        true,
      );
      return;
    }
    this.setDiagnostics(response.diagnostics);
    if (!response.run) {
      const errors = response.diagnostics.filter((d) => d.severity === 'error').length;
      this.setStatus(
        `Not run: the scenario has ${errors} error${errors === 1 ? '' : 's'} (see Problems).`,
        true,
      );
      return;
    }
    const { stopReason, stopMessage } = response.run;
    const stop = stopMessage ? `${stopReason}: ${stopMessage}` : stopReason;
    // Loaded without a current event, so the view first fits the whole run; then the first event.
    const before = this.timeline.trace;
    this.send({ type: 'load', trace: response.run.trace, title: response.run.trace.scenario.title });
    // The timeline's own copy of the trace is the one the panels and the steps read; when it kept the
    // old one, it refused the new trace and its banner says why.
    const trace = this.timeline.trace;
    if (!trace || trace === before) {
      this.setStatus('The timeline could not show this run (see the message above it).', true);
      return;
    }
    this.run = { kind: 'ran', trace, text, seed: trace.header.scenario.seed, stop, ms: response.ms };
    this.slider.max = String(Math.max(0, trace.length - 1));
    this.slider.disabled = trace.length === 0;
    this.stepButtons.forEach((b) => {
      b.disabled = trace.length === 0;
    });
    const anomalies = trace.anomalies.length;
    const failed = trace.expectations.filter((e) => !e.passed).length;
    this.checksHeader.textContent = `Checks (${anomalies + failed})`;
    this.setStatus(
      `Ran ${trace.length} events in ${response.ms.toFixed(0)} ms (seed ${trace.header.scenario.seed}, stopped: ${stop}). ` +
        `${anomalies} anomal${anomalies === 1 ? 'y' : 'ies'}, ${failed} failed expectation${failed === 1 ? '' : 's'}.`,
    );
    this.current = -1;
    this.goTo(0);
    // The first event sits at the left edge of a fitted view, which the view would re-centre on;
    // the whole run is the better first picture.
    this.timeline.fit();
    this.renderChecks();
    this.updateStale();
  }

  private length(): number {
    return this.run.kind === 'ran' ? this.run.trace.length : 0;
  }

  // ---------------------------------------------------------------------------------------------
  // Stepping

  step(dir: 1 | -1): void {
    if (this.current < 0) return;
    this.goTo(this.current + dir);
  }

  goTo(event: number): void {
    const n = this.length();
    if (n === 0) return;
    const id = Math.max(0, Math.min(n - 1, Math.trunc(event)));
    if (id === this.current) return;
    this.current = id;
    this.send({ type: 'currentEvent', id });
    this.slider.value = String(id);
    this.slider.setAttribute('aria-valuetext', `event ${id} of ${n - 1}`);
    this.renderPanels();
  }

  nextAnomaly(): void {
    if (this.run.kind !== 'ran') return;
    const events = [...new Set(this.run.trace.anomalies.map((a) => a.event))].sort((a, b) => a - b);
    if (events.length === 0) {
      this.setStatus('No anomalies in this run.');
      return;
    }
    this.goTo(events.find((e) => e > this.current) ?? events[0]!);
  }

  private onKey(e: KeyboardEvent): void {
    const inEditor = this.editorHost.contains(document.activeElement);
    const inField =
      document.activeElement instanceof HTMLInputElement && document.activeElement !== this.slider;
    if (e.key === 'Escape' && !this.stopButton.hidden && !inEditor) {
      e.preventDefault();
      this.stop();
    } else if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      this.runNow();
    } else if (e.key === 'F10') {
      e.preventDefault();
      this.step(e.shiftKey ? -1 : 1);
    } else if (e.key === 'F8' && !inEditor) {
      e.preventDefault();
      this.nextAnomaly();
    } else if (
      !inEditor &&
      !inField &&
      (e.key === 'Home' || e.key === 'End') &&
      this.root.querySelector('.pg-stepper')?.contains(document.activeElement)
    ) {
      e.preventDefault();
      this.goTo(e.key === 'Home' ? 0 : this.length() - 1);
    }
  }

  private updateStale(): void {
    this.staleNote.hidden = this.run.kind !== 'ran' || this.run.text === this.editor.model.getValue();
  }

  // ---------------------------------------------------------------------------------------------
  // The timeline, through its message protocol

  private mountTimeline(): void {
    const api: VsCodeApi = {
      postMessage: (m) => this.onTimelineMessage(m),
      getState: () => this.timelineState,
      setState: (s) => {
        this.timelineState = s;
      },
    };
    // The view listens for host messages on `window`, as a webview must; here the host is this page
    // and talks to it directly, while Monaco posts its own scheduling messages on `window`, which the
    // view would report as bad host messages. So its window listener is left out.
    const add = window.addEventListener;
    window.addEventListener = function (this: Window, ...args: Parameters<Window['addEventListener']>) {
      if (args[0] !== 'message') add.apply(this, args);
    } as Window['addEventListener'];
    try {
      this.timeline = new TimelineApp(this.timelineHost, api);
    } finally {
      window.addEventListener = add;
    }
  }

  private send(m: HostToWebview): void {
    this.timeline.handleMessage(m);
  }

  private onTimelineMessage(m: unknown): void {
    const msg = m as {
      type?: string;
      event?: number;
      data?: string;
      format?: string;
      suggestedName?: string;
      message?: string;
    };
    switch (msg.type) {
      case 'jumpTo':
        if (typeof msg.event === 'number') this.goTo(msg.event);
        return;
      case 'exportResult': {
        if (typeof msg.data !== 'string' || typeof msg.suggestedName !== 'string') return;
        const blob =
          msg.format === 'svg'
            ? new Blob([msg.data], { type: 'image/svg+xml' })
            : new Blob([Uint8Array.from(atob(msg.data), (c) => c.charCodeAt(0))], { type: 'image/png' });
        const a = h('a', { href: URL.createObjectURL(blob), download: msg.suggestedName });
        a.click();
        setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
        return;
      }
      case 'error':
        this.setStatus(`Timeline: ${msg.message ?? 'error'}`, true);
        return;
      default:
        return;
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Panels

  private renderPanels(): void {
    clear(this.eventPanel);
    clear(this.statePanel);
    const model = this.timeline?.model;
    const replay = this.timeline?.replay;
    if (this.run.kind !== 'ran' || !model || !replay || this.current < 0) {
      this.position.textContent = 'Not run yet';
      this.description.textContent = 'Run the scenario (Ctrl+Enter) to step through it.';
      this.statePanel.append(
        h('p', { class: 'pg-muted' }, 'The replicas’ data and protocol state appear here after a run.'),
      );
      this.editor?.highlightLine(undefined);
      return;
    }
    const t = this.run.trace;
    const id = this.current;
    const time = t.time(id);
    this.position.textContent = `Event ${id} of ${t.length - 1} · ${Number.isInteger(time) ? time : time.toFixed(3)} ms`;
    this.description.textContent = eventLabel(model, id);
    const actions = {
      select: (e: number) => this.goTo(e),
      jumpTo: (e: number) => this.goTo(e),
      showAnomaly: (a: { event: number }) => this.goTo(a.event),
    };
    this.eventPanel.append(renderEventDetails(model, id, NONE, actions));
    this.statePanel.append(renderState(model, replay, id));
    this.editor?.highlightLine(this.run.text === this.editor.model.getValue() ? t.line(id) : undefined);
  }

  private renderChecks(): void {
    clear(this.checksPanel);
    if (this.run.kind !== 'ran') return;
    this.checksPanel.append(
      renderChecks(this.run.trace.anomalies, this.run.trace.expectations, {
        goToEvent: (e) => this.goTo(e),
        goToLine: (line) => this.editor.reveal(line, 1),
      }),
    );
  }

  // ---------------------------------------------------------------------------------------------
  // Bits

  private setStatus(text: string, error = false): void {
    this.status.textContent = text;
    this.status.classList.toggle('error', error);
    this.status.title = text;
  }

  private applyTheme(): void {
    const dark = this.dark.matches;
    document.body.classList.toggle('vscode-dark', dark);
    document.body.classList.toggle('vscode-light', !dark);
    this.editor?.setTheme(dark);
  }

  private button(
    iconName: string,
    text: string,
    title: string,
    action: () => void,
    cls: string,
  ): HTMLButtonElement {
    const b = h(
      'button',
      { type: 'button', class: `pg-button ${cls}`, title },
      icon(iconName),
      ` ${text}`,
    ) as HTMLButtonElement;
    b.addEventListener('click', action);
    return b;
  }

  /** The bar between the editor and the run: drag it, or focus it and use the arrow keys. */
  private splitter(): HTMLElement {
    const bar = h('div', {
      class: 'pg-splitter',
      role: 'separator',
      tabindex: 0,
      'aria-orientation': 'vertical',
      'aria-label': 'Resize the editor',
      'aria-valuemin': 20,
      'aria-valuemax': 70,
    });
    const set = (percent: number): void => {
      const p = Math.max(20, Math.min(70, percent));
      this.root.style.setProperty('--pg-editor-width', `${p}%`);
      bar.setAttribute('aria-valuenow', String(Math.round(p)));
    };
    const current = (): number => Number(bar.getAttribute('aria-valuenow') ?? 36);
    set(36);
    bar.addEventListener('pointerdown', (e) => {
      bar.setPointerCapture(e.pointerId);
      const move = (ev: PointerEvent): void => set((ev.clientX / this.root.clientWidth) * 100);
      const up = (): void => {
        bar.removeEventListener('pointermove', move);
        bar.removeEventListener('pointerup', up);
      };
      bar.addEventListener('pointermove', move);
      bar.addEventListener('pointerup', up);
    });
    bar.addEventListener('keydown', (e) => {
      if (e.key === 'ArrowLeft' || e.key === 'ArrowRight') {
        e.preventDefault();
        set(current() + (e.key === 'ArrowLeft' ? -2 : 2));
      }
    });
    return bar;
  }

  private stepButton(iconName: string, label: string, action: () => void, cls: string): HTMLButtonElement {
    const b = h(
      'button',
      { type: 'button', class: `pg-icon-button ${cls}`, title: label, 'aria-label': label, disabled: true },
      icon(iconName),
    ) as HTMLButtonElement;
    b.addEventListener('click', action);
    this.stepButtons.push(b);
    return b;
  }
}
