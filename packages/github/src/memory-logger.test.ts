import { describe, it, expect } from '@jest/globals';
import { memoryLogger } from './memory-logger.js';

describe('memoryLogger', () => {
  it('records every call in order, closing groups even on failure', async () => {
    const logger = memoryLogger();
    logger.info('a');
    logger.warning('b', { file: 'f.yml', line: 1 });
    await expect(
      logger.group('g', async () => {
        logger.debug('c');
        throw new Error('x');
      }),
    ).rejects.toThrow('x');

    expect(logger.lines()).toEqual(['info: a', 'warning: b', 'group: g', 'debug: c', 'endgroup: g']);
    expect(logger.entries[1]).toEqual({ level: 'warning', message: 'b', location: { file: 'f.yml', line: 1 } });
  });
});
