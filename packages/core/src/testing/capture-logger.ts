import type { Logger, LogLevel } from '../logger';

/** One line a capturing logger received. */
export interface LogLine {
  level: Exclude<LogLevel, 'off'>;
  message: string;
  details?: Record<string, unknown>;
}

/** A logger that keeps every line (pass it with `logLevel: 'debug'` to assert what a client logs, and what it never does). */
export function captureLogger(): Logger & { lines: LogLine[]; text(): string } {
  const lines: LogLine[] = [];
  const at = (level: LogLine['level']) => (message: string, details?: Record<string, unknown>) => {
    lines.push(details === undefined ? { level, message } : { level, message, details });
  };
  return { lines, error: at('error'), warn: at('warn'), info: at('info'), debug: at('debug'), text: () => JSON.stringify(lines) };
}
