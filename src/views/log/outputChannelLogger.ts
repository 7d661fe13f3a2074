// The "Azure Billing" output channel behind the Logger interface of `azure/`. The channel is a
// LogOutputChannel, so the person picks the level (Developer: Set Log Level…) and every line
// carries a timestamp; every line passes the redaction of azure/log.ts first, because people
// paste logs into bug reports.
import * as vscode from 'vscode';
import { Logger, redactingLogger } from '../../azure/log';

export const LOG_CHANNEL_NAME = 'Azure Billing';

export function createOutputChannelLogger(): { channel: vscode.LogOutputChannel; logger: Logger } {
  const channel = vscode.window.createOutputChannel(LOG_CHANNEL_NAME, { log: true });
  const redacted = redactingLogger({
    trace: (m) => channel.trace(m),
    debug: (m) => channel.debug(m),
    info: (m) => channel.info(m),
    warn: (m) => channel.warn(m),
    error: (m) => channel.error(m),
  });
  return { channel, logger: neverThrowing(redacted, channel) };
}

/**
 * Logging must never break the work it describes. When redaction itself fails on a line, the
 * line is dropped (it may hold a secret) and a note says so.
 */
function neverThrowing(inner: Logger, channel: vscode.LogOutputChannel): Logger {
  const guard = (write: (m: string) => void) => (message: string) => {
    try {
      write(message);
    } catch (error) {
      channel.warn(`A log line was dropped because it could not be redacted (${error instanceof Error ? error.name : 'error'}).`);
    }
  };
  return {
    trace: guard((m) => inner.trace(m)),
    debug: guard((m) => inner.debug(m)),
    info: guard((m) => inner.info(m)),
    warn: guard((m) => inner.warn(m)),
    error: guard((m) => inner.error(m)),
  };
}
