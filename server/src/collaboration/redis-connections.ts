import { Inject, Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import Redis from 'ioredis';
import { COLLAB_CONFIG, CollabConfig } from './collab-config';

/**
 * The Redis connections of one app instance, or none when REDIS_URL is unset. Pub/sub needs a
 * connection of its own for subscribing, so there are two for our own channels and two for the
 * socket.io adapter.
 */
@Injectable()
export class RedisConnections implements OnApplicationShutdown {
  private readonly logger = new Logger('CollabRedis');
  readonly enabled: boolean;
  private readonly clients: Redis[] = [];

  constructor(@Inject(COLLAB_CONFIG) private readonly config: CollabConfig) {
    this.enabled = config.redisUrl !== null;
  }

  /** A new connection; the app closes it on shutdown. */
  connect(name: string): Redis {
    if (this.config.redisUrl === null) throw new Error('Redis is not configured (REDIS_URL is unset)');
    const client = new Redis(this.config.redisUrl, { connectionName: `omnibus-${name}-${this.config.instanceId}`, maxRetriesPerRequest: null, lazyConnect: false });
    client.on('error', (err: Error) => this.logger.warn(`Redis (${name}): ${err.message}`));
    this.clients.push(client);
    return client;
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.all(this.clients.map((c) => c.quit().catch(() => c.disconnect())));
  }
}
