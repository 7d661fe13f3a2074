// The "Azure Billing" output channel behind the Logger interface of `azure/`. The channel is a
// LogOutputChannel, so the person picks the level (Developer: Set Log Level…) and every line
// carries a timestamp; every line passes the redaction of azure/log.ts first, because people
// paste logs into bug reports.
import * as vscode from 'vscode';
import { Logger, redactingLogger } from '../../azure/log';

export const LOG_CHANNEL_NAME = 'Azure Billing';

export function createOutputChannelLogger(): { channel: vscode.LogOutputChannel; logger: Logger } {
  const channel = vscode.window.createOutputChannel(LOG_CHANNEL_NAME, { log: true });
  const logger = redactingLogger({
    trace: (m) => channel.trace(m),
    debug: (m) => channel.debug(m),
    info: (m) => channel.info(m),
    warn: (m) => channel.warn(m),
    error: (m) => channel.error(m),
  });
  return { channel, logger };
}
