// axe-core run inside a webview's page. The page's Content-Security-Policy admits only its own
// nonce'd bundle, so a <script> tag cannot bring axe in; Playwright's evaluate goes through the
// DevTools protocol, which the policy does not govern, and defines `axe` in the page.
import * as fs from 'fs';
import type { Frame } from 'playwright-core';

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  /** CSS selectors of the offending elements. */
  targets: string[];
}

let source: string | undefined;

export interface AxeResult {
  violations: AxeViolation[];
  /** How many rules found elements to check and passed them all: a run that checked nothing would say 0. */
  passedRules: number;
}

/**
 * Every violation axe finds in the frame's document (all of axe's default rules: WCAG 2.x A and AA
 * and best practices). Rules about a whole page (a main landmark, a level-one heading, a title) are
 * left out by axe itself inside an iframe: the workbench around the webview has those.
 */
export async function axeRun(frame: Frame): Promise<AxeResult> {
  source ??= fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
  if (!(await frame.evaluate(() => 'axe' in globalThis))) {await frame.evaluate(source);}
  return frame.evaluate(async () => {
    type Result = { violations: { id: string; impact: string | null; help: string; nodes: { target: unknown[] }[] }[]; passes: unknown[] };
    const page = globalThis as unknown as { document: unknown; axe: { run(context: unknown, options: object): Promise<Result> } };
    const result = await page.axe.run(page.document, {});
    return {
      violations: result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.map((n) => n.target.map(String).join(' ')) })),
      passedRules: result.passes.length,
    };
  });
}

/** The violations a person relying on assistive technology would be stopped by. */
export const serious = (violations: AxeViolation[]): AxeViolation[] => violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');

/** One line per rule, for the test's output and its failure message. */
export function describeViolations(where: string, violations: AxeViolation[]): string {
  if (violations.length === 0) {return `${where}: no violations`;}
  return [`${where}:`, ...violations.map((v) => `  ${v.impact ?? '?'} ${v.id} (${v.targets.length}): ${v.help} — ${v.targets.slice(0, 3).join(', ')}`)].join('\n');
}
