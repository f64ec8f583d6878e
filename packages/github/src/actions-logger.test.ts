import { describe, it, expect } from '@jest/globals';
import { actionsLogger, annotationMessage } from './actions-logger.js';
import { inertCommands } from './text.js';
import { recordingCore } from '../test/recording-core.js';

describe('actionsLogger', () => {
  it('annotates warnings and errors with only the location parts that are known', () => {
    const core = recordingCore();
    const logger = actionsLogger(core);

    logger.warning('slow column', { file: 'data/schema.yml', line: 4 });
    logger.error('bad threshold', { file: 'mlgate.yml', line: 12, column: 7, path: 'gate.metrics.auc.min' });
    logger.error('no location');

    expect(core.calls).toEqual([
      ['warning', 'data/schema.yml:4: slow column', { file: 'data/schema.yml', startLine: 4 }],
      [
        'error',
        'mlgate.yml:12:7: gate.metrics.auc.min: bad threshold',
        { file: 'mlgate.yml', startLine: 12, startColumn: 7 },
      ],
      ['error', 'no location', {}],
    ]);
  });

  it('closes its group when the work throws', async () => {
    const core = recordingCore();
    const logger = actionsLogger(core);

    await expect(
      logger.group('train', async () => {
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');

    expect(core.calls).toEqual([['startGroup', 'train'], ['endGroup']]);
  });

  it('returns the value of the grouped work', async () => {
    const logger = actionsLogger(recordingCore());
    await expect(logger.group('compare', async () => 42)).resolves.toBe(42);
  });

  it('turns a nested group into a heading, since the runner cannot nest groups', async () => {
    const core = recordingCore();
    const logger = actionsLogger(core);

    await logger.group('outer', async () => {
      await logger.group('inner', async () => logger.info('work'));
    });
    await logger.group('next', async () => undefined);

    expect(core.calls).toEqual([
      ['startGroup', 'outer'],
      ['info', '▸ inner'],
      ['info', 'work'],
      ['endGroup'],
      ['startGroup', 'next'],
      ['endGroup'],
    ]);
  });

  it('defuses workflow commands hidden in info text', () => {
    const core = recordingCore();
    actionsLogger(core).info('column "x"\n::error::forged\n  ::add-mask::y\n##[warning]old style');

    const written = core.calls[0]?.[1] as string;
    expect(written.split('\n').some((line) => /^\s*::/.test(line) || /^\s*##\[/.test(line))).toBe(false);
    expect(written.replace(/\u200b/g, '')).toBe('column "x"\n::error::forged\n  ::add-mask::y\n##[warning]old style');
  });
});

describe('annotationMessage', () => {
  it('joins a multi-line message into one line', () => {
    expect(annotationMessage('first\n  second\r\n\nthird')).toBe('first second third');
  });
});

describe('inertCommands', () => {
  it('leaves ordinary text alone', () => {
    expect(inertCommands('a :: b\nratio 3::4')).toBe('a :: b\nratio 3::4');
  });
});
