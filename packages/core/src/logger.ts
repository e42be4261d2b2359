/** Logging levels, from silent to chatty. */
export type LogLevel = 'off' | 'error' | 'warn' | 'info' | 'debug';

/** Anything with these four methods can receive the SDK's logs (console, pino, winston...). */
export interface Logger {
  error(message: string, details?: Record<string, unknown>): void;
  warn(message: string, details?: Record<string, unknown>): void;
  info(message: string, details?: Record<string, unknown>): void;
  debug(message: string, details?: Record<string, unknown>): void;
}

const ORDER: Record<LogLevel, number> = { off: 0, error: 1, warn: 2, info: 3, debug: 4 };

/** The environment variable that overrides every client's log level. */
export const LOG_LEVEL_ENV = 'X_SDK_LOG';

function envLevel(): LogLevel | undefined {
  // No `node:` import: read process.env only where a process exists.
  const value = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env?.[LOG_LEVEL_ENV];
  return value && value in ORDER ? (value as LogLevel) : undefined;
}

/** A logger that drops messages below `level` (default `warn`, or the `X_SDK_LOG` environment variable). */
export function createLogger(options: { level?: LogLevel; logger?: Logger } = {}): Logger & { level: LogLevel } {
  const level = envLevel() ?? options.level ?? 'warn';
  const sink: Logger = options.logger ?? console;
  const at = (name: Exclude<LogLevel, 'off'>) => (message: string, details?: Record<string, unknown>) => {
    if (ORDER[level] < ORDER[name]) return;
    if (details === undefined) sink[name](message);
    else sink[name](message, details);
  };
  return { level, error: at('error'), warn: at('warn'), info: at('info'), debug: at('debug') };
}
