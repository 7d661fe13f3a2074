// The logs a VS Code server run writes (this build keeps them under the user-data folder):
// the extension host's own log and each extension's log channel.
import * as fs from 'fs';
import * as path from 'path';
import type { VsCodeServer } from './harness';

function exthostLogDirs(server: VsCodeServer): string[] {
  const logs = path.join(server.dirs.userData, 'logs');
  if (!fs.existsSync(logs)) { return []; }
  return fs.readdirSync(logs).map((session) => path.join(logs, session, 'exthost1')).filter((d) => fs.existsSync(d));
}

/** The remote extension host's log (activations, their failures). */
export function extensionHostLog(server: VsCodeServer): string {
  return exthostLogDirs(server).map((d) => path.join(d, 'remoteexthost.log')).filter((f) => fs.existsSync(f)).map((f) => fs.readFileSync(f, 'utf8')).join('\n');
}

/** Everything an extension wrote to its log channels. */
export function extensionLog(server: VsCodeServer, extensionId: string): string {
  return exthostLogDirs(server)
    .map((d) => path.join(d, extensionId))
    .filter((d) => fs.existsSync(d))
    .flatMap((d) => fs.readdirSync(d).map((f) => fs.readFileSync(path.join(d, f), 'utf8')))
    .join('\n');
}
