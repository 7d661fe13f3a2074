// Tooltips that list every field of a node: the title in bold, then one "name: value" line per
// field that has a value. Values come from Azure, so they are appended as text, never as Markdown.
import * as vscode from 'vscode';

export type TooltipField = [name: string, value: string | undefined];

export function fieldsTooltip(title: string, fields: TooltipField[], note?: string): vscode.MarkdownString {
  const md = new vscode.MarkdownString();
  md.appendMarkdown('**');
  md.appendText(title);
  md.appendMarkdown('**\n\n');
  for (const [name, value] of fields) {
    if (value === undefined || value === '') { continue; }
    md.appendText(`${name}: ${value}`);
    md.appendMarkdown('  \n');
  }
  if (note) {
    md.appendMarkdown('\n');
    md.appendText(note);
  }
  return md;
}
