import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { randomSecret } from '../config/config';

@Injectable()
export class SettingsRepository {
  constructor(private readonly db: DataSource) {}

  /** The token secret every instance shares; the first instance to ask creates it. */
  async tokenSecret(): Promise<string> {
    await this.db.query(
      `INSERT INTO app_setting (key, value) VALUES ('token_secret', $1) ON CONFLICT (key) DO NOTHING`,
      [randomSecret()],
    );
    const rows: { value: string }[] = await this.db.query(`SELECT value FROM app_setting WHERE key = 'token_secret'`);
    const value = rows[0]?.value;
    if (!value) throw new Error('token secret missing after insert');
    return value;
  }
}
