import { describe, it, expect, afterEach } from '@jest/globals';
import { UserError } from '@mlgate/core';
import { runAction } from './run-action.js';
import { recordingCore } from '../test/recording-core.js';

const BUG_SUFFIX = '. This is a bug in mlgate — please report it with the log.';

describe('runAction', () => {
  it('returns 0 and reports nothing when main succeeds, handing main a logger over core', async () => {
    const core = recordingCore();
    const code = await runAction(async ({ logger }) => logger.info('all good'), { core });
    expect(code).toBe(0);
    expect(core.calls).toEqual([['info', 'all good']]);
  });

  it('reports a UserError as one annotation on its file, line and column, and exits 1', async () => {
    const core = recordingCore();
    const code = await runAction(
      async () => {
        throw new UserError('must be a number', { file: 'mlgate.yml', line: 3, column: 5, path: 'gate.metrics.auc' });
      },
      { core },
    );

    expect(code).toBe(1);
    const errors = core.calls.filter(([kind]) => kind === 'error');
    expect(errors).toEqual([
      [
        'error',
        'mlgate.yml:3:5: gate.metrics.auc: must be a number',
        { file: 'mlgate.yml', startLine: 3, startColumn: 5 },
      ],
    ]);
  });

  it('keeps a UserError message on one line and puts the stack only in the debug log', async () => {
    const core = recordingCore();
    await runAction(
      async () => {
        throw new UserError('3 problems:\n  a\n  b');
      },
      { core },
    );

    expect(core.calls[0]).toEqual(['error', '3 problems: a b', {}]);
    expect(core.calls.slice(1).every(([kind]) => kind === 'debug')).toBe(true);
    expect(String(core.calls[1]?.[1])).toMatch(/^UserError: 3 problems:[\s\S]*\n\s+at /);
  });

  it('reports any other error as a bug, with its message and the stack only in debug', async () => {
    const core = recordingCore();
    const code = await runAction(
      async () => {
        throw new TypeError("Cannot read properties of undefined (reading 'auc')");
      },
      { core },
    );

    expect(code).toBe(1);
    expect(core.calls[0]).toEqual([
      'error',
      `mlgate internal error: Cannot read properties of undefined (reading 'auc')${BUG_SUFFIX}`,
    ]);
    expect(core.calls.filter(([kind]) => kind === 'error')).toHaveLength(1);
    expect(core.calls.find(([kind]) => kind === 'debug')?.[1]).toMatch(/^TypeError: Cannot read[\s\S]*\n\s+at /);
  });

  it('does not double the full stop of an internal error message, and includes causes in debug', async () => {
    const core = recordingCore();
    await runAction(
      async () => {
        throw new Error('profile merge failed.', { cause: new RangeError('sketch sizes differ') });
      },
      { core },
    );

    expect(core.calls[0]?.[1]).toBe(`mlgate internal error: profile merge failed${BUG_SUFFIX}`);
    const debug = core.calls.filter(([kind]) => kind === 'debug').map(([, text]) => String(text));
    expect(debug).toHaveLength(2);
    expect(debug[1]).toMatch(/^Caused by: RangeError: sketch sizes differ/);
  });

  it('reports a thrown non-Error value as a bug too', async () => {
    const core = recordingCore();
    const code = await runAction(
      async () => {
        throw 'plain string';
      },
      { core },
    );
    expect(code).toBe(1);
    expect(core.calls).toEqual([['error', `mlgate internal error: plain string${BUG_SUFFIX}`]]);
  });

  it('reports GitHub refusing access as a permissions problem, not a bug', async () => {
    const core = recordingCore();
    const refusal = Object.assign(new Error('Resource not accessible by integration'), {
      status: 403,
      request: { method: 'POST', url: 'https://api.github.com/repos/acme/churn/check-runs' },
    });
    await runAction(
      async () => {
        throw refusal;
      },
      { core },
    );

    expect(core.calls[0]).toEqual([
      'error',
      "GitHub API refused POST /repos/acme/churn/check-runs (HTTP 403: Resource not accessible by integration); check the token and the workflow's permissions",
      {},
    ]);
  });

  describe('with the real @actions/core', () => {
    const write = process.stdout.write;
    let out: string[] = [];
    const capture = () => {
      out = [];
      process.stdout.write = ((chunk: string | Uint8Array) => {
        out.push(String(chunk));
        return true;
      }) as typeof process.stdout.write;
    };
    afterEach(() => {
      process.stdout.write = write;
    });

    it('writes the ::error workflow command with file, line and col', async () => {
      capture();
      const code = await runAction(async () => {
        throw new UserError('must be a number', { file: 'mlgate.yml', line: 3, column: 5 });
      });
      process.stdout.write = write;

      expect(code).toBe(1);
      const commands = out
        .join('')
        .split(/\r?\n/)
        .filter((line) => line.startsWith('::error'));
      expect(commands).toEqual(['::error file=mlgate.yml,line=3,col=5::mlgate.yml:3:5: must be a number']);
    });

    it('writes a bare ::error for an internal error, escaping the message', async () => {
      capture();
      await runAction(async () => {
        throw new Error('100% broken');
      });
      process.stdout.write = write;

      const commands = out
        .join('')
        .split(/\r?\n/)
        .filter((line) => line.startsWith('::error'));
      expect(commands).toEqual([
        `::error::mlgate internal error: 100%25 broken. This is a bug in mlgate — please report it with the log.`,
      ]);
    });
  });
});
