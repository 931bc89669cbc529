import { Module } from '@nestjs/common';
import { AuditService } from '../audit/audit.service';
import { DelegationsRepository } from '../committees/delegations.repository';
import { DraftsRepository } from '../drafts/drafts.repository';
import { UsersRepository } from '../users/users.repository';
import { CollabDocumentsRepository } from './collab-documents.repository';
import { CollabWritersRepository } from './collab-writers.repository';
import { CollabGateway } from './collab.gateway';
import { CollabService } from './collab.service';
import { ProjectionRepository } from './projection.repository';
import { RedisBridge } from './redis-bridge';
import { RedisConnections } from './redis-connections';

/** Real-time co-editing of a draft's text (Yjs over socket.io), its durability, projection and scale-out; COLLAB_CONFIG comes from the global ConfigModule. */
@Module({
  providers: [
    RedisConnections,
    RedisBridge,
    CollabDocumentsRepository,
    CollabWritersRepository,
    ProjectionRepository,
    DraftsRepository,
    DelegationsRepository,
    UsersRepository,
    AuditService,
    CollabService,
    CollabGateway,
  ],
  exports: [CollabService, RedisConnections],
})
export class CollabModule {}
