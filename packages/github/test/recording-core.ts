import type { AnnotationProperties } from '@actions/core';
import type { ActionsCore } from '../src/actions-logger.js';

export type CoreCall = [string, ...unknown[]];

/** An @actions/core stand-in that records each call, for asserting what a workflow log would get. */
export function recordingCore(): ActionsCore & { calls: CoreCall[] } {
  const calls: CoreCall[] = [];
  return {
    calls,
    debug: (message: string) => void calls.push(['debug', message]),
    info: (message: string) => void calls.push(['info', message]),
    warning: (message: string | Error, properties?: AnnotationProperties) =>
      void calls.push(['warning', message, properties]),
    error: (message: string | Error, properties?: AnnotationProperties) =>
      void calls.push(['error', message, properties]),
    startGroup: (name: string) => void calls.push(['startGroup', name]),
    endGroup: () => void calls.push(['endGroup']),
  };
}
