// The timeline webview's HTML, shared by the debug panel and the trace custom editor. Strict CSP: no
// remote resources, scripts only with the page's nonce, styles and fonts only from the extension.
// Kept free of `vscode` imports so the end-to-end tests build the very same page.

export interface TimelineHtmlAssets {
  /** `webview.cspSource`. */
  cspSource: string;
  /** Webview URIs (as strings) of dist/webview/timeline.js, timeline.css and codicon.css. */
  script: string;
  style: string;
  codicons: string;
  /** A fresh random nonce per page. */
  nonce: string;
  title: string;
}

const escapeHtml = (s: string): string =>
  s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');

export function timelineHtml(a: TimelineHtmlAssets): string {
  const csp = [
    "default-src 'none'",
    `img-src ${a.cspSource} data: blob:`,
    `style-src ${a.cspSource} 'nonce-${a.nonce}'`,
    `font-src ${a.cspSource}`,
    `script-src 'nonce-${a.nonce}'`,
  ].join('; ');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${escapeHtml(a.codicons)}" id="vscode-codicon-stylesheet" nonce="${a.nonce}">
<link rel="stylesheet" href="${escapeHtml(a.style)}" nonce="${a.nonce}">
<title>${escapeHtml(a.title)}</title>
</head>
<body>
<div id="app"></div>
<script nonce="${a.nonce}" src="${escapeHtml(a.script)}"></script>
</body>
</html>`;
}

/** A CSP nonce: 32 characters from the platform's cryptographic random source (Node and browsers). */
export function makeNonce(): string {
  const chars = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  const bytes = new Uint8Array(32);
  globalThis.crypto.getRandomValues(bytes);
  let s = '';
  for (const b of bytes) s += chars[b % chars.length];
  return s;
}
