import { parseJson } from '../json/parse-json.js';

/**
 * Python's `json.dump` (what most training scripts use) writes NaN and infinities as the bare
 * words `NaN`, `Infinity` and `-Infinity`, which strict JSON rejects. A metric that came out NaN
 * must reach the gate as NaN so that it fails closed, so those words are accepted here.
 *
 * Each word is swapped for a string of the same length made of lone surrogates: that keeps every
 * offset (so syntax errors still point at the right line and column) and cannot collide with real
 * text, which is decoded from UTF-8 and therefore never holds a lone surrogate.
 */
export function parseJsonAllowingNonFinite(text: string, file: string): unknown {
  return restore(parseJson(markNonFinite(text), file));
}

const MARK = '\uD800';
const WORDS: readonly (readonly [string, number])[] = [
  ['-Infinity', Number.NEGATIVE_INFINITY],
  ['Infinity', Number.POSITIVE_INFINITY],
  ['NaN', Number.NaN],
];
const BY_MARK = new Map(WORDS.map(([word, value]) => [MARK.repeat(word.length - 2), value]));

function markNonFinite(text: string): string {
  let out = '';
  let copied = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') {
      i = endOfString(text, i);
      continue;
    }
    if (c !== '-' && c !== 'I' && c !== 'N') continue;
    const word = WORDS.find(([candidate]) => text.startsWith(candidate, i))?.[0];
    if (word === undefined) continue;
    out += `${text.slice(copied, i)}"${MARK.repeat(word.length - 2)}"`;
    i += word.length - 1;
    copied = i + 1;
  }
  return copied === 0 ? text : out + text.slice(copied);
}

/** Index of the closing quote of the string opening at `start` (or the last index when unterminated). */
function endOfString(text: string, start: number): number {
  for (let i = start + 1; i < text.length; i++) {
    if (text[i] === '\\') i++;
    else if (text[i] === '"') return i;
  }
  return text.length - 1;
}

function restore(value: unknown): unknown {
  if (typeof value === 'string') return BY_MARK.get(value) ?? value;
  if (Array.isArray(value)) return value.map(restore);
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, restore(inner)]));
  }
  return value;
}
