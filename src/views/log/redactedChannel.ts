// What the "Azure Billing" log writes through. Every line, whoever logs it and at whatever level,
// passes the one redaction of azure/log.ts: its patterns (tokens, JWTs, signed links, token and
// secret fields, e-mail addresses) and the secrets the sign-in registered (a service principal's
// client secret). No VS Code import, so a unit test can hand it a stand-in channel.
import { Logger, redactingLogger } from '../../azure/log';

/** The part of a LogOutputChannel lines are written to. */
export type LogChannel = Logger;

export function redactedChannelLogger(channel: LogChannel): Logger {
  return neverThrowing(redactingLogger(channel), channel);
}

/**
 * Logging must never break the work it describes. When redaction itself fails on a line, the
 * line is dropped (it may hold a secret) and a note says so.
 */
function neverThrowing(inner: Logger, channel: LogChannel): Logger {
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
