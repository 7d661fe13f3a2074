// Whether a folder that is inside a workspace folder by its path is also inside it on disk. The
// path is made from the `azureBilling.invoiceFolder` setting (no `..`, never absolute), but any of
// its components can be a symbolic link committed with the repository (`invoices -> /elsewhere`),
// and writing through it would put a person's invoices and exports wherever the link points.
// So every existing component is resolved to its real path, from the workspace folder down, and
// the first one whose real path is not inside the workspace folder's real path is reported.
// Components that do not exist yet are created later as plain folders under the last real one,
// so they cannot lead out. Plain Node `fs`: the callers decide what to do with the answer.
import { promises as fs } from 'fs';
import * as path from 'path';

export interface FolderEscape {
  /** The component that leads out, relative to the workspace folder, with `/` between segments. */
  component: string;
  /** Where it leads (a real path), when that can be known. */
  target?: string;
}

/** The first component of `folder` that leads outside `workspaceRoot`, or undefined when none does. */
export async function findFolderEscape(workspaceRoot: string, folder: string): Promise<FolderEscape | undefined> {
  const relative = path.relative(workspaceRoot, folder);
  if (!isInside(relative)) { return { component: folder, target: path.resolve(folder) }; }
  const rootReal = await fs.realpath(workspaceRoot);
  let current = workspaceRoot;
  let currentReal = rootReal;
  const walked: string[] = [];
  for (const segment of relative.split(path.sep).filter(Boolean)) {
    current = path.join(current, segment);
    walked.push(segment);
    let real: string;
    try {
      real = await fs.realpath(current);
    } catch (error) {
      // A link whose target is missing, or a loop of links: judged by where the link says it goes.
      const link = await readLinkIfAny(current);
      if (link !== undefined) {
        const target = await realPathOfDeepestExisting(path.resolve(currentReal, link));
        return isInside(path.relative(rootReal, target)) ? undefined : { component: walked.join('/'), target };
      }
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT' || code === 'ENOTDIR') { return undefined; }
      throw error;
    }
    if (!isInside(path.relative(rootReal, real))) { return { component: walked.join('/'), target: real }; }
    currentReal = real;
  }
  return undefined;
}

/** A relative path that stays where it starts (`''` is the start itself). */
function isInside(relative: string): boolean {
  return relative === '' || (relative !== '..' && !relative.startsWith(`..${path.sep}`) && !path.isAbsolute(relative));
}

async function readLinkIfAny(file: string): Promise<string | undefined> {
  try {
    return (await fs.lstat(file)).isSymbolicLink() ? await fs.readlink(file) : undefined;
  } catch {
    return undefined;
  }
}

/** The real path of the deepest existing ancestor of `file`, with the missing rest appended. */
async function realPathOfDeepestExisting(file: string): Promise<string> {
  const missing: string[] = [];
  for (let current = file; ; current = path.dirname(current)) {
    try {
      return path.join(await fs.realpath(current), ...missing);
    } catch {
      if (path.dirname(current) === current) { return file; }
      missing.unshift(path.basename(current));
    }
  }
}
