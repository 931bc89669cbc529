import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { readInfo } from '../../../test/support/test-database';
import { DB_TYPES_FILE, generateDbTypes } from './db-types-generator';

describe('generated database types', () => {
  it('are what the migrations build today (after a schema change, run `npm run db:types` and commit the file)', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'omnibus-db-types-'));
    try {
      const fresh = path.join(dir, 'db-types.ts');
      await generateDbTypes(fresh, readInfo().adminUrl);
      const committed = fs.readFileSync(DB_TYPES_FILE, 'utf8');
      const generated = fs.readFileSync(fresh, 'utf8');
      expect(generated.length).toBeGreaterThan(0);
      expect(generated).toBe(committed);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
