import { Inject, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import type Redis from 'ioredis';
import { COLLAB_CONFIG, CollabConfig } from './collab-config';
import { RedisConnections } from './redis-connections';
import { decoding, encoding } from './yjs';

export type BridgeMessage =
  | { kind: 'update'; instance: string; seq: number; update: Uint8Array }
  | { kind: 'awareness'; instance: string; update: Uint8Array }
  /** An instance opened the room and asks the others for their presence. */
  | { kind: 'hello'; instance: string };

type WithoutInstance<T> = T extends unknown ? Omit<T, 'instance'> : never;

const KINDS = ['update', 'awareness', 'hello'] as const;

function encodeMessage(m: BridgeMessage): Buffer {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, KINDS.indexOf(m.kind));
  encoding.writeVarString(e, m.instance);
  encoding.writeVarUint(e, m.kind === 'update' ? m.seq : 0);
  encoding.writeVarUint8Array(e, m.kind === 'hello' ? new Uint8Array(0) : m.update);
  return Buffer.from(encoding.toUint8Array(e));
}

function decodeMessage(buf: Buffer): BridgeMessage | null {
  try {
    const d = decoding.createDecoder(new Uint8Array(buf));
    const kind = KINDS[decoding.readVarUint(d)];
    const instance = decoding.readVarString(d);
    const seq = decoding.readVarUint(d);
    const update = decoding.readVarUint8Array(d);
    if (kind === 'update') return { kind, instance, seq, update };
    if (kind === 'awareness') return { kind, instance, update };
    if (kind === 'hello') return { kind, instance };
    return null;
  } catch {
    return null;
  }
}

/**
 * Carries a room's committed updates and presence between instances over Redis pub/sub, one
 * channel per draft. Pub/sub may drop a message; rooms catch up from PostgreSQL by sequence number.
 */
@Injectable()
export class RedisBridge implements OnModuleInit {
  private readonly logger = new Logger('CollabBridge');
  private pub: Redis | null = null;
  private sub: Redis | null = null;
  private readonly handlers = new Map<string, (m: BridgeMessage) => void>();

  constructor(
    private readonly connections: RedisConnections,
    @Inject(COLLAB_CONFIG) private readonly config: CollabConfig,
  ) {}

  private channelOf(draftId: string): string {
    return `${this.config.redisPrefix}:collab:${draftId}`;
  }

  get enabled(): boolean {
    return this.connections.enabled;
  }

  onModuleInit(): void {
    if (!this.connections.enabled) return;
    this.pub = this.connections.connect('collab-pub');
    this.sub = this.connections.connect('collab-sub');
    this.sub.on('messageBuffer', (channel: Buffer, message: Buffer) => {
      const handler = this.handlers.get(channel.toString());
      const decoded = decodeMessage(message);
      if (!handler || !decoded || decoded.instance === this.config.instanceId) return;
      handler(decoded);
    });
  }

  async join(draftId: string, handler: (m: BridgeMessage) => void): Promise<void> {
    if (!this.sub) return;
    this.handlers.set(this.channelOf(draftId), handler);
    await this.sub.subscribe(this.channelOf(draftId));
  }

  async leave(draftId: string): Promise<void> {
    if (!this.sub) return;
    this.handlers.delete(this.channelOf(draftId));
    await this.sub.unsubscribe(this.channelOf(draftId)).catch(() => undefined);
  }

  /** Resolves to how many subscribers got it, this instance included (0 when Redis is off or failed). */
  publish(draftId: string, m: WithoutInstance<BridgeMessage>): Promise<number> {
    if (!this.pub) return Promise.resolve(0);
    const message = encodeMessage({ ...m, instance: this.config.instanceId } as BridgeMessage);
    return this.pub.publish(this.channelOf(draftId), message).catch((err: unknown) => {
      this.logger.warn(`publish to ${draftId} failed: ${String(err)}`);
      return 0;
    });
  }
}
