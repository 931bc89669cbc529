/** The committee's time zone conversions live in shared/, where the client's deadline fields use them too. */
export { describeInstant, localDate, wallClock, zonedToUtc } from '@omnibus/shared';
