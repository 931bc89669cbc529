import { Inject, Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import Redis from 'ioredis';
import { COLLAB_CONFIG, type CollabConfig } from '../collaboration/collab-config';

/**
 * Redis for sign-in limits and session ends, when REDIS_URL is set: one connection for commands
 * and publishing, one for subscribing. Keys and channels carry the deployment's prefix
 * (REDIS_PREFIX, or the database's name), like the co-editing channels.
 */
@Injectable()
export class AuthRedis implements OnApplicationShutdown {
  private readonly logger = new Logger('AuthRedis');
  readonly prefix: string;
  private readonly url: string | null;
  private commandClient: Redis | null = null;
  private subscriber: Redis | null = null;

  constructor(@Inject(COLLAB_CONFIG) config: CollabConfig) {
    this.url = config.redisUrl;
    this.prefix = config.redisPrefix;
  }

  get enabled(): boolean {
    return this.url !== null;
  }

  private open(name: string): Redis {
    const client = new Redis(this.url as string, { connectionName: `omnibus-auth-${name}`, maxRetriesPerRequest: 1, enableOfflineQueue: true });
    client.on('error', (err: Error) => this.logger.warn(`Redis (${name}): ${err.message}`));
    return client;
  }

  /** Commands and publishing; null without Redis. */
  get command(): Redis | null {
    if (!this.url) return null;
    this.commandClient ??= this.open('command');
    return this.commandClient;
  }

  /** A subscriber connection (pub/sub needs one of its own); null without Redis. */
  get sub(): Redis | null {
    if (!this.url) return null;
    this.subscriber ??= this.open('sub');
    return this.subscriber;
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.all(
      [this.commandClient, this.subscriber].filter((c): c is Redis => c !== null).map((c) => c.quit().catch(() => c.disconnect())),
    );
  }
}
