// What the extension's manifest tells a person, in their language: the activity-bar title,
// command titles as the palette shows them, the label of the welcome view's buttons. Read from
// package.json and package.nls[.<locale>].json, so the tests follow the extension's own words.
import * as fs from 'fs';
import * as path from 'path';
import { repoRoot } from './harness';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const readJson = (file: string): Json => JSON.parse(fs.readFileSync(path.join(repoRoot, file), 'utf8'));
const manifest = (): Json => readJson('package.json');

function messages(locale?: string): Record<string, string> {
  const english = readJson('package.nls.json');
  const localized = locale && fs.existsSync(path.join(repoRoot, `package.nls.${locale}.json`)) ? readJson(`package.nls.${locale}.json`) : {};
  const flat: Record<string, string> = {};
  for (const [key, value] of Object.entries({ ...english, ...localized })) flat[key] = typeof value === 'string' ? value : (value as { message: string }).message;
  return flat;
}

/** A manifest string with its `%key%` placeholder replaced as VS Code does for `locale`. */
export function localized(value: string, locale?: string): string {
  const m = /^%(.+)%$/.exec(value);
  if (!m) return value;
  const text = messages(locale)[m[1]];
  if (text === undefined) throw new Error(`package.nls.json has no ${m[1]}`);
  return text;
}

export function activityBarTitle(locale?: string): string {
  return localized(manifest().contributes.viewsContainers.activitybar.find((c: Json) => c.id === 'azureBilling').title, locale);
}

export function explorerViewName(locale?: string): string {
  return localized(manifest().contributes.views.azureBilling.find((v: Json) => v.id === 'azureBilling.explorer').name, locale);
}

/** "Category: Title", as the command palette lists the command. */
export function paletteTitle(commandId: string, locale?: string): string {
  const command = manifest().contributes.commands.find((c: Json) => c.command === commandId);
  if (!command) throw new Error(`package.json does not contribute ${commandId}`);
  const title = localized(command.title, locale);
  return command.category ? `${localized(command.category, locale)}: ${title}` : title;
}

/** The label of the welcome-view button (a link alone on its line) that runs `commandId`. */
export function welcomeButtonLabel(commandId: string, locale?: string): string {
  for (const entry of manifest().contributes.viewsWelcome ?? []) {
    if (entry.view !== 'azureBilling.explorer') continue;
    for (const line of localized(entry.contents, locale).split('\n')) {
      const m = /^\s*\[([^\]]+)\]\(command:([\w.]+)\)\s*$/.exec(line);
      if (m && m[2] === commandId) return m[1];
    }
  }
  throw new Error(`no welcome-view button runs ${commandId}`);
}
