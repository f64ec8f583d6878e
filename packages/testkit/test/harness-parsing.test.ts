import { describe, it, expect } from '@jest/globals';
import {
  RUNNER_COMMANDS,
  inputEnvName,
  parseKeyValueFile,
  parsePathFile,
  parseWorkflowCommand,
  workflowCommandsIn,
} from '../src/harness.js';

describe('parseWorkflowCommand', () => {
  it('reads name, properties and data of a `::` command, ignoring leading whitespace', () => {
    expect(parseWorkflowCommand('  ::error file=src/a.ts,line=3,col=7::boom')).toEqual({
      command: 'error',
      properties: { file: 'src/a.ts', line: '3', col: '7' },
      message: 'boom',
    });
  });

  it('unescapes %0D %0A %25 in data but leaves %3A and %2C alone there', () => {
    expect(parseWorkflowCommand('::notice::a%0Ab%0Dc%25d%3Ae%2Cf')?.message).toBe('a\nb\rc%d%3Ae%2Cf');
  });

  it('unescapes %3A and %2C (and the rest) in property values', () => {
    const parsed = parseWorkflowCommand('::warning title=a%3Ab%2Cc%0Ad%2525::x');
    expect(parsed?.properties).toEqual({ title: 'a:b,c\nd%25' });
  });

  it('matches command names case-insensitively, as the runner does', () => {
    expect(parseWorkflowCommand('::Warning::careful')?.command).toBe('warning');
  });

  it('treats unregistered names, and `::` lines without a closing `::`, as plain log lines', () => {
    expect(parseWorkflowCommand('::frobnicate::x')).toBeUndefined();
    expect(parseWorkflowCommand('::error')).toBeUndefined();
    expect(parseWorkflowCommand('text ::error::not at line start')).toBeUndefined();
  });

  it('ignores properties without a key or a value', () => {
    expect(parseWorkflowCommand('::error =x,y=,,line=2::m')?.properties).toEqual({ line: '2' });
  });

  it('strips leading whitespace as .NET does, U+0085 (NEXT LINE) included', () => {
    expect(parseWorkflowCommand('\u0085\u3000::error::x')?.command).toBe('error');
  });

  it('finds the prefixes as ICU does, skipping ignorable characters, but cuts the name by ordinal offsets', () => {
    // The closing `::` is found across a zero-width space: a command on a Linux runner, not under ordinal rules.
    expect(parseWorkflowCommand('::error:\u200b:x', RUNNER_COMMANDS, 'icu')?.command).toBe('error');
    expect(parseWorkflowCommand('::error:\u200b:x', RUNNER_COMMANDS, 'ordinal')).toBeUndefined();
    // The name starts two characters after the start, so a space inside the prefix leaves `:error`.
    expect(parseWorkflowCommand(':\u200b:error::x', RUNNER_COMMANDS, 'icu')).toBeUndefined();
    expect(parseWorkflowCommand('#\u200b#[error]x', RUNNER_COMMANDS, 'icu')).toBeUndefined();
  });

  it('lists the commands in every line of an output under either matching', () => {
    expect(
      workflowCommandsIn('a\r::notice::one\r\nb ##[error]two\n::error:\u200b:three').map((c) => c.message),
    ).toEqual(['one', 'two', ':three']);
  });

  it('recognises the legacy `##[name k=v;k=v]data` form anywhere in a line', () => {
    expect(parseWorkflowCommand('prefix ##[set-output name=out%3Bx]v%5D1')).toEqual({
      command: 'set-output',
      properties: { name: 'out;x' },
      message: 'v]1',
    });
  });
});

describe('parseKeyValueFile', () => {
  it('reads `name=value` lines, keeping everything after the first `=`', () => {
    expect(parseKeyValueFile('a=1\nb=x=y\n\nc=\n')).toEqual({ ok: true, values: { a: '1', b: 'x=y', c: '' } });
  });

  it('reads the heredoc form @actions/core writes, keeping inner line breaks and `=`/`<<` text', () => {
    const text = 'multi<<ghadelimiter_1\nline 1\nk=v <<EOF\n\nline 4\nghadelimiter_1\nafter=yes\n';
    expect(parseKeyValueFile(text)).toEqual({
      ok: true,
      values: { multi: 'line 1\nk=v <<EOF\n\nline 4', after: 'yes' },
    });
  });

  it('keeps CR characters (only LF ends a line on a Linux runner)', () => {
    expect(parseKeyValueFile('a<<D\r\nx\r\nD\n')).toEqual({ ok: false, error: "Matching delimiter not found 'D\r'" });
    expect(parseKeyValueFile('a<<D\nx\r\ny\nD\n')).toEqual({ ok: true, values: { a: 'x\r\ny' } });
  });

  it('gives an empty value when the delimiter follows the header directly', () => {
    expect(parseKeyValueFile('empty<<EOF\nEOF')).toEqual({ ok: true, values: { empty: '' } });
  });

  it('chooses the form by whichever of `=` and `<<` comes first', () => {
    expect(parseKeyValueFile('a=b<<c\n')).toEqual({ ok: true, values: { a: 'b<<c' } });
    expect(parseKeyValueFile('a<<X=Y\nv\nX=Y\n')).toEqual({ ok: true, values: { a: 'v' } });
  });

  it('reports a missing delimiter, an empty heredoc name and a line of neither form', () => {
    expect(parseKeyValueFile('a<<EOF\nno end\n')).toEqual({ ok: false, error: "Matching delimiter not found 'EOF'" });
    expect(parseKeyValueFile('<<EOF\nv\nEOF\n').ok).toBe(false);
    expect(parseKeyValueFile('just text\n')).toEqual({ ok: false, error: "Invalid format 'just text'" });
  });
});

describe('parsePathFile', () => {
  it('lists directories in order, skipping blanks and moving a repeated one to the end', () => {
    expect(parsePathFile('/a\r\n\n/b\n/a\n')).toEqual(['/b', '/a']);
  });
});

describe('inputEnvName', () => {
  it('upper-cases, turns spaces into underscores and keeps dashes (as @actions/core getInput reads)', () => {
    expect(inputEnvName('github-token')).toBe('INPUT_GITHUB-TOKEN');
    expect(inputEnvName('fail on drift')).toBe('INPUT_FAIL_ON_DRIFT');
  });
});
