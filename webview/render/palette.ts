// Colours for the canvas, read from VS Code's theme variables so light, dark and high-contrast themes
// all work; the fallbacks only matter outside VS Code (tests, the playground).

export interface Palette {
  background: string;
  foreground: string;
  muted: string;
  laneAlt: string;
  grid: string;
  arrow: string;
  drop: string;
  anomaly: string;
  conflict: string;
  resolved: string;
  past: string;
  future: string;
  current: string;
  selection: string;
  search: string;
  crash: string;
  partition: string;
  fork: string;
  font: string;
  highContrast: boolean;
}

const VARS: Record<Exclude<keyof Palette, 'font' | 'highContrast'>, [string, string]> = {
  background: ['--vscode-editor-background', '#1e1e1e'],
  foreground: ['--vscode-editor-foreground', '#d4d4d4'],
  muted: ['--vscode-descriptionForeground', '#9d9d9d'],
  laneAlt: ['--vscode-editorWidget-background', '#252526'],
  grid: ['--vscode-editorIndentGuide-background1', '#404040'],
  arrow: ['--vscode-charts-blue', '#3794ff'],
  drop: ['--vscode-charts-red', '#f14c4c'],
  anomaly: ['--vscode-editorError-foreground', '#f14c4c'],
  conflict: ['--vscode-charts-orange', '#d18616'],
  resolved: ['--vscode-charts-green', '#89d185'],
  past: ['--vscode-charts-purple', '#b180d7'],
  future: ['--vscode-charts-green', '#89d185'],
  current: ['--vscode-charts-yellow', '#cca700'],
  selection: ['--vscode-focusBorder', '#007fd4'],
  search: ['--vscode-editor-findMatchBorder', '#ffcc00'],
  crash: ['--vscode-charts-red', '#f14c4c'],
  partition: ['--vscode-charts-yellow', '#cca700'],
  fork: ['--vscode-charts-purple', '#b180d7'],
};

export function readPalette(root: Element = document.documentElement): Palette {
  const style = getComputedStyle(root);
  const bodyStyle = getComputedStyle(document.body);
  const out = {} as Palette;
  for (const [name, [variable, fallback]] of Object.entries(VARS)) {
    const v = style.getPropertyValue(variable).trim() || bodyStyle.getPropertyValue(variable).trim();
    (out as unknown as Record<string, string>)[name] = v || fallback;
  }
  const family = bodyStyle.getPropertyValue('--vscode-font-family').trim() || 'system-ui, sans-serif';
  out.font = family;
  out.highContrast =
    document.body.classList.contains('vscode-high-contrast') ||
    document.body.classList.contains('vscode-high-contrast-light');
  return out;
}
