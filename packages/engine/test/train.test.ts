/**
 * runTrain end to end on the local folder cache: the fingerprint decides hit or miss, a hit restores byte-identical
 * outputs without running the command, failures cache nothing, timeouts stop the whole process tree.
 */
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { UserError, parseManifest, parseReport, renderReportMarkdown, renderReportText } from '@mlgate/core';
import { LocalArtifactStore, LocalCacheStore, memoryLogger } from '@mlgate/github';
import type { CacheStore } from '@mlgate/github';
import { TrainCommandError, parseParamsSpec, resolveTrainOptions, runCompare, runTrain } from '../src/index.js';
import type { TrainOptions } from '../src/index.js';
import { stillRunning, sha256, trainingProject, trainingRuns } from './train-fixtures.js';

let work: string;
let out: string[];

beforeEach(async () => {
  work = await mkdtemp(join(tmpdir(), 'mlgate-train-'));
  await trainingProject(work);
  out = [];
});
afterEach(async () => {
  await rm(work, { recursive: true, force: true });
});

const options = (overrides: Partial<TrainOptions> = {}): TrainOptions => ({
  model: 'churn',
  command: 'node train.js',
  deps: ['data/', 'train.js'],
  params: [parseParamsSpec('params.json:train')],
  outs: ['model'],
  metrics: ['metrics.json'],
  workingDirectory: work,
  ...overrides,
});

const sink = { write: (text: string) => out.push(text) };
const deps = (cache: CacheStore = new LocalCacheStore(join(work, '.mlgate/cache'), work), logger = memoryLogger()) => ({
  logger,
  cache,
  stdout: sink,
  stderr: sink,
  graceMs: 300,
});
const runs = () => trainingRuns(work);

describe('runTrain', () => {
  it('runs and caches; the same inputs restore byte-identical outputs without running; a changed dep byte or param value trains again', async () => {
    const first = await runTrain(options(), deps());
    expect(await runs()).toBe(1);
    expect(first.manifest.cache).toEqual({ enabled: true, hit: false });
    expect(out.join('')).toContain('trained on 17 bytes');
    const weights = await readFile(join(work, 'model/weights.bin'));

    // A fresh checkout: the outputs are gone.
    await rm(join(work, 'model'), { recursive: true });
    await rm(join(work, 'metrics.json'));
    const second = await runTrain(options(), deps());
    expect(await runs()).toBe(1);
    expect(second.manifest.cache).toMatchObject({
      hit: true,
      restoredFrom: { fingerprint: first.manifest.fingerprint },
    });
    expect(second.manifest.fingerprint).toBe(first.manifest.fingerprint);
    expect(sha256(await readFile(join(work, 'model/weights.bin')))).toBe(sha256(weights));
    expect(second.manifest.metrics).toEqual(first.manifest.metrics);

    // A key the command does not use (params.json:train selects train.*) is not an input.
    await writeFile(join(work, 'params.json'), JSON.stringify({ train: { lr: 0.1, epochs: 5 }, seed: 2 }));
    expect((await runTrain(options(), deps())).manifest.cache.hit).toBe(true);

    await writeFile(join(work, 'params.json'), JSON.stringify({ train: { lr: 0.2, epochs: 5 }, seed: 2 }));
    const param = await runTrain(options(), deps());
    expect(param.manifest.cache.hit).toBe(false);
    expect(param.manifest.params).toEqual({ 'params.json': { 'train.lr': 0.2, 'train.epochs': 5 } });
    expect(await runs()).toBe(2);

    await writeFile(join(work, 'data/train.csv'), 'id,label\n1,0\n2,0\n');
    const dep = await runTrain(options(), deps());
    expect(dep.manifest.cache.hit).toBe(false);
    expect(dep.manifest.fingerprint).not.toBe(param.manifest.fingerprint);
    expect(await runs()).toBe(3);
  });

  it('writes a manifest that validates against its schema, with digests of the files as they are on disk', async () => {
    const { manifest, manifestPath } = await runTrain(options({ env: { API_TOKEN: 's3cr3t-value' } }), deps());
    const written = parseManifest(JSON.parse(await readFile(manifestPath, 'utf8')), manifestPath);
    expect(written).toEqual(manifest);
    for (const file of [...manifest.deps, ...manifest.outs, ...manifest.metricsFiles]) {
      const bytes = await readFile(join(work, file.path));
      expect({ path: file.path, sha256: file.sha256, size: file.size }).toEqual({
        path: file.path,
        sha256: sha256(bytes),
        size: bytes.length,
      });
    }
    expect(manifest.deps.map((d) => d.path)).toEqual(['data/train.csv', 'train.js']);
    expect(manifest.metrics).toMatchObject({ 'train.loss': 0.25 });
    expect(manifest.env).toEqual(['API_TOKEN']);
    expect(await readFile(manifestPath, 'utf8')).not.toContain('s3cr3t-value');
  });

  it('streams the command output while it runs', async () => {
    // The command waits for a file the test writes only once it has seen the first line: without live output
    // this never finishes.
    const waiter = `console.log('first line'); const fs = require('fs'); const t = setInterval(() => { if (fs.existsSync('go')) { clearInterval(t); fs.writeFileSync('metrics.json', '{"auc":1}'); console.log('done'); } }, 20);`;
    await writeFile(join(work, 'wait.js'), waiter);
    const live = {
      write: (text: string) => {
        out.push(text);
        if (text.includes('first line')) void writeFile(join(work, 'go'), '');
      },
    };
    await runTrain(options({ command: 'node wait.js', outs: [], deps: ['wait.js'] }), { ...deps(), stdout: live });
    expect(out.join('')).toMatch(/first line[\s\S]*done/);
  });

  it('a failing command is an error with its exit code, and nothing is cached or written', async () => {
    const cacheDir = join(work, '.mlgate/cache');
    await expect(runTrain(options({ command: 'node train.js && exit 3' }), deps())).rejects.toThrow(
      new TrainCommandError({ kind: 'exited', code: 3 }),
    );
    expect(await readdir(cacheDir).catch(() => [])).toEqual([]);
    await expect(readFile(join(work, 'mlgate.manifest.json'))).rejects.toThrow(/ENOENT/);
  });

  it('a timeout stops the whole process tree, including a child that ignores SIGTERM, and caches nothing', async () => {
    const error = await runTrain(
      options({ command: 'node stubborn.js & wait', timeoutMinutes: 0.01, deps: ['stubborn.js'] }),
      deps(),
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TrainCommandError);
    expect((error as TrainCommandError).outcome).toEqual({ kind: 'timed-out', afterMs: 600 });
    expect((error as Error).message).toMatch(/timed out after 0.01 minutes/);
    const pid = Number(await readFile(join(work, 'child.pid'), 'utf8'));
    expect(await stillRunning(pid)).toBe(false);
    expect(await readdir(join(work, '.mlgate/cache')).catch(() => [])).toEqual([]);
  });

  it('fails before running when a dep matches nothing, and when a declared out is missing afterwards', async () => {
    await expect(runTrain(options({ deps: ['data/*.parquet'] }), deps())).rejects.toThrow(
      new UserError(`deps: "data/*.parquet" matches no file in ${work}`),
    );
    await expect(readFile(join(work, 'runs.log'))).rejects.toThrow(/ENOENT/);
    await expect(runTrain(options({ outs: ['model', 'model.onnx'] }), deps())).rejects.toThrow(
      /outs "model.onnx" is missing after the command succeeded/,
    );
  });

  it('cache trouble is a warning and training runs; a restored entry that does not match its manifest is not used', async () => {
    const logger = memoryLogger();
    const broken: CacheStore = {
      restore: async () => ({ hit: false, trouble: 'service unavailable (503)' }),
      save: async () => ({ saved: false, reason: 'quota exceeded' }),
    };
    const result = await runTrain(options(), deps(broken, logger));
    expect(result.manifest.cache.hit).toBe(false);
    expect(logger.entries.filter((e) => e.level === 'warning').map((e) => e.message)).toEqual([
      expect.stringContaining('unavailable (service unavailable (503)); training runs'),
      expect.stringContaining('did not save this run (quota exceeded)'),
    ]);

    const store = new LocalCacheStore(join(work, '.mlgate/cache'), work);
    await runTrain(options(), deps(store));
    // Tamper with the cached model: the restore must notice and train instead.
    const entry = join(work, '.mlgate/cache', result.manifest.cacheKey, 'files/model/weights.bin');
    await writeFile(entry, 'tampered');
    const tampered = memoryLogger();
    const again = await runTrain(options(), deps(store, tampered));
    expect(again.manifest.cache.hit).toBe(false);
    expect(tampered.entries.some((e) => e.level === 'warning' && /do not match the digests/.test(e.message))).toBe(
      true,
    );
    expect(await runs()).toBe(3);
  });
});

describe('compare with a training manifest as the candidate', () => {
  it('reads the metric values from the manifest and shows the lineage in the report', async () => {
    await runTrain(options(), deps());
    await rm(join(work, 'model'), { recursive: true });
    const { manifest, manifestPath } = await runTrain(options(), deps());
    const { report } = await runCompare(
      { candidate: manifestPath, failOn: 'never', cwd: work },
      {
        artifacts: new LocalArtifactStore(join(work, '.mlgate/artifacts')),
        artifactName: 'x',
        logger: memoryLogger(),
        now: () => new Date(0),
      },
    );
    parseReport(JSON.parse(JSON.stringify(report)), 'report');
    const [section] = report.comparisons ?? [];
    expect(section?.metrics.map((m) => [m.name, m.candidate])).toEqual([
      ['auc', manifest.metrics.auc],
      ['train.loss', 0.25],
    ]);
    expect(section?.candidate.lineage).toEqual({
      fingerprint: manifest.fingerprint,
      commit: null,
      dirty: null,
      run: null,
      trainedAt: manifest.cache.restoredFrom?.startedAt,
      cacheHit: true,
    });
    expect(renderReportMarkdown(report)).toContain(
      `Candidate trained outside git locally at \`${manifest.cache.restoredFrom?.startedAt}\`, fingerprint \`${manifest.fingerprint.slice(0, 12)}\`; restored from the run cache`,
    );
    expect(renderReportText(report)).toContain(
      `fingerprint ${manifest.fingerprint.slice(0, 12)}, restored from the run cache`,
    );
  });
});

describe('resolveTrainOptions', () => {
  it('takes what is not given from the model’s train block, given inputs winning', async () => {
    await writeFile(
      join(work, 'mlgate.yml'),
      [
        'version: 1',
        'models:',
        '  churn:',
        '    metrics: metrics.json',
        '    params: params.json',
        '    train:',
        '      command: node train.js',
        '      deps: [data/, train.js]',
        '      outs: [model]',
        '      params: [train.lr]',
        '      timeout_minutes: 30',
        '      cache: false',
        '      env: { MODE: fast }',
        '',
      ].join('\n'),
    );
    const resolved = await resolveTrainOptions({ outs: ['model/weights.bin'], env: { EXTRA: '1' } }, work);
    expect(resolved).toMatchObject({
      model: 'churn',
      command: 'node train.js',
      deps: ['data/', 'train.js'],
      params: [{ file: 'params.json', keys: ['train.lr'] }],
      outs: ['model/weights.bin'],
      metrics: ['metrics.json'],
      cache: false,
      timeoutMinutes: 30,
      workingDirectory: work,
      env: { MODE: 'fast', EXTRA: '1' },
    });
    await expect(resolveTrainOptions({ model: 'other' }, work)).rejects.toThrow(/model "other" is not in the config/);
  });

  it('without a command anywhere it is a configuration error', async () => {
    await expect(resolveTrainOptions({ model: 'churn' }, work)).rejects.toThrow(/no training command/);
  });
});
