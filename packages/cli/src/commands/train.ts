import { join } from 'node:path';
import { UserError } from '@mlgate/core';
import { LocalArtifactStore, LocalCacheStore, consoleLogger } from '@mlgate/github';
import { TrainCommandError, resolveTrainOptions, runTrain } from '@mlgate/engine';
import type { TrainResult } from '@mlgate/engine';
import { parseCommandArgs, type Command } from '../command.js';
import { ExitCode } from '../exit-codes.js';
import type { CliIo } from '../io.js';

const help = `Usage: mlgate train [model] [options]

Train a model reproducibly: fingerprint the command, the content of its deps and its params values; when the
same fingerprint trained before, restore its outputs from the run cache (byte-identical, checked against the
cached manifest) instead of running the command; else run it, streaming its output, and cache what it wrote.
Either way write the manifest (mlgate.manifest.json) and keep the outputs as a local run artifact.
Options missing here come from the model's \`train:\` block in mlgate.yml.

Options:
  --model <name>            the model in mlgate.yml (the same as the [model] argument)
  --run <command>           the training command (run by the shell in the working directory)
  --deps <path>             a file, folder or glob the command reads (repeatable); matching nothing is an error
  --params <file[:keys]>    a params file, optionally with the keys used: params.yaml:train.lr,train.epochs
                            (repeatable)
  --outs <path>             a file or folder the command writes (repeatable)
  --metrics <file>          a metrics file the command writes (repeatable)
  --predictions <file>      a per-example predictions file the command writes
  --no-cache                always run the command, and cache nothing
  --timeout-minutes <n>     stop the command and its children after n minutes
  --working-directory <d>   where the command runs; the paths above are relative to it
  --env <NAME=value>        a variable for the command (repeatable); names go in the manifest, values never
  --config <file>           the config (default mlgate.yml when it exists)
  --manifest <file>         where to write the manifest (default mlgate.manifest.json in the working directory)
  --cache-dir <dir>         the run cache (default .mlgate/cache)
  --artifacts-dir <dir>     where run artifacts are kept (default .mlgate/artifacts)
  --no-artifact             keep no local run artifact
  --json                    print the manifest JSON (the command's output then goes to stderr)

Examples:
  mlgate train flights-delay                 # the model's train: block in mlgate.yml; again: a run-cache hit
  mlgate train churn --run "python train.py" --deps data/ --deps train.py --params params.yaml:train.lr \\
    --outs model.pkl --metrics metrics.json --predictions predictions.csv
  mlgate train flights-delay --no-cache --json > manifest.json

Exit codes:
  0  the model was trained, or restored from the run cache
  1  the command failed, timed out or was cancelled (nothing is cached)
  2  usage or configuration error: an unknown key in mlgate.yml (with its line), a dep that matches
     nothing, an output the command did not write
`;

const OPTIONS = {
  model: { type: 'string' },
  run: { type: 'string' },
  deps: { type: 'string', multiple: true },
  params: { type: 'string', multiple: true },
  outs: { type: 'string', multiple: true },
  metrics: { type: 'string', multiple: true },
  predictions: { type: 'string' },
  'no-cache': { type: 'boolean' },
  'timeout-minutes': { type: 'string' },
  'working-directory': { type: 'string' },
  env: { type: 'string', multiple: true },
  config: { type: 'string' },
  manifest: { type: 'string' },
  'cache-dir': { type: 'string' },
  'artifacts-dir': { type: 'string' },
  'no-artifact': { type: 'boolean' },
  json: { type: 'boolean' },
} as const;

export const trainCommand: Command = {
  name: 'train',
  summary: 'train through the run cache, writing a lineage manifest',
  help,
  options: OPTIONS,
  async run(argv: string[], io: CliIo) {
    const { values, positionals } = parseCommandArgs('train', argv, OPTIONS);
    if (positionals.length > 1) throw new UserError('give at most one model (see `mlgate train --help`)');
    if (positionals[0] !== undefined && values.model !== undefined && positionals[0] !== values.model) {
      throw new UserError(`two models given: ${positionals[0]} and --model ${values.model}`);
    }
    const model = positionals[0] ?? values.model;
    const options = await resolveTrainOptions(
      {
        ...(model !== undefined && { model }),
        ...(values.run !== undefined && { run: values.run }),
        ...(values.deps && { deps: values.deps }),
        ...(values.params && { params: values.params }),
        ...(values.outs && { outs: values.outs }),
        ...(values.metrics && { metrics: values.metrics }),
        ...(values.predictions !== undefined && { predictions: values.predictions }),
        ...(values['no-cache'] && { cache: false }),
        ...(values['timeout-minutes'] !== undefined && { timeoutMinutes: minutes(values['timeout-minutes']) }),
        ...(values['working-directory'] !== undefined && { workingDirectory: values['working-directory'] }),
        ...(values.env && { env: parseEnv(values.env) }),
        ...(values.config !== undefined && { config: values.config }),
        ...(values.manifest !== undefined && { manifest: values.manifest }),
      },
      io.cwd,
    );
    const logger = consoleLogger({ stream: io.stderr });
    const output = values.json ? io.stderr : io.stdout;
    const cancel = new AbortController();
    const onSignal = () => cancel.abort();
    process.once('SIGINT', onSignal);
    process.once('SIGTERM', onSignal);
    let result: TrainResult;
    try {
      result = await runTrain(options, {
        logger,
        cache: new LocalCacheStore(join(io.cwd, values['cache-dir'] ?? '.mlgate/cache'), options.workingDirectory),
        ...(!values['no-artifact'] && {
          artifacts: new LocalArtifactStore(join(io.cwd, values['artifacts-dir'] ?? '.mlgate/artifacts'), {
            workflow: 'local',
            branch: 'local',
            headSha: 'local',
            event: 'local',
          }),
        }),
        stdout: output,
        stderr: io.stderr,
        signal: cancel.signal,
        env: io.env,
      });
    } catch (error) {
      if (!(error instanceof TrainCommandError)) throw error;
      io.stderr.write(`mlgate train: ${error.message}\n`);
      return ExitCode.Failed;
    } finally {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
    }
    const { manifest } = result;
    if (values.json) {
      io.stdout.write(`${JSON.stringify(manifest, null, 2)}\n`);
    } else {
      const how = manifest.cache.hit ? 'restored from the run cache' : 'trained';
      io.stdout.write(
        `${manifest.model}: ${how} (fingerprint ${manifest.fingerprint.slice(0, 12)}), manifest ${result.manifestPath}\n`,
      );
    }
    return ExitCode.Pass;
  },
};

function minutes(text: string): number {
  const value = Number(text);
  if (!Number.isFinite(value) || value <= 0)
    throw new UserError(`--timeout-minutes: expected a positive number, got "${text}"`);
  return value;
}

function parseEnv(pairs: string[]): Record<string, string> {
  const env: Record<string, string> = {};
  for (const pair of pairs) {
    const equals = pair.indexOf('=');
    const name = equals > 0 ? pair.slice(0, equals) : '';
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name))
      throw new UserError(`--env: expected NAME=value, got "${pair.split('=')[0]}=…"`);
    env[name] = pair.slice(equals + 1);
  }
  return env;
}
