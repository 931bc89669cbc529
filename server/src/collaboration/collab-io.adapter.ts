import { Logger, type INestApplicationContext } from '@nestjs/common';
import { IoAdapter } from '@nestjs/platform-socket.io';
import { createAdapter } from '@socket.io/redis-adapter';
import { COLLAB_LIMITS } from '@omnibus/shared';
import { PARAMS_PROVIDER_TOKEN, PinoLogger, type Params } from 'nestjs-pino';
import type { Server, ServerOptions } from 'socket.io';
import type { AppConfig } from '../config/config';
import { APP_CONFIG } from '../config/config.module';
import { bindSocketLogs } from '../logging/socket-context';
import { MetricsRegistry } from '../metrics/metrics.registry';
import { COLLAB_CONFIG, CollabConfig } from './collab-config';
import { bufferedBytes, dropConnection } from './connection-guard';
import { RedisConnections } from './redis-connections';
import { coalesceWrites } from './write-coalescing';

/** How often every connection's unread bytes are compared with the budget. */
const BUFFER_CHECK_MS = 250;

/**
 * The socket.io server of the app: a transport limit above the collaboration frame limit (so an
 * oversized frame gets an error event, not a dropped connection), a budget of unread outgoing
 * bytes per connection (a reader that does not read is dropped and its buffers freed, whatever
 * namespace filled them), and with Redis the socket.io Redis adapter, so broadcasts of every
 * namespace reach sockets on other instances. (The Yjs documents themselves are kept in step by
 * the collaboration rooms, which the adapter cannot do.)
 */
export class CollabIoAdapter extends IoAdapter {
  private readonly logger = new Logger('Sockets');
  private readonly redis: RedisConnections;
  private readonly prefix: string;
  private readonly budget: number;
  private readonly metrics: MetricsRegistry;
  private readonly timers = new Map<unknown, NodeJS.Timeout>();
  private readonly pino: PinoLogger;

  constructor(app: INestApplicationContext) {
    super(app);
    this.redis = app.get(RedisConnections);
    this.prefix = app.get<CollabConfig>(COLLAB_CONFIG).redisPrefix;
    this.budget = app.get<AppConfig>(APP_CONFIG).guard.socketBufferBytes;
    this.metrics = app.get(MetricsRegistry);
    this.pino = new PinoLogger(app.get<Params>(PARAMS_PROVIDER_TOKEN));
  }

  override createIOServer(port: number, options?: ServerOptions): Server {
    const server = super.createIOServer(port, { ...options, maxHttpBufferSize: COLLAB_LIMITS.transportBytes } as ServerOptions) as Server;
    if (this.redis.enabled) server.adapter(createAdapter(this.redis.connect('io-pub'), this.redis.connect('io-sub'), { key: `${this.prefix}:socket.io` }));
    // Nest creates the server once and hands namespaces of it to every gateway.
    if (!this.timers.has(server)) {
      this.timers.set(server, setInterval(() => this.dropSlowReaders(server), BUFFER_CHECK_MS).unref());
      bindSocketLogs(server, this.pino);
      coalesceWrites(server);
    }
    return server;
  }

  /** Drops every connection holding more unread bytes than the budget. */
  private dropSlowReaders(server: Server): void {
    const clients = (server.engine as unknown as { clients?: Record<string, unknown> } | undefined)?.clients;
    if (!clients) return;
    for (const conn of Object.values(clients)) {
      const bytes = bufferedBytes(conn);
      if (bytes <= this.budget) continue;
      this.logger.warn(`dropped a connection that is not reading: ${bytes} bytes unread (budget ${this.budget})`);
      this.metrics.inc('omnibus_sockets_dropped_total', 'Connections dropped for holding more unread bytes than SOCKET_SEND_BUFFER_BYTES.');
      dropConnection(conn);
    }
  }

  override async close(server: Parameters<IoAdapter['close']>[0]): Promise<void> {
    const t = this.timers.get(server);
    if (t) clearInterval(t);
    this.timers.delete(server);
    await super.close(server);
  }
}
