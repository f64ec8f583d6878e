/**
 * ISO 8601 calendar dates and date-times read from bytes: `YYYY-MM-DD`, optionally followed by
 * `T` (or one space, as SQL exports write it) and `HH:MM`, `:SS`, a fraction, and `Z` or a
 * `±HH:MM` / `±HHMM` offset. Anything else (week dates, ordinal dates, `24:00`) is not a datetime,
 * so that a column is only called datetime when every tool downstream can read it.
 */

const DIGIT0 = 48;

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function digit(buf: Uint8Array, i: number): number {
  const d = buf[i]! - DIGIT0;
  return d >= 0 && d <= 9 ? d : -1;
}

function twoDigits(buf: Uint8Array, i: number): number {
  const a = digit(buf, i);
  const b = digit(buf, i + 1);
  return a < 0 || b < 0 ? -1 : a * 10 + b;
}

/**
 * Milliseconds since the Unix epoch (UTC; a value without an offset is read as UTC) of the ISO
 * 8601 date or date-time in `buf[start, end)`, or NaN when the text is not one.
 */
export function parseIsoDateTime(buf: Uint8Array, start: number, end: number): number {
  const length = end - start;
  if (length < 10 || length > 35 || buf[start + 4] !== 45 || buf[start + 7] !== 45) return NaN;
  const y1 = twoDigits(buf, start);
  const y2 = twoDigits(buf, start + 2);
  const month = twoDigits(buf, start + 5);
  const day = twoDigits(buf, start + 8);
  if (y1 < 0 || y2 < 0 || month < 1 || month > 12 || day < 1) return NaN;
  const year = y1 * 100 + y2;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  if (day > DAYS_IN_MONTH[month - 1]! + (month === 2 && leap ? 1 : 0)) return NaN;
  const date = Date.UTC(year, month - 1, day);
  if (length === 10) return date;

  let i = start + 10;
  const separator = buf[i];
  if (separator !== 84 /* T */ && separator !== 32 /* space */) return NaN;
  i++;
  if (end - i < 5 || buf[i + 2] !== 58 /* : */) return NaN;
  const hour = twoDigits(buf, i);
  const minute = twoDigits(buf, i + 3);
  if (hour < 0 || hour > 23 || minute < 0 || minute > 59) return NaN;
  i += 5;
  let ms = (hour * 60 + minute) * 60_000;
  if (i < end && buf[i] === 58) {
    const second = twoDigits(buf, i + 1);
    // 60 is a leap second; it reads as the first instant of the next minute, as Date.parse does not.
    if (i + 3 > end || second < 0 || second > 60) return NaN;
    ms += second * 1000;
    i += 3;
    if (i < end && (buf[i] === 46 /* . */ || buf[i] === 44) /* , */) {
      i++;
      const fracStart = i;
      // Milliseconds are kept; finer digits are read but dropped, so times stay integers.
      let scale = 100;
      while (i < end && digit(buf, i) >= 0) {
        ms += digit(buf, i) * scale;
        scale = (scale / 10) | 0;
        i++;
      }
      if (i === fracStart) return NaN;
    }
  }
  if (i === end) return date + ms;
  const zone = buf[i]!;
  if (zone === 90 /* Z */ || zone === 122 /* z */) return i + 1 === end ? date + ms : NaN;
  if (zone !== 43 && zone !== 45) return NaN;
  const offsetHours = twoDigits(buf, i + 1);
  const rest = end - i - 3;
  const minutesAt = rest === 3 && buf[i + 3] === 58 ? i + 4 : rest === 2 ? i + 3 : -1;
  if (offsetHours < 0 || offsetHours > 23 || minutesAt < 0) return NaN;
  const offsetMinutes = twoDigits(buf, minutesAt);
  if (offsetMinutes < 0 || offsetMinutes > 59) return NaN;
  const offset = (offsetHours * 60 + offsetMinutes) * 60_000;
  return date + ms - (zone === 43 ? offset : -offset);
}
