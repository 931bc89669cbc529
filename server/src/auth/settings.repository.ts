import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { randomSecret } from '../config/config';
import { kysely } from '../database/kysely';

@Injectable()
export class SettingsRepository {
  constructor(private readonly db: DataSource) {}

  /** The token secret every instance shares; the first instance to ask creates it. */
  async tokenSecret(): Promise<string> {
    const db = kysely(this.db.manager);
    await db.insertInto('app_setting').values({ key: 'token_secret', value: randomSecret() }).onConflict((oc) => oc.column('key').doNothing()).execute();
    const row = await db.selectFrom('app_setting').select('value').where('key', '=', 'token_secret').executeTakeFirst();
    const value = row?.value;
    if (!value) throw new Error('token secret missing after insert');
    return value;
  }
}
