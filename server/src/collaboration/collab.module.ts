import { Module } from '@nestjs/common';
import { AuditService } from '../audit/audit.service';
import { DraftsRepository } from '../drafts/drafts.repository';
import { COLLAB_CONFIG, loadCollabConfig } from './collab-config';
import { CollabDocumentsRepository } from './collab-documents.repository';
import { CollabGateway } from './collab.gateway';
import { CollabService } from './collab.service';
import { ProjectionRepository } from './projection.repository';
import { RedisBridge } from './redis-bridge';
import { RedisConnections } from './redis-connections';

/** Real-time co-editing of a draft's text (Yjs over socket.io), its durability, projection and scale-out. */
@Module({
  providers: [
    { provide: COLLAB_CONFIG, useFactory: () => loadCollabConfig() },
    RedisConnections,
    RedisBridge,
    CollabDocumentsRepository,
    ProjectionRepository,
    DraftsRepository,
    AuditService,
    CollabService,
    CollabGateway,
  ],
  exports: [CollabService, RedisConnections],
})
export class CollabModule {}
