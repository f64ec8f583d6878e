/** Accepts `12000000`, `12_000_000`, `12,000,000`, `12e6`, `12M` or `500k`. */
export function parseCount(text: string, flag: string): number {
  const match = /^([\d.e_,]+)\s*([kKmM]?)$/.exec(text.trim());
  const base = match ? Number((match[1] as string).replace(/[_,]/g, '')) : NaN;
  const unit = match?.[2]?.toLowerCase() === 'm' ? 1e6 : match?.[2]?.toLowerCase() === 'k' ? 1e3 : 1;
  const value = base * unit;
  if (!Number.isSafeInteger(value) || value < 0) throw new Error(`${flag}: expected a row count, got "${text}"`);
  return value;
}
