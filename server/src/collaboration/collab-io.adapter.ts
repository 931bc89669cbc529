import type { INestApplicationContext } from '@nestjs/common';
import { IoAdapter } from '@nestjs/platform-socket.io';
import { createAdapter } from '@socket.io/redis-adapter';
import { COLLAB_LIMITS } from '@omnibus/shared';
import type { Server, ServerOptions } from 'socket.io';
import { COLLAB_CONFIG, CollabConfig } from './collab-config';
import { RedisConnections } from './redis-connections';

/**
 * The socket.io server of the app: a transport limit above the collaboration frame limit (so an
 * oversized frame gets an error event, not a dropped connection), and with Redis the socket.io
 * Redis adapter, so broadcasts of every namespace reach sockets on other instances. (The Yjs
 * documents themselves are kept in step by the collaboration rooms, which the adapter cannot do.)
 */
export class CollabIoAdapter extends IoAdapter {
  private readonly redis: RedisConnections;
  private readonly prefix: string;

  constructor(app: INestApplicationContext) {
    super(app);
    this.redis = app.get(RedisConnections);
    this.prefix = app.get<CollabConfig>(COLLAB_CONFIG).redisPrefix;
  }

  override createIOServer(port: number, options?: ServerOptions): Server {
    const server = super.createIOServer(port, { ...options, maxHttpBufferSize: COLLAB_LIMITS.transportBytes } as ServerOptions) as Server;
    if (this.redis.enabled) server.adapter(createAdapter(this.redis.connect('io-pub'), this.redis.connect('io-sub'), { key: `${this.prefix}:socket.io` }));
    return server;
  }
}
