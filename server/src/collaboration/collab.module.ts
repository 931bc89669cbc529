import { Module } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { DelegationsRepository } from '../committees/delegations.repository';
import { DraftsRepository } from '../drafts/drafts.repository';
import { UsersRepository } from '../users/users.repository';
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
    {
      provide: COLLAB_CONFIG,
      inject: [DataSource],
      // Named after the database this instance really uses, embedded or not.
      useFactory: (db: DataSource) => loadCollabConfig(process.env, (db.options as { url?: string }).url),
    },
    RedisConnections,
    RedisBridge,
    CollabDocumentsRepository,
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
