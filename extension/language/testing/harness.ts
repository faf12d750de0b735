// Helpers for the provider tests: documents with a cursor, and a fake extension context.

import { type Position, stub, TextDocument, Uri, type WorkspaceEdit } from './vscodeStub';

/** Opens a document; `|` in `text` marks the cursor, returned as a position. */
export function openDoc(path: string, text: string): { doc: TextDocument; at: Position } {
  const offset = text.indexOf('|');
  const clean = offset < 0 ? text : text.slice(0, offset) + text.slice(offset + 1);
  const doc = new TextDocument(Uri.file(path), clean);
  stub.documents.push(doc);
  return { doc, at: doc.positionAt(Math.max(0, offset)) };
}

export function fakeContext(extensionPath = '/ext'): {
  subscriptions: { dispose(): void }[];
  extensionUri: Uri;
} {
  return { subscriptions: [], extensionUri: Uri.file(extensionPath) };
}

export const LEADERLESS = `scenario: Quorum
cluster:
  replication: leaderless
  nodes: [n1, n2, n3]
  n: 3
  w: 2
  r: 2
clients:
  alice: { node: n1 }
  bob: { node: n2 }
events:
  - { at: 0ms, client: alice, write: { key: cart, value: milk }, id: w1 }
  - { at: 5ms, crash: n3 }
  - { at: 10ms, client: bob, read: cart, id: bob-reads }
expect:
  - { op: bob-reads, returns: [milk] }
  - { no: stale-read }
`;

/** The document's text after a workspace edit's replacements (applied last first). */
export function applyEdit(doc: TextDocument, edit: WorkspaceEdit): string {
  let text = doc.getText();
  const edits = [...edit.edits].sort(
    (a, b) => doc.offsetAt(b.edit.range.start) - doc.offsetAt(a.edit.range.start),
  );
  for (const { edit: e } of edits)
    text = text.slice(0, doc.offsetAt(e.range.start)) + e.newText + text.slice(doc.offsetAt(e.range.end));
  return text;
}
