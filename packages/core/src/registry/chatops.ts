import { parseRegistryTag } from './tags.js';

/** The one command mlgate takes from a comment. */
export const CHATOPS_USAGE = '/mlgate promote <model>@<version> <stage>';

/** Longer lines are refused before they are looked at: a real command is a few dozen characters. */
const MAX_COMMAND_CHARS = 200;

/**
 * What a comment asks of mlgate:
 * - `none`: the comment is not addressed to mlgate (it does not start with `/mlgate`); ignore it;
 * - `invalid`: it starts with `/mlgate` but breaks the grammar; `reason` says what, without quoting
 *   the comment (its text is untrusted and is never echoed back);
 * - `promote`: promote `model@version` to `stage`.
 */
export type ChatopsCommand =
  | { kind: 'none' }
  | { kind: 'invalid'; reason: string }
  | { kind: 'promote'; model: string; version: string; stage: string };

/**
 * Parses a comment body with a strict grammar: the whole comment, leading and trailing whitespace
 * aside, is the single line `/mlgate promote <model>@<version> <stage>`, in printable ASCII, with
 * the model, version and stage spelt as registry tags spell them (GTO's names, `v` + SemVer).
 * Anything more (a second line, a trailing word, a look-alike Unicode character) is refused, so a
 * command can never carry text that is executed or rendered by mistake.
 */
export function parseChatopsCommand(body: string): ChatopsCommand {
  const text = body.trim();
  if (!/^\/mlgate(\s|$)/.test(text)) return { kind: 'none' };
  if (text.length > MAX_COMMAND_CHARS) return invalid(`a command is at most ${MAX_COMMAND_CHARS} characters`);
  if (/[\r\n]/.test(text)) return invalid('a command is a single line, and the comment holds nothing else');
  if (!/^[\x20-\x7e\t]+$/.test(text)) return invalid('a command is written in printable ASCII characters only');
  const [, verb, target, stage, ...rest] = text.split(/[ \t]+/);
  if (verb !== 'promote') return invalid('the only command is promote');
  const registered = target === undefined ? null : parseRegistryTag(target);
  if (registered?.action !== 'register')
    return invalid('the first argument must be <model>@<version>, e.g. churn@v1.4.0');
  const assigned = stage === undefined ? null : parseRegistryTag(`${registered.model}#${stage}`);
  if (assigned?.action !== 'assign' || assigned.number !== null)
    return invalid('the second argument must be a stage name, e.g. production');
  if (rest.length > 0) return invalid('the command takes exactly two arguments');
  return { kind: 'promote', model: registered.model, version: registered.version, stage: assigned.stage };
}

function invalid(reason: string): ChatopsCommand {
  return { kind: 'invalid', reason: `${reason}; the grammar is \`${CHATOPS_USAGE}\`` };
}
