import type { Location } from '@mlgate/core';
import type { Logger } from './logger.js';

export interface LogEntry {
  level: 'debug' | 'info' | 'warning' | 'error' | 'group' | 'endgroup';
  message: string;
  location?: Location;
}

export interface MemoryLogger extends Logger {
  readonly entries: LogEntry[];
  /** Each entry as `level: message`, for compact assertions. */
  lines(): string[];
}

/** A Logger that records everything it is told, for tests. */
export function memoryLogger(): MemoryLogger {
  const entries: LogEntry[] = [];
  const record = (level: LogEntry['level'], message: string, location?: Location) => {
    entries.push(location ? { level, message, location } : { level, message });
  };
  return {
    entries,
    lines: () => entries.map((e) => `${e.level}: ${e.message}`),
    debug: (message) => record('debug', message),
    info: (message) => record('info', message),
    warning: (message, location) => record('warning', message, location),
    error: (message, location) => record('error', message, location),
    async group(name, fn) {
      record('group', name);
      try {
        return await fn();
      } finally {
        record('endgroup', name);
      }
    },
  };
}
