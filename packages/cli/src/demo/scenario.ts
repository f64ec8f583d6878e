import { cp, mkdir, rm, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import {
  mergeReports,
  registryState,
  renderReportMarkdown,
  type RecordedMetric,
  type ComparisonSection,
  type Manifest,
  type Reason,
  type Report,
  type ValidationSection,
} from '@mlgate/core';
import {
  GitRegistryStore,
  LocalArtifactStore,
  LocalCacheStore,
  LocalCommentStore,
  LocalReleaseFiles,
  RegistryBaselineResolver,
  fileDigest,
  memoryLogger,
  stickyMarker,
  upsertStickyComment,
} from '@mlgate/github';
import {
  assignStage,
  loadCompareConfig,
  registerVersion,
  resolveTrainOptions,
  runCompare,
  runTrain,
  runValidate,
  type EventDetails,
} from '@mlgate/engine';
import type { CliIo } from '../io.js';
import { Narrator } from './narrator.js';
import { DemoRepo } from './project.js';

export const MODEL = 'flights-delay';
const STAGE = 'production';
const ACTOR = 'mlgate demo';
const LOCAL_AUTHOR = 'mlgate-local';
/** The metrics the terminal shows for each comparison; report.md has them all, with every slice. */
const SHOWN_METRICS = ['roc_auc', 'log_loss', 'brier'];
const SHOWN_REASONS = 6;
/** A warning passes the gate (the check run is neutral): the words say so. */
const GATE_WORDS: Record<Report['verdict']['status'], string> = {
  pass: 'PASSED',
  warn: 'PASSED with warnings (warnings do not block the merge)',
  fail: 'FAILED (this pull request cannot merge)',
  skipped: 'SKIPPED',
};

/** params.yaml of the model in production, and of the two pull requests. */
const PARAMS = {
  baseline: { features: ['hour', 'distance'], airports: 30, C: 1.0 },
  addWeekday: { features: ['hour', 'weekday', 'distance'], airports: 30, C: 1.0 },
  regularise: { features: ['hour', 'distance'], airports: 30, C: 0.0001 },
};

interface PullRequest {
  number: number;
  branch: string;
  title: string;
  params: (typeof PARAMS)[keyof typeof PARAMS];
}

const PULL_REQUESTS: PullRequest[] = [
  { number: 1, branch: 'add-weekday', title: 'Add the day of the week as a feature', params: PARAMS.addWeekday },
  {
    number: 2,
    branch: 'stronger-regularisation',
    title: 'Regularise harder (C 1 -> 0.0001) for a smoother model',
    params: PARAMS.regularise,
  },
];

export interface DemoOptions {
  /** The example project folder (examples/flights-delay). */
  example: string;
  /** Where the reports and local comments go. */
  out: string;
  /** Keep the throwaway repository instead of deleting it at the end. */
  keep: boolean;
  /** Renders a report as a self-contained HTML page with its charts. */
  html: (report: Report, title: string) => string;
}

export interface DemoOutcome {
  /** The two pull requests' merged reports (validation + comparison), in order. */
  reports: Report[];
  repo: string;
}

/** The whole loop on the example project, in a throwaway git repository: what `mlgate demo` runs. */
export async function runDemo(options: DemoOptions, io: CliIo): Promise<DemoOutcome> {
  const say = new Narrator(io, 11);
  const shown = (path: string) => {
    const near = relative(io.cwd, path) || '.';
    return near.startsWith('..') ? path : near;
  };
  say.heading(
    'mlgate demo: continuous delivery for a real model, on real data (US flights of 2001 from vega-datasets),\n' +
      'in a throwaway git repository. No GitHub account: the registry is git tags, the run cache and the\n' +
      'pull-request comments are local folders, exactly as the actions use their GitHub counterparts.',
  );
  await mkdir(options.out, { recursive: true });

  const repo = await say.run(
    'Set up the project',
    'a fresh git repository holding the flights-delay project as a user would clone it.',
    async () => {
      const created = await DemoRepo.create(options.example);
      say.line(`repository ${created.dir} (branch main)`);
      say.line("data/reference.csv: 10,000 flights of February 2001, the production model's training window");
      say.line('data/train.csv:     20,000 flights of 1-24 May 2001, the new training data');
      say.line('data/eval.csv:       8,000 flights of 25-31 May 2001, where every model is evaluated');
      return created;
    },
  );
  const ctx = new DemoContext(repo, options, io);

  try {
    const validation = await say.run(
      'Validate the new data against its schema, and for drift against the reference period',
      'a model is only as good as its data: a broken column or a shifted distribution should be seen before training.',
      async () => {
        const section = await ctx.validate();
        showValidation(section, say);
        return section;
      },
    );
    await writeFile(ctx.validationReport, `${JSON.stringify(validation.report, null, 2)}\n`);

    const baseline = await say.run(
      'Train the baseline on main through the run cache',
      'the model in production is trained from this commit; the run cache fingerprints command, data and params.',
      async () => {
        await repo.write('params.yaml', paramsYaml(PARAMS.baseline));
        await repo.commit('Baseline: hour and distance');
        return ctx.train(say);
      },
    );

    await say.run(
      `Register ${MODEL}@v1.0.0 and promote it to production`,
      'the registry records which model version is in which stage as git tags, with its evidence.',
      async () => {
        await ctx.keepRelease('v1.0.0');
        const details = await ctx.evidence('v1.0.0', baseline, 'the first model of the project');
        const registered = await ctx.register('v1.0.0', details);
        say.line(
          `registered ${registered.tag} at commit ${registered.commit.slice(0, 7)} (an annotated git tag; its message is the evidence)`,
        );
        say.line(`release files (metrics, predictions, params, manifest) kept in ${shown(ctx.releaseDir('v1.0.0'))}`);
        const promoted = await ctx.promote('v1.0.0', 'baseline', details);
        say.line(`promoted: ${promoted.tag} puts v1.0.0 in ${STAGE}; pull requests are now compared with it`);
      },
    );

    const reports: Report[] = [];
    for (const pr of PULL_REQUESTS) {
      await say.run(
        `Pull request #${pr.number} "${pr.title}": change params.yaml and train`,
        'a params change is a new fingerprint, so the model trains again.',
        async () => {
          await repo.branch(pr.branch);
          await repo.write('params.yaml', paramsYaml(pr.params));
          await repo.commit(pr.title);
          say.line(`branch ${pr.branch}: train.features ${pr.params.features.join(', ')}; train.C ${pr.params.C}`);
          return ctx.train(say);
        },
      );
      const report = await say.run(
        `Pull request #${pr.number}: compare with production and gate`,
        'every metric change gets a seeded paired-bootstrap interval on the same 8,000 flights, overall and per origin airport, so noise is not mistaken for progress.',
        async () => {
          const merged = await ctx.compareAndReport(pr, validation.report);
          showComparison(merged, say);
          return merged;
        },
      );
      reports.push(report);
    }

    const merged = await say.run(
      'Merge pull request #1 and train on main',
      'main now has exactly the command, data and params that pull request #1 trained: the run cache restores its outputs instead of training again.',
      async () => {
        await repo.merge(PULL_REQUESTS[0]!.branch, `Merge pull request #1 from ${PULL_REQUESTS[0]!.branch}`);
        return ctx.train(say);
      },
    );
    const passing = reports[0]!;

    await say.run(
      `Register ${MODEL}@v1.1.0 and promote it to production`,
      'the version that passed the gate ships; the gate verdict travels with it as evidence.',
      async () => {
        await ctx.keepRelease('v1.1.0');
        const details = await ctx.evidence('v1.1.0', merged, `pull request #1 passed the gate`, passing);
        const registered = await ctx.register('v1.1.0', details);
        say.line(
          `registered ${registered.tag} at the merge commit ${registered.commit.slice(0, 7)}, with pull request #1's gate verdict (${passing.verdict.status}) and intervals`,
        );
        const promoted = await ctx.promote('v1.1.0', 'pull request #1 passed the gate', details);
        say.line(`promoted: ${promoted.tag}: ${STAGE} ${promoted.previous?.version ?? '(empty)'} -> v1.1.0`);
      },
    );

    await say.run(
      'Show the registry history, then roll production back to v1.0.0',
      'a rollback is one more promotion, of an earlier version: nothing is deleted or rewritten.',
      async () => {
        const rollback = await ctx.promote('v1.0.0', 'rollback: v1.1.0 is misbehaving in production', {
          actor: ACTOR,
          reason: 'rollback: v1.1.0 is misbehaving in production',
        });
        say.line(`ROLLBACK: ${rollback.tag}: ${STAGE} ${rollback.previous?.version ?? '(empty)'} -> v1.0.0`);
        say.line(`registry history of ${MODEL} (git tags, oldest first):`);
        const state = await ctx.registryState();
        for (const entry of state.history) {
          const what =
            entry.action === 'register'
              ? `register ${entry.version}`
              : `${entry.action} ${entry.stage} -> ${entry.version}`;
          const why =
            entry.message.kind === 'event' && entry.message.event.reason ? `  (${entry.message.event.reason})` : '';
          say.line(`  ${entry.tag.padEnd(28)} ${what.padEnd(30)} by ${entry.actor ?? '?'}${why}`);
        }
        say.line(
          `${STAGE} is now ${state.stages.get(STAGE)?.version.version ?? '(empty)'}: the next pull request is compared with it`,
        );
      },
    );

    say.heading(`\nDone in ${say.elapsed()}.`);
    for (const pr of PULL_REQUESTS) {
      const dir = ctx.prDir(pr);
      say.heading(`  pull request #${pr.number}: ${shown(join(dir, 'report.md'))}, ${shown(join(dir, 'report.html'))}`);
    }
    say.heading(`  sticky comments of the local pull requests: ${shown(ctx.commentsDir)}`);
    if (options.keep) say.heading(`  the repository (git log --all --graph, git tag -n): ${repo.dir}`);
    return { reports, repo: repo.dir };
  } finally {
    if (!options.keep) await rm(repo.dir, { recursive: true, force: true });
  }
}

/** The stores and paths every step shares. */
class DemoContext {
  readonly validationReport: string;
  readonly commentsDir: string;
  /** The registry: annotated tags in the demo repository, in GTO's grammar. */
  private readonly store: GitRegistryStore;

  constructor(
    private readonly repo: DemoRepo,
    private readonly options: DemoOptions,
    private readonly io: CliIo,
  ) {
    this.validationReport = join(options.out, 'validation.json');
    this.commentsDir = join(options.out, 'comments');
    this.store = new GitRegistryStore(repo.dir);
  }

  /** What a registry tag records about a version: the run that made it, its metrics and, when it had one, its gate. */
  async evidence(version: string, manifest: Manifest, reason: string, gated?: Report): Promise<EventDetails> {
    const digest = await fileDigest(join(this.repo.dir, 'mlgate.manifest.json'));
    const comparison = gated?.comparisons?.find((c) => c.model === MODEL);
    const metrics: RecordedMetric[] = comparison
      ? comparison.metrics
          .filter((m) => SHOWN_METRICS.includes(m.name))
          .map((m) => ({
            name: m.name,
            value: m.candidate,
            baseline: m.baseline,
            ...(m.ci && { ci: { low: m.ci.low, high: m.ci.high } }),
          }))
      : SHOWN_METRICS.filter((name) => typeof manifest.metrics[name] === 'number').map((name) => ({
          name,
          value: manifest.metrics[name] as number,
        }));
    return {
      actor: ACTOR,
      reason,
      manifest: { digest: digest.sha256, path: 'mlgate.manifest.json', fingerprint: manifest.fingerprint },
      artifact: { location: relative(this.repo.dir, this.releaseDir(version)) },
      metrics,
      ...(gated && { gate: { verdict: gated.verdict.status } }),
    };
  }

  register(version: string, details: EventDetails) {
    return registerVersion({ model: MODEL, rev: 'HEAD', version, details }, { store: this.store });
  }

  promote(version: string, reason: string, details: EventDetails) {
    return assignStage(
      { model: MODEL, version, stage: STAGE, stages: ['staging', STAGE], details: { ...details, reason } },
      { store: this.store },
    );
  }

  async registryState() {
    return registryState(MODEL, await this.store.listTags(MODEL));
  }

  releaseDir(version: string): string {
    return join(this.repo.dir, '.mlgate', 'releases', `${MODEL}@${version}`);
  }

  prDir(pr: PullRequest): string {
    return join(this.options.out, `pr-${pr.number}-${pr.branch}`);
  }

  async validate(): Promise<{ section: ValidationSection; report: Report }> {
    const { config } = await loadCompareConfig('mlgate.yml', this.repo.dir);
    const dataset = Object.values(config.data)[0]!;
    const { report } = await runValidate(
      {
        data: dataset.path,
        cwd: this.repo.dir,
        ...(dataset.schema !== undefined && { schema: dataset.schema }),
        ...(dataset.reference !== undefined && { reference: dataset.reference }),
      },
      { ...(this.io.workerEntry && { workerEntry: this.io.workerEntry }) },
    );
    return { section: report.validations![0]!, report };
  }

  async train(say: Narrator): Promise<Manifest> {
    const options = await resolveTrainOptions({ model: MODEL }, this.repo.dir);
    const output = { write: (text: string) => say.line(`| ${String(text).trimEnd()}`) };
    const { manifest } = await runTrain(options, {
      logger: memoryLogger(),
      cache: new LocalCacheStore(join(this.repo.dir, '.mlgate', 'cache'), options.workingDirectory),
      stdout: output,
      stderr: output,
      env: this.io.env,
    });
    const how = manifest.cache.hit
      ? `run cache HIT: restored the outputs of the run of ${manifest.cache.restoredFrom?.startedAt ?? 'before'}; the trainer did not run`
      : 'run cache miss: trained, and saved to the run cache';
    say.line(`fingerprint ${manifest.fingerprint.slice(0, 12)}: ${how}`);
    const metric = (name: string) => {
      const value = manifest.metrics[name];
      return typeof value === 'number' ? value.toFixed(4) : '-';
    };
    say.line(`metrics on the evaluation week: roc_auc ${metric('roc_auc')}, log_loss ${metric('log_loss')}`);
    return manifest;
  }

  /** What a release of the version holds: the outputs, the params and the manifest of the run that made it. */
  async keepRelease(version: string): Promise<void> {
    const dir = this.releaseDir(version);
    await rm(dir, { recursive: true, force: true });
    await mkdir(dir, { recursive: true });
    for (const file of ['out', 'params.yaml', 'mlgate.manifest.json']) {
      await cp(join(this.repo.dir, file), join(dir, file), { recursive: true });
    }
  }

  async compareAndReport(pr: PullRequest, validation: Report): Promise<Report> {
    const logger = memoryLogger();
    const { report: comparison } = await runCompare(
      {
        candidate: 'out/predictions.csv',
        baseline: `registry:${MODEL}#${STAGE}`,
        config: 'mlgate.yml',
        model: MODEL,
        validationReport: this.validationReport,
        failOn: 'never',
        cwd: this.repo.dir,
        subject: { sha: (await this.repo.git('rev-parse', 'HEAD')).trim(), ref: pr.branch, pullRequest: pr.number },
      },
      {
        artifacts: new LocalArtifactStore(join(this.repo.dir, '.mlgate', 'artifacts')),
        artifactName: 'mlgate-compare',
        registry: new RegistryBaselineResolver(
          this.store,
          new LocalReleaseFiles(join(this.repo.dir, '.mlgate', 'releases')),
          logger,
        ),
        logger,
        now: () => new Date(),
      },
    );
    const report = mergeReports([validation, comparison]);
    const dir = this.prDir(pr);
    await mkdir(dir, { recursive: true });
    const markdown = renderReportMarkdown(report);
    await writeFile(join(dir, 'report.json'), `${JSON.stringify(report, null, 2)}\n`);
    await writeFile(join(dir, 'report.md'), markdown);
    await writeFile(join(dir, 'report.html'), this.options.html(report, `mlgate: pull request #${pr.number}`));
    await upsertStickyComment(new LocalCommentStore(this.commentsDir, { author: LOCAL_AUTHOR }), {
      issue: pr.number,
      marker: stickyMarker('default'),
      body: markdown,
      author: LOCAL_AUTHOR,
    });
    return report;
  }
}

function paramsYaml(params: PullRequest['params']): string {
  return [
    "# The trainer's settings (src/params.ts). mlgate fingerprints these values: change one and the model trains again.",
    'train:',
    `  features: [${params.features.join(', ')}]`,
    `  airports: ${params.airports}`,
    `  C: ${params.C}`,
    '',
  ].join('\n');
}

function showValidation({ section }: { section: ValidationSection }, say: Narrator): void {
  const failed = section.checks.filter((check) => check.status === 'fail').length;
  say.line(
    `${section.dataset}: ${section.rows.toLocaleString('en-US')} rows, ${section.checks.length} schema checks, ${failed} failed`,
  );
  const drift = section.drift;
  if (!drift) return;
  for (const column of drift.columns) {
    const p = column.pValue === undefined ? '' : `, p ${column.pValue < 0.001 ? '< 0.001' : column.pValue.toFixed(3)}`;
    say.line(
      `  ${column.column.padEnd(12)} ${column.test.padEnd(5)} ${column.effect.name} ${column.effect.value.toFixed(3)} (threshold ${column.effect.threshold})${p}: ${column.drifted ? 'DRIFT DETECTED' : 'no drift'}`,
    );
  }
  const drifted = drift.columns.filter((c) => c.drifted).map((c) => c.column);
  say.line(
    drifted.length > 0
      ? `DRIFT DETECTED in ${drifted.join(', ')} (February -> May). A warning, not a failure: the gate requires valid data, and the data is valid.`
      : 'no drift detected',
  );
}

function showComparison(report: Report, say: Narrator): void {
  const comparison = report.comparisons?.find((c) => c.model === MODEL) as ComparisonSection;
  say.line(
    `candidate ${comparison.candidate.label} vs baseline ${comparison.baseline?.label ?? '(none)'}, ${comparison.predictions?.examples ?? '?'} paired flights, ${Math.round(comparison.confidence * 100)}% intervals:`,
  );
  for (const name of SHOWN_METRICS) {
    const m = comparison.metrics.find((metric) => metric.name === name);
    if (!m || m.baseline === null || m.candidate === null || m.delta === null) continue;
    const ci = m.ci ? `[${signed(m.ci.low)}, ${signed(m.ci.high)}]` : '';
    say.line(
      `  ${name.padEnd(9)} ${m.baseline.toFixed(4)} -> ${m.candidate.toFixed(4)}  ${signed(m.delta).padEnd(8)} ${ci.padEnd(20)} ${m.label.replace('-', ' ')}`,
    );
  }
  const verdict = report.verdict;
  say.line(`GATE ${GATE_WORDS[verdict.status]}: ${verdict.summary}`);
  const order: Record<Reason['status'], number> = { fail: 0, warn: 1, pass: 2 };
  const reasons = [...verdict.reasons].sort((a, b) => order[a.status] - order[b.status]);
  for (const reason of reasons.slice(0, SHOWN_REASONS))
    say.line(`  ${reason.status.toUpperCase().padEnd(4)} ${reason.message}`);
  if (reasons.length > SHOWN_REASONS) say.line(`  ... and ${reasons.length - SHOWN_REASONS} more reasons in report.md`);
}

function signed(value: number): string {
  return `${value >= 0 ? '+' : ''}${value.toFixed(4)}`;
}
