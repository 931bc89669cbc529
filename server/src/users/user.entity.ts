import type { Role } from '@omnibus/shared';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

@Entity('app_user')
export class UserEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'committee_id', type: 'uuid' }) committeeId: string;
  @Column() username: string;
  @Column({ name: 'display_name' }) displayName: string;
  @Column({ name: 'password_hash' }) passwordHash: string;
  @Column({ type: 'varchar' }) role: Role;
  @Column({ name: 'delegation_id', type: 'uuid', nullable: true }) delegationId: string | null;
  @Column() disabled: boolean;
  @Column({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}
