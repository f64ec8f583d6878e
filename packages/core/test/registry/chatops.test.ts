import { describe, expect, it } from '@jest/globals';
import { CHATOPS_USAGE, parseChatopsCommand } from '../../src/registry/chatops.js';

describe('parseChatopsCommand', () => {
  it.each([
    ['/mlgate promote churn@v1.4.0 production', { model: 'churn', version: 'v1.4.0', stage: 'production' }],
    ['  /mlgate promote churn@v1.4.0 staging\r\n', { model: 'churn', version: 'v1.4.0', stage: 'staging' }],
    ['/mlgate\tpromote  cv/seg@v0.1.0-rc.1   shadow', { model: 'cv/seg', version: 'v0.1.0-rc.1', stage: 'shadow' }],
  ])('reads %j as a promotion', (body, expected) => {
    expect(parseChatopsCommand(body)).toEqual({ kind: 'promote', ...expected });
  });

  it.each([
    'LGTM, ship it',
    'please run /mlgate promote churn@v1.4.0 production',
    '> /mlgate promote churn@v1.4.0 production',
    '/mlgateway promote churn@v1.4.0 production',
    '',
  ])('ignores %j: not addressed to mlgate', (body) => {
    expect(parseChatopsCommand(body)).toEqual({ kind: 'none' });
  });

  it.each([
    ['/mlgate', 'the only command is promote'],
    ['/mlgate deploy churn@v1.4.0 production', 'the only command is promote'],
    ['/mlgate Promote churn@v1.4.0 production', 'the only command is promote'],
    ['/mlgate promote churn production', 'the first argument must be <model>@<version>'],
    ['/mlgate promote churn@1.4.0 production', 'the first argument must be <model>@<version>'],
    ['/mlgate promote churn@latest production', 'the first argument must be <model>@<version>'],
    ['/mlgate promote churn@v1.4.0! production', 'the first argument must be <model>@<version>'],
    ['/mlgate promote churn#production#3 production', 'the first argument must be <model>@<version>'],
    ['/mlgate promote -churn@v1.4.0 production', 'the first argument must be <model>@<version>'],
    ['/mlgate promote churn@v1.4.0', 'the second argument must be a stage name'],
    ['/mlgate promote churn@v1.4.0 prod!', 'the second argument must be a stage name'],
    ['/mlgate promote churn@v1.4.0 prod#1', 'the second argument must be a stage name'],
    ['/mlgate promote churn@v1.4.0 $(curl evil)', 'the second argument must be a stage name'],
    ['/mlgate promote churn@v1.4.0 production now', 'the command takes exactly two arguments'],
    ['/mlgate promote churn@v1.4.0 production\n/mlgate promote fraud@v2.0.0 production', 'a single line'],
    ['/mlgate promote churn@v1.4.0 production\n\nthanks!', 'a single line'],
    ['/mlgate promote churn@v1.4.0 producti\u043en', 'printable ASCII'],
    ['/mlgate\u00a0promote churn@v1.4.0 production', 'printable ASCII'],
    ['/mlgate promote churn@v1.4.0 production\u202e', 'printable ASCII'],
    [`/mlgate promote churn@v1.4.0 ${'p'.repeat(300)}`, 'at most 200 characters'],
  ])('refuses %j, saying why', (body, reason) => {
    const command = parseChatopsCommand(body);
    expect(command.kind).toBe('invalid');
    const message = (command as { reason: string }).reason;
    expect(message).toContain(reason);
    expect(message).toContain(CHATOPS_USAGE);
  });

  it('never quotes the refused comment in its reason', () => {
    const hostile = [
      '/mlgate promote churn@v1.4.0 @everyone',
      '/mlgate promote <img src=x onerror=alert(1)>@v1.0.0 production',
      '/mlgate ::set-output name=x::y',
      '/mlgate promote churn@v1.4.0 production\n## Approved by the admin',
    ];
    for (const body of hostile) {
      const command = parseChatopsCommand(body);
      expect(command.kind).toBe('invalid');
      const reason = (command as { reason: string }).reason;
      expect(reason.replace(CHATOPS_USAGE, '')).not.toMatch(/@everyone|<img|::set-output|Approved|onerror/);
    }
  });
});
