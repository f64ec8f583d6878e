/** The flights data files (data/*.csv): one flight a line, as scripts/derive-data.mjs writes them. */

export interface Flight {
  id: string;
  /** Local departure time, `YYYY-MM-DDTHH:MM`. */
  date: string;
  distance: number;
  origin: string;
  destination: string;
  /** Arrival delay in minutes (negative: early). */
  delay: number;
}

/** Delayed means more than 15 minutes late: the US Department of Transportation's on-time definition. */
export const DELAY_THRESHOLD_MINUTES = 15;

export function isDelayed(flight: Flight): number {
  return flight.delay > DELAY_THRESHOLD_MINUTES ? 1 : 0;
}

const COLUMNS = ['id', 'date', 'distance', 'origin', 'destination', 'delay'] as const;

/** Parses a flights CSV (no quoting: every field is a number, a timestamp or an airport code). */
export function parseFlights(text: string, file: string): Flight[] {
  const lines = text.split('\n');
  const header = lines[0]?.trim().split(',') ?? [];
  const index = COLUMNS.map((name) => {
    const at = header.indexOf(name);
    if (at < 0) throw new Error(`${file}:1: missing column "${name}" (header: ${header.join(',')})`);
    return at;
  });
  const flights: Flight[] = [];
  for (let n = 1; n < lines.length; n++) {
    const line = lines[n]!.trim();
    if (line === '') continue;
    const fields = line.split(',');
    const [id, date, distance, origin, destination, delay] = index.map((at) => fields[at] ?? '');
    const number = (value: string, column: string) => {
      const parsed = Number(value);
      if (value === '' || !Number.isFinite(parsed)) {
        throw new Error(`${file}:${n + 1}: column "${column}" is not a number: "${value}"`);
      }
      return parsed;
    };
    if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(date!)) {
      throw new Error(`${file}:${n + 1}: column "date" is not a YYYY-MM-DDTHH:MM time: "${date}"`);
    }
    flights.push({
      id: id!,
      date: date!,
      distance: number(distance!, 'distance'),
      origin: origin!,
      destination: destination!,
      delay: number(delay!, 'delay'),
    });
  }
  return flights;
}

/** Departure hour, 0–23. */
export function hourOf(flight: Flight): number {
  return Number(flight.date.slice(11, 13));
}

/** Day of the week, 0 (Sunday) – 6. */
export function weekdayOf(flight: Flight): number {
  return new Date(`${flight.date.slice(0, 10)}T00:00:00Z`).getUTCDay();
}
