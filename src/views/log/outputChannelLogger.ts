// The "Azure Billing" output channel behind the Logger interface of `azure/`. The channel is a
// LogOutputChannel, so the person picks the level (Developer: Set Log Level…) and every line
// carries a timestamp; every line passes the redaction of azure/log.ts first (redactedChannel.ts),
// because people paste logs into bug reports.
import * as vscode from 'vscode';
import type { Logger } from '../../azure/log';
import { redactedChannelLogger } from './redactedChannel';

export const LOG_CHANNEL_NAME = 'Azure Billing';

export function createOutputChannelLogger(): { channel: vscode.LogOutputChannel; logger: Logger } {
  const channel = vscode.window.createOutputChannel(LOG_CHANNEL_NAME, { log: true });
  return { channel, logger: redactedChannelLogger(channel) };
}
