// The subset of the canvas 2D API the timeline draws with. The screen uses a real canvas; SVG export
// replays the same drawing into SvgPainter, so the exported picture is exactly what is on screen.

type Style = string | CanvasGradient | CanvasPattern;

export interface Painter {
  fillStyle: Style;
  strokeStyle: Style;
  lineWidth: number;
  globalAlpha: number;
  font: string;
  textAlign: CanvasTextAlign;
  textBaseline: CanvasTextBaseline;
  save(): void;
  restore(): void;
  setLineDash(segments: number[]): void;
  beginPath(): void;
  closePath(): void;
  moveTo(x: number, y: number): void;
  lineTo(x: number, y: number): void;
  rect(x: number, y: number, w: number, h: number): void;
  arc(x: number, y: number, r: number, start: number, end: number): void;
  fill(): void;
  stroke(): void;
  fillRect(x: number, y: number, w: number, h: number): void;
  strokeRect(x: number, y: number, w: number, h: number): void;
  clearRect(x: number, y: number, w: number, h: number): void;
  fillText(text: string, x: number, y: number, maxWidth?: number): void;
  measureText(text: string): { width: number };
  clip(): void;
}

const esc = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const n = (v: number): string => (Number.isInteger(v) ? String(v) : v.toFixed(2));

interface SvgState {
  fillStyle: string;
  strokeStyle: string;
  lineWidth: number;
  globalAlpha: number;
  font: string;
  textAlign: CanvasTextAlign;
  textBaseline: CanvasTextBaseline;
  dash: number[];
  clipId: string | undefined;
}

/** Records drawing as SVG elements. Text width is estimated (no layout engine). */
export class SvgPainter implements Painter {
  private parts: string[] = [];
  private path = '';
  private stack: SvgState[] = [];
  private st: SvgState = {
    fillStyle: '#000',
    strokeStyle: '#000',
    lineWidth: 1,
    globalAlpha: 1,
    font: '12px sans-serif',
    textAlign: 'start',
    textBaseline: 'alphabetic',
    dash: [],
    clipId: undefined,
  };
  private clips = 0;
  private openGroups = 0;

  constructor(
    readonly width: number,
    readonly height: number,
  ) {}

  // Only flat colours are used; gradients and patterns have no SVG form here.
  get fillStyle(): string {
    return this.st.fillStyle;
  }
  set fillStyle(v: Style) {
    this.st.fillStyle = typeof v === 'string' ? v : '#000';
  }
  get strokeStyle(): string {
    return this.st.strokeStyle;
  }
  set strokeStyle(v: Style) {
    this.st.strokeStyle = typeof v === 'string' ? v : '#000';
  }
  get lineWidth(): number {
    return this.st.lineWidth;
  }
  set lineWidth(v: number) {
    this.st.lineWidth = v;
  }
  get globalAlpha(): number {
    return this.st.globalAlpha;
  }
  set globalAlpha(v: number) {
    this.st.globalAlpha = v;
  }
  get font(): string {
    return this.st.font;
  }
  set font(v: string) {
    this.st.font = v;
  }
  get textAlign(): CanvasTextAlign {
    return this.st.textAlign;
  }
  set textAlign(v: CanvasTextAlign) {
    this.st.textAlign = v;
  }
  get textBaseline(): CanvasTextBaseline {
    return this.st.textBaseline;
  }
  set textBaseline(v: CanvasTextBaseline) {
    this.st.textBaseline = v;
  }

  save(): void {
    this.stack.push({ ...this.st, dash: [...this.st.dash] });
  }
  restore(): void {
    const s = this.stack.pop();
    if (!s) return;
    // A clip set since the matching save() closes its group.
    if (this.st.clipId !== s.clipId && this.openGroups > 0) {
      this.parts.push('</g>');
      this.openGroups--;
    }
    this.st = s;
  }
  setLineDash(segments: number[]): void {
    this.st.dash = [...segments];
  }
  beginPath(): void {
    this.path = '';
  }
  closePath(): void {
    this.path += 'Z';
  }
  moveTo(x: number, y: number): void {
    this.path += `M${n(x)} ${n(y)}`;
  }
  lineTo(x: number, y: number): void {
    this.path += `L${n(x)} ${n(y)}`;
  }
  rect(x: number, y: number, w: number, h: number): void {
    this.path += `M${n(x)} ${n(y)}h${n(w)}v${n(h)}h${n(-w)}Z`;
  }
  arc(x: number, y: number, r: number, start: number, end: number): void {
    if (end - start >= Math.PI * 2 - 1e-6) {
      this.path += `M${n(x - r)} ${n(y)}a${n(r)} ${n(r)} 0 1 0 ${n(2 * r)} 0a${n(r)} ${n(r)} 0 1 0 ${n(-2 * r)} 0`;
      return;
    }
    const sx = x + r * Math.cos(start);
    const sy = y + r * Math.sin(start);
    const ex = x + r * Math.cos(end);
    const ey = y + r * Math.sin(end);
    const large = end - start > Math.PI ? 1 : 0;
    this.path += `${this.path === '' ? 'M' : 'L'}${n(sx)} ${n(sy)}A${n(r)} ${n(r)} 0 ${large} 1 ${n(ex)} ${n(ey)}`;
  }
  private alpha(): string {
    return this.st.globalAlpha < 1 ? ` opacity="${n(this.st.globalAlpha)}"` : '';
  }
  fill(): void {
    if (this.path)
      this.parts.push(`<path d="${this.path}" fill="${esc(this.st.fillStyle)}"${this.alpha()}/>`);
  }
  stroke(): void {
    if (!this.path) return;
    const dash = this.st.dash.length ? ` stroke-dasharray="${this.st.dash.join(' ')}"` : '';
    this.parts.push(
      `<path d="${this.path}" fill="none" stroke="${esc(this.st.strokeStyle)}" stroke-width="${n(this.st.lineWidth)}"${dash}${this.alpha()}/>`,
    );
  }
  fillRect(x: number, y: number, w: number, h: number): void {
    this.parts.push(
      `<rect x="${n(x)}" y="${n(y)}" width="${n(w)}" height="${n(h)}" fill="${esc(this.st.fillStyle)}"${this.alpha()}/>`,
    );
  }
  strokeRect(x: number, y: number, w: number, h: number): void {
    this.parts.push(
      `<rect x="${n(x)}" y="${n(y)}" width="${n(w)}" height="${n(h)}" fill="none" stroke="${esc(this.st.strokeStyle)}" stroke-width="${n(this.st.lineWidth)}"${this.alpha()}/>`,
    );
  }
  clearRect(): void {
    // Nothing to clear: the SVG starts empty.
  }
  fillText(text: string, x: number, y: number): void {
    const anchor =
      this.st.textAlign === 'center'
        ? 'middle'
        : this.st.textAlign === 'right' || this.st.textAlign === 'end'
          ? 'end'
          : 'start';
    const baseline =
      this.st.textBaseline === 'middle'
        ? 'central'
        : this.st.textBaseline === 'top'
          ? 'hanging'
          : 'alphabetic';
    this.parts.push(
      `<text x="${n(x)}" y="${n(y)}" fill="${esc(this.st.fillStyle)}" style="font:${esc(this.st.font)}" text-anchor="${anchor}" dominant-baseline="${baseline}"${this.alpha()}>${esc(text)}</text>`,
    );
  }
  measureText(text: string): { width: number } {
    const size = Number(/(\d+(?:\.\d+)?)px/.exec(this.st.font)?.[1] ?? 12);
    return { width: text.length * size * 0.6 };
  }
  clip(): void {
    const id = `clip${this.clips++}`;
    this.parts.push(`<clipPath id="${id}"><path d="${this.path}"/></clipPath><g clip-path="url(#${id})">`);
    this.openGroups++;
    this.st.clipId = id;
  }

  toString(): string {
    const close = '</g>'.repeat(this.openGroups);
    return `<svg xmlns="http://www.w3.org/2000/svg" width="${this.width}" height="${this.height}" viewBox="0 0 ${this.width} ${this.height}">${this.parts.join('')}${close}</svg>`;
  }
}
