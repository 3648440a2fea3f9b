export interface Logger {
  info(message: string): void;
  warn(message: string): void;
  /** Raw passthrough (function console output), already line-terminated. */
  write(text: string): void;
}

export function createLogger(quiet: boolean): Logger {
  if (quiet) {
    return { info: () => undefined, warn: () => undefined, write: () => undefined };
  }
  return {
    info: (message) => process.stderr.write(`[localcloud] ${message}\n`),
    warn: (message) => process.stderr.write(`[localcloud] warning: ${message}\n`),
    write: (text) => process.stderr.write(text),
  };
}
