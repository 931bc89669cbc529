import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

@Entity('delegation')
export class DelegationEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'committee_id', type: 'uuid' }) committeeId: string;
  @Column() code: string;
  @Column() name: string;
  @Column({ type: 'text', array: true }) aliases: string[];
}
