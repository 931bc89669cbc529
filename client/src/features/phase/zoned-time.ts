import { zonedToUtc as zonedDateTimeToUtc } from '@omnibus/shared';

/**
 * The instant a wall-clock time (a datetime-local value, "2022-08-14T23:59") names in the
 * committee's time zone, whatever the browser's own zone: 23:59 typed in a UTC browser is 23:59
 * in Washington; a time skipped when clocks spring forward moves on by the gap, as the server reads
 * it. Null for an empty or malformed value.
 */
export function zonedToUtc(local: string, timeZone: string): Date | null {
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})$/.exec(local);
  return m ? zonedDateTimeToUtc(m[1]!, m[2]!, timeZone) : null;
}
