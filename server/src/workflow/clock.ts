import { Injectable } from '@nestjs/common';

/**
 * The server's notion of "now" for deadlines (comment window, silence procedures). Everything that
 * compares against a deadline asks this clock, never `Date`, so a rehearsal or a test can play the
 * work plan's 2022 calendar: `travelTo` shifts the clock, and time keeps flowing from there, so
 * timers armed for a deadline still fire at the right moment.
 */
@Injectable()
export class Clock {
  private offsetMs = 0;
  private readonly listeners = new Set<() => void>();

  now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }

  /** Moves "now" to `instant` (null: back to the system clock) and tells whoever armed timers. */
  travelTo(instant: Date | null): void {
    this.offsetMs = instant === null ? 0 : instant.getTime() - Date.now();
    for (const listener of this.listeners) listener();
  }

  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
