/**
 * Instants are stored in UTC; the committee reads them in its own time zone (the work plan's times
 * are Washington, D.C. times). These helpers convert with the runtime's ICU data, so daylight
 * saving is applied as the zone's rules say, never by a fixed offset.
 */

const partsFormatters = new Map<string, Intl.DateTimeFormat>();

function partsIn(timeZone: string): Intl.DateTimeFormat {
  let f = partsFormatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    partsFormatters.set(timeZone, f);
  }
  return f;
}

interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

export function wallClock(instant: Date, timeZone: string): WallClock {
  const parts = Object.fromEntries(partsIn(timeZone).formatToParts(instant).map((p) => [p.type, p.value]));
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour),
    minute: Number(parts.minute),
    second: Number(parts.second),
  };
}

/** How far the zone's wall clock is ahead of UTC at `instant`, in milliseconds. */
function offsetAt(instant: Date, timeZone: string): number {
  const w = wallClock(instant, timeZone);
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  return asUtc - Math.floor(instant.getTime() / 1000) * 1000;
}

/**
 * The instant at which the zone's wall clock reads `date` `time` ("2022-09-01", "10:00"), with
 * Temporal's "compatible" disambiguation: a wall time that occurs twice (the hour repeated when
 * clocks fall back) is its earlier instant; a wall time that never occurs (the hour skipped when
 * clocks spring forward) moves forward by the length of the gap (02:30 becomes 03:30).
 */
export function zonedToUtc(date: string, time: string, timeZone: string): Date {
  const d = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const t = /^(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(time);
  if (!d || !t) throw new RangeError(`Not a local date and time: ${date} ${time}`);
  const naive = Date.UTC(Number(d[1]), Number(d[2]) - 1, Number(d[3]), Number(t[1]), Number(t[2]), Number(t[3] ?? 0));
  // No zone changes its offset twice within a day: the offsets a day either side are the two
  // candidates around any transition near this wall time.
  const before = offsetAt(new Date(naive - DAY), timeZone);
  const after = offsetAt(new Date(naive + DAY), timeZone);
  const readsBack = (offset: number): boolean => offsetAt(new Date(naive - offset), timeZone) === offset;
  const matches = [before, after].filter(readsBack).map((offset) => naive - offset);
  if (matches.length > 0) return new Date(Math.min(...matches));
  return new Date(naive - before);
}

const DAY = 24 * 3600 * 1000;

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/** "2022-08-14" as the zone's calendar reads `instant`. */
export function localDate(instant: Date, timeZone: string): string {
  const w = wallClock(instant, timeZone);
  return `${pad(w.year, 4)}-${pad(w.month)}-${pad(w.day)}`;
}

/** "Sunday, August 14, 2022, 11:59 PM EDT (America/New_York)": what an error message names. */
export function describeInstant(instant: Date, timeZone: string): string {
  const text = new Intl.DateTimeFormat('en-US', {
    timeZone,
    weekday: 'long',
    year: 'numeric',
    month: 'long',
    day: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
    timeZoneName: 'short',
  }).format(instant);
  return `${text} (${timeZone})`;
}
