import * as core from '@actions/core';
import type { AnnotationProperties } from '@actions/core';
import { formatLocated, type Location } from '@mlgate/core';
import type { Logger } from './logger.js';
import { inertCommands, oneLine } from './text.js';

/** The part of @actions/core a Logger needs; tests pass a recorder. */
export type ActionsCore = Pick<typeof core, 'debug' | 'info' | 'warning' | 'error' | 'startGroup' | 'endGroup'>;

/** A Logger over workflow commands: warnings and errors become annotations on the file and line. */
export function actionsLogger(actions: ActionsCore = core): Logger {
  // The runner cannot nest groups (a second ::group:: silently closes the first), so inner
  // groups become a plain heading inside the outer one.
  let depth = 0;
  return {
    debug: (message) => actions.debug(message),
    info: (message) => actions.info(inertCommands(message)),
    warning: (message, location) => actions.warning(annotationMessage(message, location), annotationFor(location)),
    error: (message, location) => actions.error(annotationMessage(message, location), annotationFor(location)),
    async group(name, fn) {
      if (depth > 0) {
        actions.info(inertCommands(`▸ ${name}`));
        return fn();
      }
      depth++;
      actions.startGroup(name);
      try {
        return await fn();
      } finally {
        actions.endGroup();
        depth--;
      }
    },
  };
}

/** Annotation properties for a location, carrying only what is known. */
export function annotationFor(location: Location = {}): AnnotationProperties {
  const properties: AnnotationProperties = {};
  if (location.file) properties.file = location.file;
  if (location.line !== undefined) properties.startLine = location.line;
  if (location.column !== undefined) properties.startColumn = location.column;
  return properties;
}

/**
 * The one-line annotation text. File and line also travel as properties (for the annotation on the
 * diff), but the raw log shows only the message, so it says where too.
 */
export function annotationMessage(message: string, location: Location = {}): string {
  return oneLine(formatLocated(message, location));
}
