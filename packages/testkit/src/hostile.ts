import type { Report } from '@mlgate/core';

/**
 * Strings a pull request from a stranger could put in any field of a report (file, metric, column,
 * model and branch names, error text): markup, links, mentions, references, emoji, table and code
 * breakers, bidirectional overrides, workflow commands for the runner, and sheer length.
 */
export const HOSTILE_STRINGS: readonly string[] = [
  '<img src=x onerror=alert(1)>',
  '<script>alert(1)</script><b>bold</b>',
  '[click](javascript:alert(1))',
  '<a href="https://evil.example">x</a>',
  '@octocat and @acme/team',
  '&#64;user and &commat;user',
  'fixes #1, acme/churn#2 and GH-3',
  'ABC-XYZ and JIRA-123',
  ':smile: :+1:',
  'deadbeefcafe0123456789abcdef0123456789ab',
  '`code` ``` ~~~',
  'a | b || c',
  'x\u202Eevil\u202Cy',
  '\u0085::add-mask::secret',
  '##[add-mask]secret',
  'line\n::set-output name=verdict::pass\n##[error]forged',
  '<!-- mlgate:report:default -->',
  '%%{init: {"theme": "forest"}}%% "quoted" #35; <b>',
  '</details></summary><details open>',
  'https://evil.example www.evil.example',
  'x'.repeat(10_000),
];

/** The schema's caps (report.schema.json): names 256 characters, texts 4,096, scalars 1,024. */
const SCHEMA_CAPS = { name: 256, text: 4096, scalar: 1024 } as const;

/** Keys whose values are enums, dates or patterned identifiers, not free text. */
const FIXED_KEYS = new Set([
  'schema',
  'status',
  'direction',
  'test',
  'kind',
  'createdAt',
  'registeredAt',
  'sha',
  'repository',
]);
const TEXT_KEYS = new Set(['summary', 'message']);
const SCALAR_KEYS = new Set(['observed', 'baseline', 'candidate', 'value', 'expected']);

/**
 * `report` with every free-text string replaced by `text`: names, labels, messages, file names, check
 * and test names, parameter values. With `fitSchema`, each is cut to the schema's cap for its field,
 * so the result still validates; otherwise it is the raw text, for renderers that trust no schema.
 */
export function fillReportStrings(report: Report, text: string, { fitSchema = false } = {}): Report {
  const fill = (value: unknown, key: string, parent: Record<string, unknown> | undefined): unknown => {
    if (typeof value === 'string') {
      // A metric's `label` is an enum, a revision's a name; a drift column's `method` is an enum, an interval's text.
      if (FIXED_KEYS.has(key) || (key === 'label' && parent && 'direction' in parent)) return value;
      if (key === 'method' && parent && 'drifted' in parent) return value;
      if (!fitSchema) return text;
      const cap = TEXT_KEYS.has(key) ? SCHEMA_CAPS.text : SCALAR_KEYS.has(key) ? SCHEMA_CAPS.scalar : SCHEMA_CAPS.name;
      return Array.from(text).slice(0, cap).join('');
    }
    if (Array.isArray(value)) return value.map((item) => fill(item, key, parent));
    if (value && typeof value === 'object') {
      const object = value as Record<string, unknown>;
      return Object.fromEntries(Object.entries(object).map(([k, v]) => [k, fill(v, k, object)]));
    }
    return value;
  };
  return fill(report, '', undefined) as Report;
}

/**
 * Model, metric and version names aimed at Mermaid's grammar on top of `HOSTILE_STRINGS`: quotes, directives,
 * entities, comments, brackets, arrows, keywords of the chart, whitespace of every kind and numbers it misreads.
 */
export const MERMAID_HOSTILE_STRINGS: readonly string[] = [
  ...HOSTILE_STRINGS,
  '"',
  '""',
  'a"b',
  "'single'",
  '',
  ' ',
  '\t\t',
  '\u00A0',
  'a\u00A0b',
  '%%',
  '%% comment',
  '%%{init: {"xyChart": {"width": 10}}}%%',
  '%%{wrap}%%',
  '#35;',
  '#quot;',
  '&quot;',
  '&#34;',
  '#',
  ';',
  'a;b',
  '<',
  '<br>',
  '< b',
  '>',
  '-->',
  '[1, 2]',
  ']',
  '[',
  '{}',
  'x-axis "evil"',
  'y-axis 0 --> 1',
  'line [1, 2, 3]',
  'bar [9]',
  'title "t"',
  '\n```\n# heading\n```mermaid',
  '\r\nx',
  '\u2028\u2029',
  'NaN',
  '-1e309',
  'ünïcødé ✓ 🚀',
];
