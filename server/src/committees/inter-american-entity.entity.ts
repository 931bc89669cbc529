import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** CICAD, CICTE, IADB: the inter-American entities that each hold a section of the resolution. */
@Entity('inter_american_entity')
export class InterAmericanEntityEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'committee_id', type: 'uuid' }) committeeId: string;
  @Column() key: string;
  @Column() name: string;
}
