// In a web extension host (vscode.dev, github.dev, code-server's web worker) `${workspaceFolder}`
// and `${file}` resolve to bare paths: the path part of a `vscode-remote:` or `vscode-vfs:` URI.
// Handed to the inline adapter as they are, its stack frames name a `file:` URI the browser cannot
// open (the workbench shows "The editor could not be opened"). A path inside a workspace folder
// goes back to that folder's URI, so sources and breakpoints name the document the editor shows.

/** What this needs of a `vscode.Uri`. */
export interface FolderUri {
  readonly scheme: string;
  readonly path: string;
  with(change: { path: string }): { toString(): string };
}

/** The URI string for `scenario` when it is a bare path inside a non-`file:` folder, else `scenario`. */
export function webScenarioUri(scenario: string, folders: readonly { uri: FolderUri }[]): string {
  // Already a URI (scheme of two or more letters, so not a Windows drive), or not absolute.
  if (/^[a-z][a-z0-9+.-]+:/i.test(scenario) || !scenario.startsWith('/')) return scenario;
  const inside = folders
    .filter((f) => f.uri.scheme !== 'file')
    .filter((f) => {
      const root = f.uri.path.replace(/\/+$/, '');
      return scenario === root || scenario.startsWith(`${root}/`);
    })
    // The innermost folder wins when folders nest.
    .sort((a, b) => b.uri.path.length - a.uri.path.length)[0];
  return inside ? inside.uri.with({ path: scenario }).toString() : scenario;
}
