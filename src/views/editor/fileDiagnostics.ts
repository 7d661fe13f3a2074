// Problems of a kind of workspace JSON file (chargeback rules, workloads), kept in the Problems
// panel as the person types: checked when a matching document opens or changes, forgotten when it
// closes. Each problem is an offset and length in the text, so the diagnostic sits on the exact
// text to fix.
import * as vscode from 'vscode';

export interface TextProblem {
  offset: number;
  length: number;
  code: string;
}

export function problemDiagnostic(document: vscode.TextDocument, problem: TextProblem, message: string, source: string): vscode.Diagnostic {
  const range = new vscode.Range(document.positionAt(problem.offset), document.positionAt(problem.offset + problem.length));
  const diagnostic = new vscode.Diagnostic(range, message, vscode.DiagnosticSeverity.Error);
  diagnostic.source = source;
  diagnostic.code = problem.code;
  return diagnostic;
}

/** `suffix`: lower case, like `.chargeback.json`. */
export function registerFileDiagnostics(name: string, suffix: string, diagnosticsOf: (document: vscode.TextDocument) => vscode.Diagnostic[]): vscode.Disposable[] {
  const collection = vscode.languages.createDiagnosticCollection(name);
  const check = (document: vscode.TextDocument) => {
    if (document.uri.path.toLowerCase().endsWith(suffix)) { collection.set(document.uri, diagnosticsOf(document)); }
  };
  vscode.workspace.textDocuments.forEach(check);
  return [
    collection,
    vscode.workspace.onDidOpenTextDocument(check),
    vscode.workspace.onDidChangeTextDocument((e) => check(e.document)),
    vscode.workspace.onDidCloseTextDocument((document) => collection.delete(document.uri)),
  ];
}
