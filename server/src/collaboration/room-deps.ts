import type { DataSource } from 'typeorm';
import type { DelegationsRepository } from '../committees/delegations.repository';
import type { UsersRepository } from '../users/users.repository';
import type { AuditService } from '../audit/audit.service';
import type { DraftsRepository } from '../drafts/drafts.repository';
import type { DraftEvents } from '../events/draft-events';
import type { CollabConfig } from './collab-config';
import type { CollabDocumentsRepository } from './collab-documents.repository';
import type { ProjectionRepository } from './projection.repository';
import type { RedisBridge } from './redis-bridge';
import type { MetricsRegistry } from '../metrics/metrics.registry';
import type { WriterLeases } from './writer-leases';

/** What every room of an instance shares. */
export interface RoomDeps {
  config: CollabConfig;
  db: DataSource;
  docs: CollabDocumentsRepository;
  projection: ProjectionRepository;
  drafts: DraftsRepository;
  audit: AuditService;
  events: DraftEvents;
  bridge: RedisBridge;
  users: UsersRepository;
  delegations: DelegationsRepository;
  metrics: MetricsRegistry;
  writers: WriterLeases;
  /** Sends a frame to this instance's sockets in a room, encoded once for all of them. */
  emit(room: string, frame: Uint8Array): void;
}
