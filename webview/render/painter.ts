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

/** The drawing state save() and restore() keep, as on a canvas. */
type SvgState = Pick<
  Painter,
  'fillStyle' | 'strokeStyle' | 'lineWidth' | 'globalAlpha' | 'font' | 'textAlign' | 'textBaseline'
> & { dash: number[]; clipId: string | undefined };

/** Only flat colours are used; gradients and patterns have no SVG form here. */
const flat = (v: Style): string => (typeof v === 'string' ? v : '#000');

/** Records drawing as SVG elements. Text width is estimated (no layout engine). */
export class SvgPainter implements Painter {
  fillStyle: Style = '#000';
  strokeStyle: Style = '#000';
  lineWidth = 1;
  globalAlpha = 1;
  font = '12px sans-serif';
  textAlign: CanvasTextAlign = 'start';
  textBaseline: CanvasTextBaseline = 'alphabetic';
  private dash: number[] = [];
  private clipId: string | undefined;
  private parts: string[] = [];
  private path = '';
  private stack: SvgState[] = [];
  private clips = 0;
  private openGroups = 0;

  constructor(
    readonly width: number,
    readonly height: number,
  ) {}

  private state(): SvgState {
    const { fillStyle, strokeStyle, lineWidth, globalAlpha, font, textAlign, textBaseline, clipId } = this;
    return {
      fillStyle,
      strokeStyle,
      lineWidth,
      globalAlpha,
      font,
      textAlign,
      textBaseline,
      dash: [...this.dash],
      clipId,
    };
  }

  save(): void {
    this.stack.push(this.state());
  }
  restore(): void {
    const s = this.stack.pop();
    if (!s) return;
    // A clip set since the matching save() closes its group.
    if (this.clipId !== s.clipId && this.openGroups > 0) {
      this.parts.push('</g>');
      this.openGroups--;
    }
    Object.assign(this, s);
  }
  setLineDash(segments: number[]): void {
    this.dash = [...segments];
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
    return this.globalAlpha < 1 ? ` opacity="${n(this.globalAlpha)}"` : '';
  }
  fill(): void {
    if (this.path)
      this.parts.push(`<path d="${this.path}" fill="${esc(flat(this.fillStyle))}"${this.alpha()}/>`);
  }
  stroke(): void {
    if (!this.path) return;
    const dash = this.dash.length ? ` stroke-dasharray="${this.dash.join(' ')}"` : '';
    this.parts.push(
      `<path d="${this.path}" fill="none" stroke="${esc(flat(this.strokeStyle))}" stroke-width="${n(this.lineWidth)}"${dash}${this.alpha()}/>`,
    );
  }
  fillRect(x: number, y: number, w: number, h: number): void {
    this.parts.push(
      `<rect x="${n(x)}" y="${n(y)}" width="${n(w)}" height="${n(h)}" fill="${esc(flat(this.fillStyle))}"${this.alpha()}/>`,
    );
  }
  strokeRect(x: number, y: number, w: number, h: number): void {
    this.parts.push(
      `<rect x="${n(x)}" y="${n(y)}" width="${n(w)}" height="${n(h)}" fill="none" stroke="${esc(flat(this.strokeStyle))}" stroke-width="${n(this.lineWidth)}"${this.alpha()}/>`,
    );
  }
  clearRect(): void {
    // Nothing to clear: the SVG starts empty.
  }
  fillText(text: string, x: number, y: number): void {
    const anchor =
      this.textAlign === 'center'
        ? 'middle'
        : this.textAlign === 'right' || this.textAlign === 'end'
          ? 'end'
          : 'start';
    const baseline =
      this.textBaseline === 'middle' ? 'central' : this.textBaseline === 'top' ? 'hanging' : 'alphabetic';
    this.parts.push(
      `<text x="${n(x)}" y="${n(y)}" fill="${esc(flat(this.fillStyle))}" style="font:${esc(this.font)}" text-anchor="${anchor}" dominant-baseline="${baseline}"${this.alpha()}>${esc(text)}</text>`,
    );
  }
  measureText(text: string): { width: number } {
    const size = Number(/(\d+(?:\.\d+)?)px/.exec(this.font)?.[1] ?? 12);
    return { width: text.length * size * 0.6 };
  }
  clip(): void {
    const id = `clip${this.clips++}`;
    this.parts.push(`<clipPath id="${id}"><path d="${this.path}"/></clipPath><g clip-path="url(#${id})">`);
    this.openGroups++;
    this.clipId = id;
  }

  toString(): string {
    const close = '</g>'.repeat(this.openGroups);
    return `<svg xmlns="http://www.w3.org/2000/svg" width="${this.width}" height="${this.height}" viewBox="0 0 ${this.width} ${this.height}">${this.parts.join('')}${close}</svg>`;
  }
}
