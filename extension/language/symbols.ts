// Go to definition, references and rename for node, client, op and shard ids (and data keys),
// from the document's declarations and uses.

import * as vscode from 'vscode';
import { type DeclaredId, documentIds } from '../../engine/scenario/locate';
import type { RefKind } from '../../engine/scenario/schemaTypes';
import { sameNamespace } from './documentIds';
import { toRange } from './ranges';

const ID = /^[A-Za-z][A-Za-z0-9_.-]*$/;

type Occurrence = DeclaredId & { kind: RefKind };

/** The id under the cursor and every occurrence of the same thing. */
export function occurrencesAt(
  doc: vscode.TextDocument,
  position: vscode.Position,
): { at: Occurrence; all: Occurrence[] } | undefined {
  const ids = documentIds(doc.getText());
  const at = ids.occurrences.find((o) => toRange(o.range).contains(position));
  if (!at) return undefined;
  const all = ids.occurrences.filter((o) => o.name === at.name && sameNamespace(o.kind, at.kind));
  return { at, all };
}

export class ScenarioSymbols
  implements
    vscode.DefinitionProvider,
    vscode.ReferenceProvider,
    vscode.RenameProvider,
    vscode.DocumentHighlightProvider
{
  /** Every occurrence of the id under the cursor; declarations as writes, uses as reads. */
  provideDocumentHighlights(
    doc: vscode.TextDocument,
    position: vscode.Position,
  ): vscode.DocumentHighlight[] | undefined {
    const found = occurrencesAt(doc, position);
    return found?.all.map(
      (o) =>
        new vscode.DocumentHighlight(
          toRange(o.range),
          o.declaration ? vscode.DocumentHighlightKind.Write : vscode.DocumentHighlightKind.Read,
        ),
    );
  }

  provideDefinition(doc: vscode.TextDocument, position: vscode.Position): vscode.Location[] | undefined {
    const found = occurrencesAt(doc, position);
    if (!found) return undefined;
    const decls = found.all.filter((o) => o.declaration);
    // Data keys are never declared: their first use stands for the declaration.
    const targets = decls.length ? decls : found.all.slice(0, 1);
    return targets.map((o) => new vscode.Location(doc.uri, toRange(o.range)));
  }

  provideReferences(
    doc: vscode.TextDocument,
    position: vscode.Position,
    context: vscode.ReferenceContext,
  ): vscode.Location[] | undefined {
    const found = occurrencesAt(doc, position);
    if (!found) return undefined;
    return found.all
      .filter((o) => context.includeDeclaration || !o.declaration)
      .map((o) => new vscode.Location(doc.uri, toRange(o.range)));
  }

  prepareRename(
    doc: vscode.TextDocument,
    position: vscode.Position,
  ): { range: vscode.Range; placeholder: string } {
    const found = occurrencesAt(doc, position);
    if (!found) throw new Error('Only node, client, key, operation and shard ids can be renamed.');
    return { range: toRange(found.at.range), placeholder: found.at.name };
  }

  provideRenameEdits(
    doc: vscode.TextDocument,
    position: vscode.Position,
    newName: string,
  ): vscode.WorkspaceEdit {
    const found = occurrencesAt(doc, position);
    if (!found) throw new Error('Only node, client, key, operation and shard ids can be renamed.');
    if (!ID.test(newName))
      throw new Error(
        `\`${newName}\` is not an id: ids start with a letter, then letters, digits, _ . or -.`,
      );
    const clash = documentIds(doc.getText()).occurrences.find(
      (o) => o.declaration && o.name === newName && sameNamespace(o.kind, found.at.kind),
    );
    if (clash && newName !== found.at.name)
      throw new Error(`\`${newName}\` is already declared on line ${clash.range.line}.`);
    const edit = new vscode.WorkspaceEdit();
    for (const o of found.all) edit.replace(doc.uri, toRange(o.range), newName);
    return edit;
  }
}
