import { afterEach, describe, expect, it } from '@jest/globals';
import { getOctokit } from '@actions/github';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { FakeGitHub } from '../src/fake-github/index.js';

/**
 * Replays interactions recorded against api.github.com (@octokit/fixtures) against FakeGitHub and compares what
 * matters: status codes, content-type, Link and Location headers, and the body's shape (keys and JSON types,
 * recursively) plus the values of identifying fields. Ids differ by design; they are translated through the
 * `url` fields both sides return.
 */

interface Interaction {
  method: string;
  path: string;
  body: unknown;
  status: number;
  reqheaders: Record<string, string | number>;
  headers: Record<string, string>;
  response: unknown;
}

const ORG = 'octokit-fixture-org';
const FIXTURE_USER = 'octokit-fixture-user-a';
const FIXTURE_TOKEN = '0000000000000000000000000000000000000001';
const SHA1 = '0000000000000000000000000000000000000001';
const SHA2 = '0000000000000000000000000000000000000002';
// Fields whose values (not just types) must agree with GitHub's recording.
const VALUE_KEYS = new Set([
  'ref',
  'sha',
  'type',
  'name',
  'label',
  'state',
  'tag_name',
  'content_type',
  'size',
  'message',
  'resource',
  'code',
  'field',
  'number',
  'title',
  'context',
  'description',
  'target_url',
  'draft',
  'prerelease',
  'login',
  'body',
  'total_count',
]);

const fixturesDir = join(
  dirname(createRequire(import.meta.url).resolve('@octokit/fixtures/package.json')),
  'scenarios',
  'api.github.com',
);

function loadScenario(name: string): Interaction[] {
  return JSON.parse(readFileSync(join(fixturesDir, name, 'normalized-fixture.json'), 'utf8')) as Interaction[];
}

function jsonType(value: unknown): string {
  return value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value;
}

/** Differences between a recorded body and the fake's: missing keys, other JSON types, other identifying values. */
function shapeDiff(expected: unknown, actual: unknown, path = '$'): string[] {
  if (expected === null || actual === null) return [];
  if (jsonType(expected) !== jsonType(actual))
    return [`${path}: GitHub sent ${jsonType(expected)}, fake sent ${jsonType(actual)}`];
  if (Array.isArray(expected) && Array.isArray(actual)) {
    if (expected.length !== actual.length)
      return [`${path}: GitHub sent ${expected.length} items, fake sent ${actual.length}`];
    return expected.flatMap((item, i) => shapeDiff(item, actual[i], `${path}[${i}]`));
  }
  if (typeof expected === 'object' && typeof actual === 'object') {
    const a = actual as Record<string, unknown>;
    return Object.entries(expected as Record<string, unknown>).flatMap(([key, value]) => {
      if (!(key in a)) return [`${path}.${key}: missing`];
      const inner = shapeDiff(value, a[key], `${path}.${key}`);
      if (VALUE_KEYS.has(key) && typeof value !== 'object' && value !== a[key]) {
        inner.push(`${path}.${key}: GitHub sent ${JSON.stringify(value)}, fake sent ${JSON.stringify(a[key])}`);
      }
      return inner;
    });
  }
  return [];
}

/** Rewrites recorded URLs (api.github.com, uploads.github.com, /repositories/1000, recorded ids) to the fake's. */
class UrlTranslator {
  private readonly prefixes = new Map<string, string>();

  constructor(private readonly gh: FakeGitHub) {}

  learn(expected: unknown, actual: unknown): void {
    if (!expected || !actual || typeof expected !== 'object' || typeof actual !== 'object') return;
    const e = expected as Record<string, unknown>;
    const a = actual as Record<string, unknown>;
    if (typeof e.url === 'string' && typeof a.url === 'string') {
      this.prefixes.set(new URL(e.url).pathname, new URL(a.url).pathname);
    }
    for (const key of Object.keys(e)) this.learn(e[key], a[key]);
  }

  path(recorded: string): string {
    const [pathname = '', query] = recorded.split('?');
    let best = '';
    for (const prefix of this.prefixes.keys()) {
      if ((pathname === prefix || pathname.startsWith(`${prefix}/`)) && prefix.length > best.length) best = prefix;
    }
    const path = best ? `${this.prefixes.get(best)}${pathname.slice(best.length)}` : pathname;
    return (
      path.replace(/^\/repositories\/1000(?=\/)/, `/repositories/${this.gh.state.id}`) + (query ? `?${query}` : '')
    );
  }

  header(recorded: string): string {
    return recorded
      .replace(
        /<(https:\/\/api\.github\.com)([^>?]*)(\?[^>]*)?>/g,
        (_, _origin, path: string, query = '') => `<${this.gh.url}${this.path(path)}${query}>`,
      )
      .replace(/^https:\/\/api\.github\.com(\S*)$/, (_, path: string) => `${this.gh.url}${this.path(path)}`);
  }
}

interface Scenario {
  /** Repository the recording used, when it is not named after the scenario. */
  repo?: string;
  topics?: string[];
  seed: (gh: FakeGitHub) => void;
  /** State changes GitHub's recording shows happening between two interactions (index → change). */
  between?: Record<number, (gh: FakeGitHub) => void>;
  /** Paths GitHub's current OpenAPI description no longer lists get the equivalent current operation. */
  adapt?: (interaction: Interaction) => Interaction;
}

const scenarios: Record<string, Scenario> = {
  'git-refs': {
    seed: (gh) => {
      gh.state.git.addCommit({ sha: SHA2 });
      gh.state.git.addCommit({ sha: SHA1, parents: [SHA2] });
      gh.state.git.setBranch('main', SHA1);
    },
    // GET /git/refs/ (list all refs) was replaced by git/matching-refs; the repository only has branches.
    adapt: (i) => ({ ...i, path: i.path.replace(/\/git\/refs\/$/, '/git/matching-refs/heads') }),
  },
  'release-assets': {
    seed: (gh) => seedRelease(gh),
  },
  'release-assets-conflict': {
    seed: (gh) => void seedRelease(gh),
    // The recording's first GET shows no assets, yet the upload right after conflicts with an existing one.
    between: {
      1: (gh) => {
        const [release] = gh.state.releases.list();
        if (!release) throw new Error('release-assets-conflict: release was not seeded');
        gh.state.releases.upload(
          release.id,
          'test-upload.txt',
          'test',
          'text/plain',
          Buffer.from('Hello, world!\n'),
          FIXTURE_USER,
        );
      },
    },
  },
  'paginate-issues': {
    seed: (gh) => {
      for (let n = 1; n <= 13; n++) gh.state.issues.addIssue({ title: `Test issue ${n}`, user: FIXTURE_USER });
    },
  },
  errors: { seed: () => {} },
  'get-repository': { repo: 'hello-world', topics: ['fixtures', 'hello', 'hello-world'], seed: () => {} },
  'create-status': {
    seed: (gh) => {
      gh.state.git.addCommit({ sha: SHA1 });
    },
  },
};

function seedRelease(gh: FakeGitHub) {
  gh.state.git.addCommit({ sha: SHA1 });
  return gh.state.releases.create(
    { tag_name: 'v1.0.0', target_commitish: SHA1, name: 'Version 1.0.0', body: 'Initial release' },
    FIXTURE_USER,
  );
}

async function send(octokit: ReturnType<typeof getOctokit>, url: string, interaction: Interaction) {
  const headers: Record<string, string> = {
    accept: String(interaction.reqheaders.accept ?? 'application/vnd.github.v3+json'),
  };
  if (interaction.reqheaders['content-type']) headers['content-type'] = String(interaction.reqheaders['content-type']);
  const withBody = interaction.body !== '' && interaction.body !== undefined;
  try {
    return await octokit.request({
      method: interaction.method.toUpperCase(),
      url,
      headers,
      ...(withBody ? { data: interaction.body } : {}),
    });
  } catch (error) {
    const { status, response } = error as {
      status: number;
      response?: { headers: Record<string, string>; data: unknown };
    };
    return { status, headers: response?.headers ?? {}, data: response?.data };
  }
}

describe('FakeGitHub replays recorded api.github.com interactions (@octokit/fixtures)', () => {
  let gh: FakeGitHub | undefined;
  afterEach(async () => {
    await gh?.close();
    gh = undefined;
  });

  it.each(Object.keys(scenarios))('%s', async (name) => {
    const scenario = scenarios[name] as Scenario;
    gh = await FakeGitHub.start({
      owner: ORG,
      repo: scenario.repo ?? name,
      repoOptions: { empty: true, topics: scenario.topics },
    });
    gh.addToken(FIXTURE_TOKEN, FIXTURE_USER, { type: 'User' });
    gh.state.setPermission(FIXTURE_USER, 'admin');
    scenario.seed(gh);
    const octokit = getOctokit(FIXTURE_TOKEN, { baseUrl: gh.url });
    const urls = new UrlTranslator(gh);
    const differences: string[] = [];

    for (const [index, recorded] of loadScenario(name).entries()) {
      scenario.between?.[index]?.(gh);
      const interaction = scenario.adapt ? scenario.adapt(recorded) : recorded;
      const origin = interaction.reqheaders.host === 'uploads.github.com' ? gh.uploadsUrl : gh.url;
      const response = await send(octokit, origin + urls.path(interaction.path), interaction);
      const where = `${interaction.method.toUpperCase()} ${recorded.path}`;
      if (response.status !== interaction.status)
        differences.push(`${where}: status ${interaction.status} → ${response.status}`);
      const expectedType = interaction.headers['content-type'];
      if (expectedType && interaction.response !== '' && response.headers['content-type'] !== expectedType) {
        differences.push(`${where}: content-type ${expectedType} → ${String(response.headers['content-type'])}`);
      }
      for (const header of ['link', 'location']) {
        const expected = interaction.headers[header];
        const actual = response.headers[header] as string | undefined;
        if (expected && urls.header(expected) !== actual)
          differences.push(`${where}: ${header} ${urls.header(expected)} → ${actual}`);
      }
      if (interaction.response !== '') {
        differences.push(...shapeDiff(interaction.response, response.data).map((d) => `${where}: ${d}`));
        urls.learn(interaction.response, response.data);
      }
    }

    expect(differences).toEqual([]);
  });
});
