import { describe, it, expect } from '@jest/globals';
import { consoleLogger } from './console-logger.js';

function sink() {
  const chunks: string[] = [];
  return { chunks, write: (text: string) => chunks.push(text) };
}

describe('consoleLogger', () => {
  it('prints locations like a compiler, and hides debug unless verbose', async () => {
    const out = sink();
    const logger = consoleLogger({ stream: out });

    logger.debug('hidden');
    logger.info('profiling 3 columns');
    logger.warning('mostly below 0.95', { file: 'schema.yml', line: 3, column: 5, path: 'columns.age' });
    logger.error('missing column', { file: 'train.csv' });
    await logger.group('validate', async () => logger.info('inside'));

    expect(out.chunks.join('')).toBe(
      [
        'profiling 3 columns',
        'warning: schema.yml:3:5: columns.age: mostly below 0.95',
        'error: train.csv: missing column',
        '▸ validate',
        'inside',
        '',
      ].join('\n'),
    );
  });

  it('prints debug lines when verbose', () => {
    const out = sink();
    consoleLogger({ stream: out, verbose: true }).debug('cache key abc');
    expect(out.chunks).toEqual(['debug: cache key abc\n']);
  });

  it('defuses workflow commands, since the CLI may run inside a workflow step', () => {
    const out = sink();
    consoleLogger({ stream: out }).error('::set-output name=verdict::pass');
    consoleLogger({ stream: out }).info('::add-mask::x');
    expect(out.chunks.some((line) => /^\s*::/m.test(line))).toBe(false);
    expect(out.chunks[1]).toBe(':\u200b:add-mask::x\n');
  });
});
