import { describe, expect, it } from 'vitest';
import { type FolderUri, webScenarioUri } from './webScenarioUri';

/** A `vscode.Uri` stand-in: scheme, authority and path, printed as VS Code prints them. */
class Uri implements FolderUri {
  constructor(
    readonly scheme: string,
    readonly authority: string,
    readonly path: string,
  ) {}
  with(change: { path: string }): Uri {
    return new Uri(this.scheme, this.authority, change.path);
  }
  toString(): string {
    return `${this.scheme}://${this.authority}${this.path}`;
  }
}
const folder = (scheme: string, authority: string, path: string) => ({
  uri: new Uri(scheme, authority, path),
});

describe('webScenarioUri', () => {
  it('turns a bare path inside a remote workspace folder into that folder’s URI', () => {
    const folders = [folder('vscode-remote', '127.0.0.1:8080', '/tmp/work')];
    expect(webScenarioUri('/tmp/work/a/x.scenario.yaml', folders)).toBe(
      'vscode-remote://127.0.0.1:8080/tmp/work/a/x.scenario.yaml',
    );
  });

  it('turns a bare path inside a github.dev folder into a vscode-vfs URI', () => {
    const folders = [folder('vscode-vfs', 'github', '/owner/repo')];
    expect(webScenarioUri('/owner/repo/examples/y.scenario.yaml', folders)).toBe(
      'vscode-vfs://github/owner/repo/examples/y.scenario.yaml',
    );
  });

  it('leaves URIs, relative paths and paths outside every folder alone', () => {
    const folders = [folder('vscode-remote', 'h', '/tmp/work')];
    expect(webScenarioUri('vscode-remote://h/tmp/work/x.scenario.yaml', folders)).toBe(
      'vscode-remote://h/tmp/work/x.scenario.yaml',
    );
    expect(webScenarioUri('x.scenario.yaml', folders)).toBe('x.scenario.yaml');
    expect(webScenarioUri('/tmp/workshop/x.scenario.yaml', folders)).toBe('/tmp/workshop/x.scenario.yaml');
    expect(webScenarioUri('/elsewhere/x.scenario.yaml', folders)).toBe('/elsewhere/x.scenario.yaml');
  });

  it('leaves paths in file: folders alone (the desktop reads them as paths)', () => {
    expect(webScenarioUri('/tmp/work/x.scenario.yaml', [folder('file', '', '/tmp/work')])).toBe(
      '/tmp/work/x.scenario.yaml',
    );
  });

  it('picks the innermost of nested folders', () => {
    const folders = [folder('vscode-vfs', 'a', '/r'), folder('vscode-vfs', 'b', '/r/sub')];
    expect(webScenarioUri('/r/sub/x.scenario.yaml', folders)).toBe('vscode-vfs://b/r/sub/x.scenario.yaml');
  });
});
