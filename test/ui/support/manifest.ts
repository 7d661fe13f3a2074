// What the extension's manifest tells a person, in their language: the activity-bar title,
// command titles as the palette shows them, the label of the welcome view's buttons. Read from
// package.json and package.nls[.<locale>].json, so the tests follow the extension's own words.
import * as fs from 'fs';
import * as path from 'path';
import { repoRoot } from './harness';

/** A view or view container as package.json contributes it. */
export interface ManifestView {
  id: string;
  title?: string;
  name?: string;
  icon?: string;
}

/** The parts of package.json that the tests read. */
export interface Manifest {
  main?: string;
  browser?: string;
  icon?: string;
  l10n?: string;
  contributes?: {
    viewsContainers?: Record<string, ManifestView[]>;
    views?: Record<string, ManifestView[]>;
    commands?: { command: string; title: string; category?: string; icon?: string | Record<string, string> }[];
    viewsWelcome?: { view: string; contents: string }[];
  };
}

const readJson = <T>(file: string): T => JSON.parse(fs.readFileSync(path.join(repoRoot, file), 'utf8')) as T;
const manifest = (): Manifest => readJson<Manifest>('package.json');

function found<T>(value: T | undefined, what: string): T {
  if (value === undefined) { throw new Error(`package.json does not contribute ${what}`); }
  return value;
}

function messages(locale?: string): Record<string, string> {
  type Messages = Record<string, string | { message: string }>;
  const english = readJson<Messages>('package.nls.json');
  const localized = locale && fs.existsSync(path.join(repoRoot, `package.nls.${locale}.json`)) ? readJson<Messages>(`package.nls.${locale}.json`) : {};
  const flat: Record<string, string> = {};
  for (const [key, value] of Object.entries({ ...english, ...localized })) { flat[key] = typeof value === 'string' ? value : value.message; }
  return flat;
}

/** A manifest string with its `%key%` placeholder replaced as VS Code does for `locale`. */
export function localized(value: string, locale?: string): string {
  const m = /^%(.+)%$/.exec(value);
  if (!m) { return value; }
  const text = messages(locale)[m[1]];
  if (text === undefined) { throw new Error(`package.nls.json has no ${m[1]}`); }
  return text;
}

export function activityBarTitle(locale?: string): string {
  const container = manifest().contributes?.viewsContainers?.activitybar?.find((c) => c.id === 'azureBilling');
  return localized(found(container?.title, 'the azureBilling view container'), locale);
}

export function explorerViewName(locale?: string): string {
  const view = manifest().contributes?.views?.azureBilling?.find((v) => v.id === 'azureBilling.explorer');
  return localized(found(view?.name, 'the azureBilling.explorer view'), locale);
}

/** "Category: Title", as the command palette lists the command. */
export function paletteTitle(commandId: string, locale?: string): string {
  const command = manifest().contributes?.commands?.find((c) => c.command === commandId);
  if (!command) { throw new Error(`package.json does not contribute ${commandId}`); }
  const title = localized(command.title, locale);
  return command.category ? `${localized(command.category, locale)}: ${title}` : title;
}

/** The label of the welcome-view button (a link alone on its line) that runs `commandId`. */
export function welcomeButtonLabel(commandId: string, locale?: string): string {
  for (const entry of manifest().contributes?.viewsWelcome ?? []) {
    if (entry.view !== 'azureBilling.explorer') { continue; }
    for (const line of localized(entry.contents, locale).split('\n')) {
      const m = /^\s*\[([^\]]+)\]\(command:([\w.]+)\)\s*$/.exec(line);
      if (m && m[2] === commandId) { return m[1]; }
    }
  }
  throw new Error(`no welcome-view button runs ${commandId}`);
}
