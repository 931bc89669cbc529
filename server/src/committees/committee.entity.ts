import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

@Entity('committee')
export class CommitteeEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column() name: string;
  @Column() acronym: string;
  @Column() period: string;
  @Column({ name: 'time_zone' }) timeZone: string;
  @Column({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}
