// The timeline view: owns the trace, the derived model and layout, the viewport and the selection,
// turns user input and host messages into state changes, and redraws on the next animation frame.

import { TraceReplay } from '../traces/replay';
import type { TraceRecorder } from '../traces/store';
import { DetailsReceiver, type TraceHead } from '../traces/transfer';
import type { Anomaly, TraceEvent } from '../traces/types';
import { eventLabel, formatTime, searchText } from './model/describe';
import { DEFAULT_FILTERS, type Filters, Layout, type TimeMode, VIS_SHOWN } from './model/layout';
import { applyAppend, loadShown } from './model/loadTrace';
import { NONE, TimelineModel } from './model/timelineModel';
import {
  type ExportFormat,
  type ForkPoint,
  type HostToWebview,
  parseSweepCsv,
  type StalenessSeries,
  validateHostMessage,
  type WebviewToHost,
} from './protocol';
import {
  AXIS,
  fitView,
  GUTTER,
  LANE_H,
  laneY,
  plotWidth,
  posAt,
  type Viewport,
  xOf,
  zoomAt,
} from './render/geometry';
import { MinimapData, renderMinimap } from './render/minimap';
import { SvgPainter } from './render/painter';
import { type Palette, readPalette } from './render/palette';
import {
  emptyHighlight,
  type Highlight,
  pickEvent,
  type RenderStats,
  renderTimeline,
} from './render/renderer';
import { clear, h } from './ui/dom';
import { type PanelActions, renderAnomalies, renderEventDetails, renderState } from './ui/sidePanel';
import { stalenessPlot, stalenessTable } from './ui/staleness';

export interface VsCodeApi {
  postMessage(message: unknown): void;
  getState(): unknown;
  setState(state: unknown): void;
}

/** What survives hiding and showing the panel (the trace itself is sent again by the host). */
interface SavedState {
  traceKey: string;
  mode: TimeMode;
  filters: Filters;
  view: { start: number; scale: number; scrollY: number } | null;
  selected: number;
  second: number;
  search: string;
  sideTab: number;
  sweep?: { csv: string; title?: string };
}

const MINIMAP_H = 44;
const A11Y_WINDOW = 12;

export class TimelineApp {
  trace: TraceRecorder | null = null;
  model: TimelineModel | null = null;
  layout: Layout | null = null;
  replay: TraceReplay | null = null;
  view: Viewport = { start: 0, scale: 1, scrollY: 0, width: 800, height: 400 };
  hl: Highlight = emptyHighlight();
  mode: TimeMode = 'time';
  filters: Filters = { ...DEFAULT_FILTERS };
  title = '';
  sweep: StalenessSeries | null = null;
  lastStats: RenderStats = { inView: 0, aggregated: false, arrows: 0 };
  lastFrameMs = 0;
  frames = 0;

  private readonly api: VsCodeApi;
  private readonly canvas: HTMLCanvasElement;
  private readonly minimap: HTMLCanvasElement;
  private readonly diagram: HTMLElement;
  private readonly side: HTMLElement;
  private readonly sidePanels: HTMLElement[];
  private readonly sideTabs: HTMLElement;
  private readonly banner: HTMLElement;
  private readonly titleEl: HTMLElement;
  private readonly statusEl: HTMLElement;
  private readonly tooltip: HTMLElement;
  private readonly announce: HTMLElement;
  private readonly a11yList: HTMLElement;
  private readonly filterBox: HTMLElement;
  private readonly searchField: HTMLInputElement;
  private readonly searchCount: HTMLElement;
  private readonly stalenessBox: HTMLElement;
  private readonly body: HTMLElement;
  private palette: Palette;
  private minimapData: MinimapData | null = null;
  private frameRequested = false;
  private panelsDirty = true;
  private searchTimer: ReturnType<typeof setTimeout> | undefined;
  private saveTimer: ReturnType<typeof setTimeout> | undefined;
  private sideTab = 0;
  private saved: SavedState | null;
  private pendingForks: ForkPoint[] = [];
  private pendingLoadMark = false;
  /**
   * The head of a two-part transfer whose details have not come yet (the view draws from the head;
   * panels that need details say they are loading), and why the details could not be used, if so.
   */
  private pendingHead: TraceHead | null = null;
  private details: DetailsReceiver | null = null;
  private detailsProblem: string | null = null;
  /** Appends that came while the details were on their way, applied once they are in. */
  private queuedAppends: { from: number; events: TraceEvent[]; anomalies?: Anomaly[] }[] = [];

  constructor(root: HTMLElement, api: VsCodeApi) {
    this.api = api;
    this.saved = isSavedState(api.getState()) ? (api.getState() as SavedState) : null;
    if (this.saved) {
      this.mode = this.saved.mode;
      this.filters = { ...DEFAULT_FILTERS, ...this.saved.filters };
      this.sideTab = this.saved.sideTab;
    }
    this.palette = readPalette();
    clear(root);
    this.banner = h('div', { class: 'error-banner', role: 'alert', hidden: true });
    this.titleEl = h('span', { class: 'title' }, 'No trace loaded');
    this.statusEl = h('span', { class: 'status', 'aria-live': 'polite' });
    this.searchField = h('vscode-textfield', {
      placeholder: 'Search events (id, node, type, key, value)',
      'aria-label': 'Search events',
      class: 'search',
    }) as unknown as HTMLInputElement;
    this.searchCount = h('span', { class: 'search-count', 'aria-live': 'polite' });
    this.filterBox = h('div', { class: 'filters', hidden: true, role: 'region', 'aria-label': 'Filters' });
    this.canvas = h('canvas', { class: 'main-canvas', 'aria-hidden': 'true' });
    this.tooltip = h('div', { class: 'tooltip', role: 'tooltip', hidden: true });
    this.a11yList = h('ul', {
      class: 'sr-only',
      role: 'listbox',
      id: 'a11y-events',
      'aria-label': 'Events near the focused event',
    });
    this.diagram = h(
      'div',
      {
        class: 'diagram',
        tabindex: 0,
        role: 'application',
        'aria-roledescription': 'space-time diagram',
        'aria-label':
          'Timeline. Arrow keys move between events, Enter selects, Shift+Enter selects a second event, plus and minus zoom, N jumps to the next anomaly.',
      },
      this.canvas,
      this.tooltip,
    );
    this.minimap = h('canvas', {
      class: 'minimap',
      role: 'slider',
      tabindex: 0,
      'aria-label': 'Minimap: position of the view in the run',
    });
    this.sidePanels = [
      h('div', { class: 'side-panel' }),
      h('div', { class: 'side-panel' }),
      h('div', { class: 'side-panel' }),
    ];
    this.sideTabs = h('vscode-tabs', { class: 'side-tabs', 'selected-index': this.sideTab });
    ['Event', 'State', 'Anomalies'].forEach((name, i) => {
      this.sideTabs.append(h('vscode-tab-header', { slot: 'header', id: `tab-${name.toLowerCase()}` }, name));
      this.sideTabs.append(h('vscode-tab-panel', {}, this.sidePanels[i]!));
    });
    this.sideTabs.addEventListener('vsc-tabs-select', (e) => {
      this.sideTab = (e as CustomEvent<{ selectedIndex: number }>).detail.selectedIndex;
      this.panelsDirty = true;
      this.requestRender();
      this.scheduleSave();
    });
    this.side = h('aside', { class: 'side', 'aria-label': 'Details' }, this.sideTabs);
    this.announce = h('div', { class: 'sr-only', 'aria-live': 'polite', role: 'status' });
    this.stalenessBox = h('section', { class: 'staleness', hidden: true, 'aria-label': 'Staleness plots' });
    this.body = h(
      'div',
      { class: 'body' },
      h('div', { class: 'plot-column' }, this.diagram, this.minimap),
      this.side,
    );
    root.append(
      h(
        'div',
        { class: 'app' },
        this.banner,
        this.buildToolbar(),
        this.filterBox,
        this.body,
        this.stalenessBox,
        this.announce,
        this.a11yList,
      ),
    );
    this.bindInput();
    new ResizeObserver(() => this.resize()).observe(this.diagram);
    // VS Code swaps theme variables and body classes in place when the theme changes.
    new MutationObserver(() => {
      this.palette = readPalette();
      this.requestRender();
    }).observe(document.body, { attributes: true, attributeFilter: ['class', 'style'] });
    if (this.saved?.sweep) this.showSweep(this.saved.sweep.csv, this.saved.sweep.title);
    window.addEventListener('message', (e: MessageEvent) => this.handleMessage(e.data));
    this.resize();
    this.post({ type: 'ready' });
  }

  // ---------------------------------------------------------------------------------------------
  // Messages

  post(m: WebviewToHost): void {
    this.api.postMessage(m);
  }

  handleMessage(data: unknown): void {
    const v = validateHostMessage(data);
    if (!v.ok) {
      this.showError(`Ignored a message from the extension: ${v.error}`);
      this.post({ type: 'error', message: v.error });
      return;
    }
    try {
      this.apply(v.value);
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e);
      this.showError(`Could not show the trace: ${message}`);
      this.post({ type: 'error', message });
    }
  }

  private apply(m: HostToWebview): void {
    switch (m.type) {
      case 'load': {
        // Phases of a load, as performance measures the benchmark reads (cheap, and visible in
        // the webview's developer tools).
        performance.mark('timeline:load');
        const { trace, head } = loadShown(m);
        performance.measure('timeline:parse', 'timeline:load');
        this.pendingHead = head ?? null;
        this.details = head ? new DetailsReceiver(head) : null;
        this.detailsProblem = null;
        this.queuedAppends = [];
        this.load(trace, m.title, m.current, head?.outline);
        performance.measure('timeline:handled', 'timeline:load');
        return;
      }
      case 'loadDetails':
        this.loadDetails(m.details);
        return;
      case 'append': {
        if (!this.trace || !this.model || !this.layout || !this.replay) throw new Error('append before load');
        if (this.pendingHead) {
          this.queuedAppends.push(m);
          return;
        }
        const forked = m.from < this.trace.length;
        applyAppend(this.trace, m.from, m.events, m.anomalies);
        if (forked) this.replay.invalidateFrom(m.from);
        this.model.update();
        this.layout.compute();
        this.minimapData?.compute(this.minimap.clientWidth);
        for (const k of ['selected', 'second', 'current', 'hover', 'focus'] as const)
          if (this.hl[k] >= this.trace.length) this.hl[k] = NONE;
        this.hideError();
        this.refreshFilters();
        this.updateDerived();
        this.invalidateAll();
        return;
      }
      case 'currentEvent':
        this.setCurrent(m.id);
        return;
      case 'fork':
        this.hl.forks = m.forks;
        this.pendingForks = m.forks;
        this.requestRender();
        return;
      case 'sweep':
        this.showSweep(m.csv, m.title);
        return;
      case 'requestExport':
        this.exportView(m.format);
        return;
    }
  }

  load(trace: TraceRecorder, title?: string, current?: number, outline?: Uint16Array): void {
    const file = trace.header;
    this.trace = trace;
    performance.mark('timeline:model');
    this.model = new TimelineModel(trace, { ...(outline ? { outline } : {}), keys: !this.pendingHead });
    performance.measure('timeline:model', 'timeline:model');
    performance.mark('timeline:layout');
    this.layout = new Layout(this.model, this.mode, this.layoutFilters());
    this.replay = new TraceReplay(trace);
    this.minimapData = new MinimapData(this.layout);
    this.minimapData.compute(this.minimap.clientWidth || 600);
    performance.measure('timeline:layout', 'timeline:layout');
    this.pendingLoadMark = true;
    this.title = title ?? file.scenario.title;
    this.titleEl.textContent = this.title;
    this.hl = emptyHighlight();
    this.hl.forks = this.pendingForks;
    const key = traceKey(file);
    const saved = this.saved && this.saved.traceKey === key ? this.saved : null;
    if (saved?.view) this.view = { ...this.view, ...saved.view };
    else this.view = fitView(this.view, this.layout.min, this.layout.max);
    if (saved) {
      if (saved.selected < trace.length) this.hl.selected = saved.selected;
      if (saved.second < trace.length) this.hl.second = saved.second;
      if (saved.search) {
        (this.searchField as unknown as { value: string }).value = saved.search;
        this.runSearch(saved.search);
      }
    }
    this.saved = { ...this.savedState(), traceKey: key };
    // A trace file may carry sweep results (TraceFile.sweep) as { csv } or CSV text.
    const sweep = trace.sweep;
    const csv = typeof sweep === 'string' ? sweep : (sweep as { csv?: unknown } | undefined)?.csv;
    if (typeof csv === 'string') this.showSweep(csv, this.title);
    this.hideError();
    this.refreshFilters();
    if (current !== undefined && current !== null) this.setCurrent(current);
    this.updateDerived();
    this.invalidateAll();
  }

  /**
   * The details of the trace shown from its head: checked against the head, then the trace, model
   * and layout are rebuilt with them, keeping the view, selection, search and filters. Corrupt
   * details leave the drawn trace as it is and the panels say why they have no details.
   */
  private loadDetails(details: unknown): void {
    const head = this.pendingHead;
    const receiver = this.details;
    const id = (details as { detailsId?: unknown }).detailsId;
    if (!head || !receiver) {
      throw new Error(
        this.trace
          ? 'trace details came that the timeline is not waiting for (they are for another trace)'
          : 'trace details came before the trace',
      );
    }
    if (id !== head.detailsId)
      throw new Error(
        `trace details came for another trace (${JSON.stringify(id)}; the timeline waits for ${JSON.stringify(head.detailsId)})`,
      );
    performance.mark('timeline:details');
    let full: TraceRecorder | undefined;
    try {
      full = receiver.take(details);
    } catch (e) {
      this.pendingHead = null;
      this.details = null;
      this.detailsProblem = e instanceof Error ? e.message : String(e);
      this.applyQueuedAppends();
      this.refreshFilters();
      this.runSearch(this.searchQuery);
      this.invalidateAll();
      throw new Error(
        `the trace's details cannot be read, so the timeline shows its events without them: ${this.detailsProblem}`,
      );
    }
    if (!full) {
      // More parts to come; each is a short task, so the view stays responsive meanwhile.
      performance.measure('timeline:details-part', 'timeline:details');
      this.requestRender();
      return;
    }
    performance.measure('timeline:details-check', 'timeline:details');
    performance.mark('timeline:details-model');
    this.pendingHead = null;
    this.details = null;
    this.trace = full;
    this.model = new TimelineModel(full, { outline: head.outline });
    this.layout = new Layout(this.model, this.mode, this.layoutFilters());
    this.replay = new TraceReplay(full);
    this.minimapData = new MinimapData(this.layout);
    this.minimapData.compute(this.minimap.clientWidth || 600);
    performance.measure('timeline:details-model', 'timeline:details-model');
    this.applyQueuedAppends();
    this.refreshFilters();
    if (this.searchQuery) this.runSearch(this.searchQuery);
    this.updateDerived();
    this.invalidateAll();
    performance.measure('timeline:details', 'timeline:details');
  }

  private applyQueuedAppends(): void {
    for (const a of this.queuedAppends.splice(0)) this.apply({ type: 'append', ...a });
  }

  /** ` 3/16` while the parts of the details come in. */
  private detailsProgress(): string {
    const p = this.details?.progress;
    return p && p.parts > 1 ? ` ${p.received}/${p.parts}` : '';
  }

  /** Whether the trace is shown from its head, its details still on their way. */
  get detailsPending(): boolean {
    return this.pendingHead !== null;
  }

  /** The filters the layout applies: no key filter until the keys are known. */
  private layoutFilters(): Filters {
    return this.model && !this.model.keysKnown ? { ...this.filters, key: '' } : this.filters;
  }

  setCurrent(id: number | null): void {
    if (!this.trace) return;
    if (id !== null && id >= this.trace.length) {
      this.showError(`The debugger is at event ${id}, but the timeline has ${this.trace.length} events.`);
      return;
    }
    this.hl.current = id ?? NONE;
    if (id !== null) {
      // Keyboard focus and the screen-reader list follow the debugger, in both step directions.
      this.hl.focus = id;
      this.diagram.setAttribute('aria-activedescendant', `a11y-${id}`);
      this.scrollIntoView(id);
      this.announceText(`Debugger at ${eventLabel(this.model!, id)}`);
    }
    this.updateDerived();
    this.invalidateAll();
  }

  /** Things that depend on the current event: in-flight messages, who is down, clock skews. */
  private updateDerived(): void {
    const model = this.model;
    const replay = this.replay;
    if (!model || !replay || !this.trace) return;
    const n = this.trace.length;
    const ref =
      this.hl.current !== NONE ? this.hl.current : this.hl.selected !== NONE ? this.hl.selected : n - 1;
    this.hl.inflight = this.hl.current !== NONE ? replay.inflightAt(this.hl.current).map((m) => m.send) : [];
    this.hl.down = new Set();
    this.hl.skewLabels = new Map();
    if (ref < 0) return;
    this.trace.actors.forEach((_, a) => {
      if (model.isDown(a, ref)) this.hl.down.add(a);
      const s = model.skewAt(a, ref);
      if (s && (s.offset !== 0 || s.drift !== 0)) {
        const parts = [`clock ${s.offset >= 0 ? '+' : ''}${formatTime(s.offset)}`];
        if (s.drift) parts.push(`drift ${s.drift}`);
        this.hl.skewLabels.set(a, parts.join(', '));
      }
    });
  }

  showError(text: string): void {
    this.banner.textContent = text;
    this.banner.hidden = false;
  }

  private hideError(): void {
    this.banner.hidden = true;
  }

  private showSweep(csv: string, title?: string): void {
    try {
      this.sweep = parseSweepCsv(csv, title);
    } catch (e) {
      this.showError(e instanceof Error ? e.message : String(e));
      return;
    }
    clear(this.stalenessBox);
    const close = h('vscode-button', { secondary: true }, 'Back to the timeline');
    close.addEventListener('click', () => this.toggleStaleness(false));
    this.stalenessBox.append(
      h('div', { class: 'staleness-head' }, close),
      stalenessPlot(this.sweep),
      stalenessTable(this.sweep),
    );
    this.stalenessButton.hidden = false;
    this.stalenessSaved = { csv, ...(title !== undefined ? { title } : {}) };
    if (!this.trace) this.toggleStaleness(true);
    this.scheduleSave();
  }

  private stalenessSaved: { csv: string; title?: string } | undefined;
  private stalenessButton!: HTMLElement;

  toggleStaleness(show: boolean): void {
    this.stalenessBox.hidden = !show;
    this.body.hidden = show;
    if (!show) this.resize();
  }

  // ---------------------------------------------------------------------------------------------
  // Toolbar and filters

  private button(iconName: string, label: string, action: () => void, cls = ''): HTMLElement {
    const b = h('vscode-toolbar-button', {
      icon: iconName,
      label,
      title: label,
      class: cls,
      'aria-label': label,
    });
    b.addEventListener('click', action);
    return b;
  }

  private buildToolbar(): HTMLElement {
    const modeButton = this.button(
      'list-flat',
      'Compressed mode: space events evenly',
      () => {
        this.setMode(this.mode === 'time' ? 'compressed' : 'time');
      },
      'mode-toggle',
    );
    modeButton.setAttribute('toggleable', '');
    if (this.mode === 'compressed') modeButton.setAttribute('checked', '');
    this.modeButton = modeButton;
    this.stalenessButton = this.button(
      'graph-line',
      'Staleness plots',
      () => this.toggleStaleness(this.stalenessBox.hidden),
      'staleness-toggle',
    );
    this.stalenessButton.hidden = true;
    this.searchField.addEventListener('input', () => {
      clearTimeout(this.searchTimer);
      this.searchTimer = setTimeout(() => this.runSearch(this.searchValue()), 150);
    });
    this.searchField.addEventListener('keydown', (e) => {
      if (e.key === 'Enter') {
        clearTimeout(this.searchTimer);
        if (this.searchQuery !== this.searchValue()) this.runSearch(this.searchValue());
        this.nextHit(e.shiftKey ? -1 : 1);
      } else if (e.key === 'Escape') this.diagram.focus();
    });
    return h(
      'header',
      { class: 'toolbar', role: 'toolbar', 'aria-label': 'Timeline tools' },
      this.titleEl,
      h('span', { class: 'spacer' }),
      modeButton,
      this.button('zoom-in', 'Zoom in (+)', () => this.zoom(1.6)),
      this.button('zoom-out', 'Zoom out (-)', () => this.zoom(1 / 1.6)),
      this.button('screen-full', 'Fit the whole run (0)', () => this.fit()),
      this.button('target', 'Scroll to the current event', () => {
        if (this.hl.current !== NONE) this.scrollIntoView(this.hl.current, true);
      }),
      h('span', { class: 'sep' }),
      this.button('arrow-left', 'Previous anomaly (Shift+N)', () => this.nextAnomaly(-1)),
      this.button('warning', 'Next anomaly (N)', () => this.nextAnomaly(1), 'next-anomaly'),
      this.button(
        'filter',
        'Filters',
        () => {
          this.filterBox.hidden = !this.filterBox.hidden;
          this.resize();
        },
        'filter-toggle',
      ),
      h('span', { class: 'sep' }),
      this.searchField,
      this.button('arrow-up', 'Previous match (Shift+Enter)', () => this.nextHit(-1)),
      this.button('arrow-down', 'Next match (Enter)', () => this.nextHit(1)),
      this.searchCount,
      h('span', { class: 'sep' }),
      this.stalenessButton,
      this.button('file-media', 'Export as PNG', () => this.exportView('png'), 'export-png'),
      this.button('file-code', 'Export as SVG', () => this.exportView('svg'), 'export-svg'),
      this.statusEl,
    );
  }

  private modeButton!: HTMLElement;

  setMode(mode: TimeMode): void {
    if (!this.layout) {
      this.mode = mode;
      return;
    }
    // Keep the same events in view across the switch.
    const leftEvent = this.layout.lowerBound(posAt(this.view, GUTTER));
    const rightEvent = Math.max(leftEvent, this.layout.upperBound(posAt(this.view, this.view.width)) - 1);
    this.mode = mode;
    this.layout.mode = mode;
    this.layout.compute();
    this.minimapData?.compute(this.minimap.clientWidth);
    if (mode === 'compressed') this.modeButton.setAttribute('checked', '');
    else this.modeButton.removeAttribute('checked');
    const n = this.layout.model.length;
    if (n > 0) {
      const a = this.layout.pos[Math.min(leftEvent, n - 1)]!;
      const b = this.layout.pos[Math.min(rightEvent, n - 1)]!;
      this.view = b > a ? fitView(this.view, a, b) : fitView(this.view, this.layout.min, this.layout.max);
    }
    this.invalidateAll();
  }

  private checkbox(
    label: string,
    checked: boolean,
    onChange: (checked: boolean) => void,
    cls = '',
  ): HTMLElement {
    const cb = h('vscode-checkbox', { label, checked, class: cls });
    cb.addEventListener('change', () => onChange((cb as unknown as { checked: boolean }).checked));
    return cb;
  }

  /** Rebuild the filter controls from what the trace contains. */
  private refreshFilters(): void {
    const model = this.model;
    if (!model) return;
    clear(this.filterBox);
    const t = model.trace;
    const nodes = h('fieldset', { class: 'filter-group' }, h('legend', {}, 'Lanes'));
    for (const a of t.actors) {
      nodes.append(
        this.checkbox(
          a.id === '$network' ? 'network' : a.id,
          !this.filters.hiddenActors.includes(a.id),
          (on) => {
            this.filters.hiddenActors = on
              ? this.filters.hiddenActors.filter((x) => x !== a.id)
              : [...this.filters.hiddenActors, a.id];
            this.applyFilters();
          },
          `filter-actor filter-actor-${a.id}`,
        ),
      );
    }
    const types = h('fieldset', { class: 'filter-group' }, h('legend', {}, 'Message types'));
    model.types.forEach((name, i) => {
      types.append(
        this.checkbox(
          `${name} (${model.typeCount[i]})`,
          !this.filters.hiddenTypes.includes(name),
          (on) => {
            this.filters.hiddenTypes = on
              ? this.filters.hiddenTypes.filter((x) => x !== name)
              : [...this.filters.hiddenTypes, name];
            this.applyFilters();
          },
          `filter-type filter-type-${name}`,
        ),
      );
    });
    const key = h('vscode-single-select', { 'aria-label': 'Data key', class: 'filter-key' });
    if (!model.keysKnown) {
      key.setAttribute('disabled', '');
      const why = this.detailsProblem
        ? 'no keys: the details could not be read'
        : 'keys load with the details…';
      key.append(h('vscode-option', { value: '', selected: true }, why));
    } else {
      key.append(h('vscode-option', { value: '', selected: this.filters.key === '' }, 'all keys'));
      for (const k of model.keys)
        key.append(h('vscode-option', { value: k, selected: this.filters.key === k }, k));
    }
    key.addEventListener('change', () => {
      this.filters.key = (key as unknown as { value: string }).value;
      this.applyFilters();
    });
    const other = h(
      'fieldset',
      { class: 'filter-group' },
      h('legend', {}, 'Show'),
      h('label', { class: 'key-label' }, 'Key ', key),
      this.checkbox(
        'Only events in anomalies',
        this.filters.anomaliesOnly,
        (on) => {
          this.filters.anomaliesOnly = on;
          this.applyFilters();
        },
        'filter-anomalies',
      ),
      this.checkbox(
        `Collapse periodic traffic${model.periodicTypes.size ? ` (${[...model.periodicTypes].map((i) => model.types[i]).join(', ')})` : ''}`,
        this.filters.collapsePeriodic,
        (on) => {
          this.filters.collapsePeriodic = on;
          this.applyFilters();
        },
        'filter-collapse',
      ),
    );
    this.filterBox.append(nodes, types, other);
  }

  applyFilters(): void {
    if (!this.layout) return;
    this.layout.filters = this.layoutFilters();
    this.layout.compute();
    this.minimapData?.compute(this.minimap.clientWidth);
    if (this.mode === 'compressed') this.view = fitView(this.view, this.layout.min, this.layout.max);
    this.invalidateAll();
  }

  // ---------------------------------------------------------------------------------------------
  // Search and navigation

  private searchQuery = '';
  private searchHitList: number[] = [];

  private searchValue(): string {
    return String((this.searchField as unknown as { value?: string }).value ?? '');
  }

  runSearch(query: string): void {
    this.searchQuery = query;
    const model = this.model;
    const q = query.trim().toLowerCase();
    if (!model || q === '') {
      this.hl.searchHits = null;
      this.searchHitList = [];
      this.searchCount.textContent = '';
      this.requestRender();
      this.scheduleSave();
      return;
    }
    const n = model.length;
    const hits = new Uint8Array(n);
    const list: number[] = [];
    const exactId = /^#?(\d+)$/.exec(q);
    if (this.pendingHead && !exactId) {
      // Searching payloads, keys and values needs the details: search again when they are in.
      this.hl.searchHits = null;
      this.searchHitList = [];
      this.searchCount.textContent = 'searching when the details are loaded…';
      this.requestRender();
      this.scheduleSave();
      return;
    }
    for (let i = 0; i < n; i++) {
      const match = exactId ? i === Number(exactId[1]) : searchText(model, i).includes(q);
      if (match) {
        hits[i] = 1;
        list.push(i);
      }
    }
    this.hl.searchHits = hits;
    this.searchHitList = list;
    this.searchCount.textContent =
      list.length === 0 ? 'no match' : `${list.length} match${list.length === 1 ? '' : 'es'}`;
    this.requestRender();
    this.scheduleSave();
  }

  nextHit(dir: 1 | -1): void {
    const list = this.searchHitList.filter((e) => this.layout?.vis[e] !== 0);
    if (list.length === 0) return;
    const from = this.hl.focus !== NONE ? this.hl.focus : this.hl.selected;
    let next: number;
    if (dir > 0) next = list.find((e) => e > from) ?? list[0]!;
    else next = [...list].reverse().find((e) => e < from) ?? list[list.length - 1]!;
    this.select(next, false, false);
    this.setFocus(next);
  }

  nextAnomaly(dir: 1 | -1): void {
    const model = this.model;
    if (!model || model.anomalyEvents.length === 0) {
      this.announceText('No anomalies in this run.');
      return;
    }
    const list = model.anomalyEvents;
    const from = this.hl.selected;
    const next =
      dir > 0
        ? (list.find((e) => e > from) ?? list[0]!)
        : ([...list].reverse().find((e) => e < from) ?? list[list.length - 1]!);
    const anomaly = model.anomaliesAt.get(next)![0]!;
    this.showAnomaly(anomaly);
  }

  showAnomaly(a: Anomaly): void {
    this.select(a.event, false, false);
    this.hl.anomaly = a;
    this.setFocus(a.event);
    this.sideTab = 0;
    this.sideTabs.setAttribute('selected-index', '0');
    (this.sideTabs as unknown as { selectedIndex: number }).selectedIndex = 0;
    this.announceText(`Anomaly ${a.kind} at event ${a.event}: ${a.explain}`);
    this.invalidateAll();
  }

  /** Select an event (or the second of a pair); `jump` also moves the debugger there. */
  select(event: number, second: boolean, jump: boolean): void {
    if (!this.model) return;
    if (second) {
      if (this.hl.selected === NONE) this.hl.selected = event;
      else this.hl.second = event === this.hl.selected ? NONE : event;
    } else {
      this.hl.selected = event;
      this.hl.second = NONE;
      const anomalies = event === NONE ? undefined : this.model.anomaliesAt.get(event);
      this.hl.anomaly = anomalies ? anomalies[0]! : null;
    }
    if (event !== NONE) {
      this.scrollIntoView(event);
      if (jump) this.post({ type: 'jumpTo', event });
    }
    if (this.hl.current === NONE) this.updateDerived();
    this.invalidateAll();
  }

  setFocus(event: number): void {
    this.hl.focus = event;
    if (event !== NONE) {
      this.scrollIntoView(event);
      this.diagram.setAttribute('aria-activedescendant', `a11y-${event}`);
      this.announceText(eventLabel(this.model!, event));
    }
    this.updateA11yList();
    this.requestRender();
  }

  /** Bring an event into view: horizontally (centre it if outside a margin) and its lane vertically. */
  scrollIntoView(event: number, center = false): void {
    const layout = this.layout;
    if (!layout || event < 0 || event >= layout.model.length) return;
    const x = xOf(this.view, layout.pos[event]!);
    const margin = Math.min(80, plotWidth(this.view) / 4);
    if (center || x < GUTTER + margin || x > this.view.width - margin) {
      this.view = { ...this.view, start: layout.pos[event]! - plotWidth(this.view) / 2 / this.view.scale };
    }
    const row = layout.laneOf[layout.model.trace.actorOf(event)]!;
    if (row !== NONE) {
      const y = laneY(this.view, row);
      if (y < AXIS + LANE_H / 2) this.view.scrollY = Math.max(0, row * LANE_H);
      else if (y > this.view.height - LANE_H / 2)
        this.view.scrollY = Math.max(0, (row + 1) * LANE_H - (this.view.height - AXIS));
    }
    this.requestRender();
    this.scheduleSave();
  }

  zoom(factor: number, x = GUTTER + plotWidth(this.view) / 2): void {
    const [min, max] = this.scaleLimits();
    this.view = zoomAt(this.view, x, factor, min, max);
    this.requestRender();
    this.scheduleSave();
  }

  fit(): void {
    if (!this.layout) return;
    this.view = fitView(this.view, this.layout.min, this.layout.max);
    this.view.scrollY = 0;
    this.requestRender();
    this.scheduleSave();
  }

  pan(dx: number, dy = 0): void {
    const maxScroll = Math.max(0, (this.layout?.lanes.length ?? 0) * LANE_H - (this.view.height - AXIS));
    this.view = {
      ...this.view,
      start: this.view.start - dx / this.view.scale,
      scrollY: Math.min(maxScroll, Math.max(0, this.view.scrollY - dy)),
    };
    this.requestRender();
    this.scheduleSave();
  }

  private scaleLimits(): [number, number] {
    const span = this.layout ? this.layout.max - this.layout.min : 1;
    const w = plotWidth(this.view);
    const min = w / (span * 4 || 1);
    const max = this.mode === 'compressed' ? 80 : 5e4;
    return [Math.min(min, max), max];
  }

  // ---------------------------------------------------------------------------------------------
  // Input

  private bindInput(): void {
    const c = this.diagram;
    let drag: { x: number; y: number; moved: boolean; shift: boolean } | null = null;
    c.addEventListener('pointerdown', (e) => {
      if (e.button !== 0) return;
      c.setPointerCapture(e.pointerId);
      drag = { x: e.clientX, y: e.clientY, moved: false, shift: e.shiftKey };
      c.focus();
    });
    c.addEventListener('pointermove', (e) => {
      const r = this.canvas.getBoundingClientRect();
      if (drag) {
        const dx = e.clientX - drag.x;
        const dy = e.clientY - drag.y;
        if (drag.moved || Math.abs(dx) + Math.abs(dy) > 3) {
          drag.moved = true;
          drag.x = e.clientX;
          drag.y = e.clientY;
          this.pan(dx, dy);
          c.classList.add('dragging');
        }
        return;
      }
      if (!this.layout) return;
      const hover = pickEvent(this.layout, this.view, e.clientX - r.left, e.clientY - r.top);
      if (hover !== this.hl.hover) {
        this.hl.hover = hover;
        this.showTooltip(hover, e.clientX - r.left, e.clientY - r.top);
        this.requestRender();
      }
    });
    c.addEventListener('pointerup', (e) => {
      const d = drag;
      drag = null;
      c.classList.remove('dragging');
      if (!d || d.moved || !this.layout) return;
      const r = this.canvas.getBoundingClientRect();
      const ev = pickEvent(this.layout, this.view, e.clientX - r.left, e.clientY - r.top);
      if (ev === NONE) {
        if (!e.shiftKey) this.select(NONE, false, false);
        return;
      }
      this.select(ev, e.shiftKey, !e.shiftKey);
      this.setFocus(ev);
    });
    c.addEventListener('pointerleave', () => {
      this.hl.hover = NONE;
      this.tooltip.hidden = true;
      this.requestRender();
    });
    c.addEventListener(
      'wheel',
      (e) => {
        e.preventDefault();
        const r = this.canvas.getBoundingClientRect();
        const dx = e.deltaMode === 1 ? e.deltaX * 16 : e.deltaX;
        const dy = e.deltaMode === 1 ? e.deltaY * 16 : e.deltaY;
        if (e.altKey) this.pan(0, -dy);
        else if (e.shiftKey) this.pan(-dy - dx);
        else if (Math.abs(dx) > Math.abs(dy)) this.pan(-dx);
        else this.zoom(Math.exp(-dy * 0.002), e.clientX - r.left);
      },
      { passive: false },
    );
    c.addEventListener('keydown', (e) => this.onKey(e));
    // Minimap: click or drag moves the view there.
    let mapDrag = false;
    const moveTo = (clientX: number): void => {
      if (!this.minimapData) return;
      const r = this.minimap.getBoundingClientRect();
      const p = this.minimapData.posAt(clientX - r.left);
      this.view = { ...this.view, start: p - plotWidth(this.view) / 2 / this.view.scale };
      this.requestRender();
      this.scheduleSave();
    };
    this.minimap.addEventListener('pointerdown', (e) => {
      mapDrag = true;
      this.minimap.setPointerCapture(e.pointerId);
      moveTo(e.clientX);
    });
    this.minimap.addEventListener('pointermove', (e) => {
      if (mapDrag) moveTo(e.clientX);
    });
    this.minimap.addEventListener('pointerup', () => {
      mapDrag = false;
    });
    this.minimap.addEventListener('keydown', (e) => {
      if (e.key === 'ArrowLeft') this.pan(plotWidth(this.view) / 2);
      else if (e.key === 'ArrowRight') this.pan(-plotWidth(this.view) / 2);
      else return;
      e.preventDefault();
    });
  }

  private showTooltip(e: number, x: number, y: number): void {
    if (e === NONE || !this.model) {
      this.tooltip.hidden = true;
      return;
    }
    this.tooltip.textContent = eventLabel(this.model, e);
    this.tooltip.hidden = false;
    const w = this.diagram.clientWidth;
    this.tooltip.style.left = `${Math.min(x + 12, Math.max(0, w - 320))}px`;
    this.tooltip.style.top = `${y + 16}px`;
  }

  /** The shown event next to `from` on the same lane in direction `dir`. */
  private neighbour(from: number, dir: 1 | -1): number {
    const layout = this.layout!;
    const t = layout.model.trace;
    const actor = t.actorOf(from);
    const seq = t.seq(from) - 1;
    for (let k = seq + dir; k >= 0 && k < t.actorEventCount(actor); k += dir) {
      const e = t.actorEvent(actor, k);
      if (layout.vis[e] === VIS_SHOWN) return e;
    }
    return NONE;
  }

  /** The shown event on lane `row` nearest in position to `from`. */
  private nearestOnLane(row: number, from: number): number {
    const layout = this.layout!;
    const t = layout.model.trace;
    const actor = layout.lanes[row]!.actor;
    const count = t.actorEventCount(actor);
    if (count === 0) return NONE;
    const p = layout.pos[from]!;
    let lo = 0;
    let hi = count;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (layout.pos[t.actorEvent(actor, mid)]! < p) lo = mid + 1;
      else hi = mid;
    }
    let best = NONE;
    let bestD = Infinity;
    for (let k = Math.max(0, lo - 64); k < Math.min(count, lo + 64); k++) {
      const e = t.actorEvent(actor, k);
      if (layout.vis[e] !== VIS_SHOWN) continue;
      const d = Math.abs(layout.pos[e]! - p);
      if (d < bestD) {
        bestD = d;
        best = e;
      }
    }
    return best;
  }

  private firstShown(): number {
    const layout = this.layout!;
    const lo = layout.lowerBound(posAt(this.view, GUTTER));
    for (let i = lo; i < layout.model.length; i++) if (layout.vis[i] === VIS_SHOWN) return i;
    for (let i = 0; i < layout.model.length; i++) if (layout.vis[i] === VIS_SHOWN) return i;
    return NONE;
  }

  private onKey(e: KeyboardEvent): void {
    if (!this.layout) return;
    const focus = this.hl.focus !== NONE ? this.hl.focus : this.hl.selected;
    const step = plotWidth(this.view) / 8;
    let handled = true;
    switch (e.key) {
      case 'ArrowRight':
      case 'ArrowLeft': {
        const dir = e.key === 'ArrowRight' ? 1 : -1;
        if (e.shiftKey) this.pan(-dir * step);
        else if (focus === NONE) this.setFocus(this.firstShown());
        else {
          const next = this.neighbour(focus, dir);
          if (next !== NONE) this.setFocus(next);
        }
        break;
      }
      case 'ArrowUp':
      case 'ArrowDown': {
        const dir = e.key === 'ArrowDown' ? 1 : -1;
        if (focus === NONE) {
          this.setFocus(this.firstShown());
          break;
        }
        let row = this.layout.laneOf[this.layout.model.trace.actorOf(focus)]! + dir;
        while (row >= 0 && row < this.layout.lanes.length) {
          const next = this.nearestOnLane(row, focus);
          if (next !== NONE) {
            this.setFocus(next);
            break;
          }
          row += dir;
        }
        break;
      }
      case 'Enter':
      case ' ':
        if (focus !== NONE) this.select(focus, e.shiftKey, !e.shiftKey && e.key === 'Enter');
        break;
      case 'Escape':
        this.select(NONE, false, false);
        break;
      case '+':
      case '=':
        this.zoom(1.6);
        break;
      case '-':
      case '_':
        this.zoom(1 / 1.6);
        break;
      case '0':
        this.fit();
        break;
      case 'a':
        this.pan(step);
        break;
      case 'd':
        this.pan(-step);
        break;
      case 'w':
        this.zoom(1.25);
        break;
      case 's':
        this.zoom(1 / 1.25);
        break;
      case 'PageUp':
        this.pan(0, this.view.height / 2);
        break;
      case 'PageDown':
        this.pan(0, -this.view.height / 2);
        break;
      case 'Home':
        this.setFocus(this.neighbourFromEdge(1));
        break;
      case 'End':
        this.setFocus(this.neighbourFromEdge(-1));
        break;
      case 'n':
      case 'N':
        this.nextAnomaly(e.shiftKey ? -1 : 1);
        break;
      case 'c':
        this.setMode(this.mode === 'time' ? 'compressed' : 'time');
        break;
      case '/':
        (this.searchField as unknown as HTMLElement).focus();
        break;
      default:
        handled = false;
    }
    if (handled) e.preventDefault();
  }

  private neighbourFromEdge(dir: 1 | -1): number {
    const layout = this.layout!;
    const n = layout.model.length;
    for (let k = 0; k < n; k++) {
      const i = dir > 0 ? k : n - 1 - k;
      if (layout.vis[i] === VIS_SHOWN) return i;
    }
    return NONE;
  }

  // ---------------------------------------------------------------------------------------------
  // Drawing

  private resize(): void {
    const dpr = window.devicePixelRatio || 1;
    const w = Math.max(200, this.diagram.clientWidth);
    const hgt = Math.max(120, this.diagram.clientHeight);
    this.canvas.width = Math.round(w * dpr);
    this.canvas.height = Math.round(hgt * dpr);
    this.canvas.style.width = `${w}px`;
    this.canvas.style.height = `${hgt}px`;
    const oldPlot = plotWidth(this.view);
    this.view = { ...this.view, width: w, height: hgt };
    // Keep the same span in view when the panel is resized.
    if (this.layout && oldPlot > 1) this.view.scale *= plotWidth(this.view) / oldPlot;
    const mw = Math.max(100, this.minimap.clientWidth);
    this.minimap.width = Math.round(mw * dpr);
    this.minimap.height = Math.round(MINIMAP_H * dpr);
    this.minimapData?.compute(mw);
    this.requestRender();
  }

  private invalidateAll(): void {
    this.panelsDirty = true;
    this.updateA11yList();
    this.requestRender();
    this.scheduleSave();
  }

  requestRender(): void {
    if (this.frameRequested) return;
    this.frameRequested = true;
    requestAnimationFrame(() => {
      this.frameRequested = false;
      this.renderNow();
    });
  }

  renderNow(): void {
    const ctx = this.canvas.getContext('2d');
    if (!ctx) return;
    const started = performance.now();
    const dpr = this.canvas.width / Math.max(1, this.view.width);
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    if (!this.layout) {
      ctx.fillStyle = this.palette.background;
      ctx.fillRect(0, 0, this.view.width, this.view.height);
      ctx.fillStyle = this.palette.muted;
      ctx.font = `13px ${this.palette.font}`;
      ctx.fillText('Waiting for a trace…', 20, 40);
    } else {
      this.lastStats = renderTimeline(ctx, this.layout, this.view, this.hl, this.palette);
      const mctx = this.minimap.getContext('2d');
      if (mctx && this.minimapData) {
        const mdpr = this.minimap.width / Math.max(1, this.minimapData.width);
        mctx.setTransform(mdpr, 0, 0, mdpr, 0, 0);
        renderMinimap(
          mctx,
          this.minimapData,
          MINIMAP_H,
          posAt(this.view, GUTTER),
          posAt(this.view, this.view.width),
          this.hl.current,
          this.palette,
        );
      }
      // Touch the DOM only when the text changes: a text change costs a style and layout pass.
      const status = `${this.layout.model.length.toLocaleString('en')} events · ${this.lastStats.inView.toLocaleString('en')} in view${this.lastStats.aggregated ? ' (aggregated)' : ''}${this.pendingHead ? ` · loading details…${this.detailsProgress()}` : ''}`;
      if (this.statusEl.textContent !== status) this.statusEl.textContent = status;
    }
    const drawn = performance.now();
    if (this.panelsDirty) {
      this.panelsDirty = false;
      this.renderPanels();
    }
    if (this.pendingLoadMark) {
      this.pendingLoadMark = false;
      performance.measure('timeline:first-frame', { start: started, end: drawn });
      performance.measure('timeline:panels', { start: drawn, end: performance.now() });
    }
    this.lastFrameMs = performance.now() - started;
    this.frames++;
  }

  private actions: PanelActions = {
    select: (e) => {
      this.select(e, false, false);
      this.setFocus(e);
    },
    jumpTo: (e) => this.post({ type: 'jumpTo', event: e }),
    showAnomaly: (a) => this.showAnomaly(a),
  };

  private renderPanels(): void {
    const model = this.model;
    if (!model || !this.replay) return;
    const [ev, state, anomalies] = this.sidePanels as [HTMLElement, HTMLElement, HTMLElement];
    clear(ev);
    const note = this.detailsNote();
    ev.append(renderEventDetails(model, this.hl.selected, this.hl.second, this.actions));
    if (note && this.hl.selected !== NONE) ev.prepend(note.cloneNode(true));
    // Only the visible tab pays for the state reconstruction.
    clear(state);
    if (note) state.append(note);
    else if (this.sideTab === 1) {
      const at =
        this.hl.selected !== NONE
          ? this.hl.selected
          : this.hl.current !== NONE
            ? this.hl.current
            : model.length - 1;
      state.append(renderState(model, this.replay, at));
    }
    clear(anomalies);
    if (this.sideTab === 2) anomalies.append(renderAnomalies(model, this.actions));
    const headers = this.sideTabs.querySelectorAll('vscode-tab-header');
    const count = model.anomalyEvents.length;
    if (headers[2])
      headers[2].textContent = count ? `Anomalies (${model.trace.anomalies.length})` : 'Anomalies';
  }

  /** What the panels say while the details are loading, or when they could not be read. */
  private detailsNote(): HTMLElement | null {
    if (this.pendingHead)
      return h(
        'p',
        { class: 'details-status', role: 'status' },
        h('span', { class: 'codicon codicon-loading codicon-modifier-spin', 'aria-hidden': 'true' }),
        ' Loading details… payloads, operations and values appear when they have arrived.',
      );
    if (this.detailsProblem)
      return h(
        'p',
        { class: 'details-status error', role: 'status' },
        `No details: ${this.detailsProblem}. The timeline shows the events and messages without payloads, operations or values.`,
      );
    return null;
  }

  /** The offscreen list screen readers read: the events around the focused one. */
  private updateA11yList(): void {
    clear(this.a11yList);
    const model = this.model;
    const layout = this.layout;
    if (!model || !layout) return;
    const focus =
      this.hl.focus !== NONE ? this.hl.focus : this.hl.selected !== NONE ? this.hl.selected : this.hl.current;
    const centre = focus === NONE ? this.firstShown() : focus;
    if (centre === NONE) return;
    const items: number[] = [];
    for (let i = centre; i >= 0 && items.length < A11Y_WINDOW; i--)
      if (layout.vis[i] === VIS_SHOWN) items.unshift(i);
    for (let i = centre + 1; i < model.length && items.length < 2 * A11Y_WINDOW; i++)
      if (layout.vis[i] === VIS_SHOWN) items.push(i);
    for (const i of items) {
      const li = h(
        'li',
        { role: 'option', id: `a11y-${i}`, 'aria-selected': i === this.hl.selected ? 'true' : 'false' },
        eventLabel(model, i) + (i === this.hl.current ? ' (debugger is here)' : ''),
      );
      li.addEventListener('click', () => this.actions.select(i));
      this.a11yList.append(li);
    }
  }

  private announceText(text: string): void {
    this.announce.textContent = text;
  }

  /** Where an event is drawn (CSS pixels in the diagram), or undefined when hidden or off screen. */
  eventPoint(event: number): { x: number; y: number } | undefined {
    const layout = this.layout;
    if (!layout || event < 0 || event >= layout.model.length || layout.vis[event] !== VIS_SHOWN)
      return undefined;
    const row = layout.laneOf[layout.model.trace.actorOf(event)]!;
    if (row === NONE) return undefined;
    const x = xOf(this.view, layout.pos[event]!);
    const y = laneY(this.view, row);
    if (x < GUTTER || x > this.view.width || y < AXIS || y > this.view.height) return undefined;
    return { x, y };
  }

  // ---------------------------------------------------------------------------------------------
  // Export and state

  exportView(format: ExportFormat): void {
    const name = `${(this.title || 'timeline').replace(/[^\w.-]+/g, '-').replace(/^-+|-+$/g, '') || 'timeline'}.timeline.${format}`;
    let data: string;
    if (format === 'svg') {
      if (this.layout) {
        const svg = new SvgPainter(this.view.width, this.view.height);
        renderTimeline(svg, this.layout, this.view, this.hl, this.palette);
        data = svg.toString();
      } else if (this.sweep) {
        data = new XMLSerializer().serializeToString(stalenessPlot(this.sweep));
      } else return;
    } else {
      const scale = 2;
      const c = document.createElement('canvas');
      c.width = this.view.width * scale;
      c.height = this.view.height * scale;
      const ctx = c.getContext('2d');
      if (!ctx || !this.layout) return;
      ctx.scale(scale, scale);
      renderTimeline(ctx, this.layout, this.view, this.hl, this.palette);
      data = c.toDataURL('image/png').replace(/^data:image\/png;base64,/, '');
    }
    this.post({ type: 'exportResult', format, data, suggestedName: name });
    this.announceText(`Exported the view as ${format.toUpperCase()}.`);
  }

  private savedState(): SavedState {
    const s: SavedState = {
      traceKey: this.saved?.traceKey ?? '',
      mode: this.mode,
      filters: this.filters,
      view: this.layout
        ? { start: this.view.start, scale: this.view.scale, scrollY: this.view.scrollY }
        : null,
      selected: this.hl.selected,
      second: this.hl.second,
      search: this.searchQuery,
      sideTab: this.sideTab,
    };
    if (this.stalenessSaved) s.sweep = this.stalenessSaved;
    return s;
  }

  private scheduleSave(): void {
    clearTimeout(this.saveTimer);
    this.saveTimer = setTimeout(() => {
      this.saved = this.savedState();
      this.api.setState(this.saved);
    }, 100);
  }
}

function traceKey(file: {
  scenario: { title: string; file?: string; seed: number };
  actors: { id: string }[];
}): string {
  return `${file.scenario.file ?? ''}|${file.scenario.title}|${file.scenario.seed}|${file.actors.map((a) => a.id).join(',')}`;
}

function isSavedState(s: unknown): boolean {
  if (typeof s !== 'object' || s === null) return false;
  const o = s as Record<string, unknown>;
  return (
    (o.mode === 'time' || o.mode === 'compressed') && typeof o.filters === 'object' && o.filters !== null
  );
}
