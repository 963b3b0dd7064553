/**
 * One logger for the app that carries context such as `{ shop, topic, webhookId }` (STYLE §4).
 * Lines are JSON so they can be searched; level comes from LOG_LEVEL (default info; error in tests, so
 * that an unexpected error fails the test).
 * @example logger.child({ shop, topic }).info("order recorded", { orderId })
 */
export type LogContext = Record<string, string | number | boolean | null | undefined>;

const LEVELS = { debug: 10, info: 20, warn: 30, error: 40, silent: 100 } as const;
type Level = keyof typeof LEVELS;

function threshold(): number {
  const configured = process.env.LOG_LEVEL as Level | undefined;
  if (configured && configured in LEVELS) return LEVELS[configured];
  // Tests hear errors only: an unexpected one reaches console.error and fails the test (STYLE §10).
  return process.env.NODE_ENV === "test" ? LEVELS.error : LEVELS.info;
}

export interface Logger {
  debug(message: string, extra?: LogContext): void;
  info(message: string, extra?: LogContext): void;
  warn(message: string, extra?: LogContext): void;
  error(message: string, extra?: LogContext): void;
  child(context: LogContext): Logger;
}

function createLogger(context: LogContext): Logger {
  const write = (level: Exclude<Level, "silent">, message: string, extra?: LogContext) => {
    if (LEVELS[level] < threshold()) return;
    const line = JSON.stringify({ level, message, ...context, ...extra, at: new Date().toISOString() });
    if (level === "error") console.error(line);
    else if (level === "warn") console.warn(line);
    else console.log(line);
  };
  return {
    debug: (m, e) => write("debug", m, e),
    info: (m, e) => write("info", m, e),
    warn: (m, e) => write("warn", m, e),
    error: (m, e) => write("error", m, e),
    child: (more) => createLogger({ ...context, ...more }),
  };
}

export const logger: Logger = createLogger({ app: "rapport" });
