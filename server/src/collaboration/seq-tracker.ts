/**
 * Which of a draft's numbered batches this instance has applied. Batches from other instances may
 * arrive out of order or not at all (pub/sub drops messages); a gap means: read PostgreSQL.
 */
export class SeqTracker {
  private readonly ahead = new Set<number>();

  constructor(private upTo: number) {}

  get contiguous(): number {
    return this.upTo;
  }

  get hasGap(): boolean {
    return this.ahead.size > 0;
  }

  has(seq: number): boolean {
    return seq <= this.upTo || this.ahead.has(seq);
  }

  mark(seq: number): void {
    if (seq <= this.upTo) return;
    this.ahead.add(seq);
    while (this.ahead.delete(this.upTo + 1)) this.upTo++;
  }

  /** Everything up to `seq` is applied (after loading the snapshot and rows up to it). */
  markThrough(seq: number): void {
    if (seq > this.upTo) this.upTo = seq;
    for (const s of this.ahead) if (s <= this.upTo) this.ahead.delete(s);
    while (this.ahead.delete(this.upTo + 1)) this.upTo++;
  }
}
