import { describe, expect, it } from '@jest/globals';
import { workflowCommandsIn } from '@mlgate/testkit';
import { inertCommands, inertJson, inertWriter } from './text.js';

/** Every character .NET's `Char.IsWhiteSpace` accepts but CR and LF: what the runner's `TrimStart` removes. */
const LEADING = [
  ...'\t\v\f \u0085\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a',
  ...'\u2028\u2029\u202f\u205f\u3000',
];
/** Characters ICU's collation ignores: not trimmed, but skipped when the runner looks for `::`. */
const IGNORED = [...'\ufeff\u200b\u00ad\u2060\u001f\u0000'];

const COMMANDS = ['add-mask]secret', 'set-output name=verdict]pass', 'error]forged', 'stop-commands]tok'];

/** Log lines that would be workflow commands if printed as they are. */
const HOSTILE_LINES = [
  ...LEADING.map((space) => `${space}::add-mask::secret`),
  ...LEADING.map((space) => `${space}${space}::warning title=x::forged`),
  ...COMMANDS.map((command) => `metric ##[${command}`),
  ...COMMANDS.map((command) => `##[${command}`),
  'a\r::error::after a carriage return',
  'a\r\n  ::error::after CRLF',
  '::add-mask:::three colons',
  '###[add-mask]three hashes',
  '::set-output name=x::y ##[add-mask]both',
  '\u0085\u0085##[error]legacy after NEL',
];

describe('inertCommands', () => {
  it('leaves ordinary text alone', () => {
    expect(inertCommands('a :: b\nratio 3::4 and # [x] ## [y]')).toBe('a :: b\nratio 3::4 and # [x] ## [y]');
  });

  it.each(HOSTILE_LINES)('%j is a command as printed, and no command once inert', (line) => {
    expect(workflowCommandsIn(line).length).toBeGreaterThan(0);
    expect(workflowCommandsIn(inertCommands(line))).toEqual([]);
  });

  it.each(IGNORED)('leaves no command when %j comes before or inside the prefix', (ignored) => {
    for (const line of [
      `${ignored}::error::x`,
      `:${ignored}::error::x`,
      `#${ignored}##[error]x`,
      `##${ignored}##[error]x`,
    ]) {
      expect(workflowCommandsIn(inertCommands(line))).toEqual([]);
    }
  });

  it('keeps the visible text: only zero-width spaces are added', () => {
    for (const line of HOSTILE_LINES) expect(inertCommands(line).replace(/\u200b/g, '')).toBe(line);
  });

  it('is idempotent, so text passed through two loggers stays the same', () => {
    for (const line of HOSTILE_LINES) expect(inertCommands(inertCommands(line))).toBe(inertCommands(line));
  });
});

describe('inertWriter', () => {
  it('makes the same text inert however it is split into writes', () => {
    const text = HOSTILE_LINES.join('\n');
    // A seeded split into chunks of 1 to 4 characters, so every pattern is cut at every place.
    let seed = 7;
    for (let round = 0; round < 20; round++) {
      const written: string[] = [];
      const writer = inertWriter({ write: (chunk: string) => written.push(chunk) });
      for (let at = 0; at < text.length;) {
        seed = (seed * 1103515245 + 12345) % 2 ** 31;
        const size = 1 + (seed % 4);
        writer.write(text.slice(at, at + size));
        at += size;
      }
      expect(written.join('')).toBe(inertCommands(text));
    }
  });

  it('does not treat the start of a write as the start of a line', () => {
    const written: string[] = [];
    const writer = inertWriter({ write: (chunk: string) => written.push(chunk) });
    writer.write('ratio 3');
    writer.write('::4\n');
    expect(written.join('')).toBe('ratio 3::4\n');
  });
});

describe('inertJson', () => {
  it('prints JSON that holds the same data and no workflow command', () => {
    const value = { reasons: HOSTILE_LINES, '##[add-mask]key': 1 };
    const json = inertJson(value);
    expect(JSON.parse(json)).toEqual(value);
    expect(workflowCommandsIn(json)).toEqual([]);
    expect(json).toBe(inertCommands(json));
  });
});
