/**
 * Collects the keys asked for within one turn of the event loop and answers them all with one call
 * of `loadMany` (which returns one value per key, in order): requests that arrive together share a
 * round trip to the database. If the call fails, every caller of that turn gets its error.
 */
export class BatchLoader<K, V> {
  private pending: { key: K; resolve: (value: V) => void; reject: (err: unknown) => void }[] = [];

  constructor(private readonly loadMany: (keys: K[]) => Promise<V[]>) {}

  load(key: K): Promise<V> {
    return new Promise<V>((resolve, reject) => {
      this.pending.push({ key, resolve, reject });
      if (this.pending.length === 1) setImmediate(() => void this.flush());
    });
  }

  private async flush(): Promise<void> {
    const batch = this.pending;
    this.pending = [];
    try {
      const values = await this.loadMany(batch.map((b) => b.key));
      batch.forEach((b, i) => b.resolve(values[i] as V));
    } catch (err) {
      for (const b of batch) b.reject(err);
    }
  }
}
