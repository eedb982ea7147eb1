// What changes only per import is held in memory (src/db/data-changes.ts): an import committed
// into a running service's database shows in extensions.dataImportedAt without a restart, and on
// PostgreSQL in every service instance on that database (NOTIFY carebridge_data_changed), with
// no per-request statement for it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.js';
import { lastImportCommittedAt } from '../src/db/children.js';
import { openDatabase } from '../src/db/connection.js';
import { importFolder } from '../src/import/import-folder.js';
import { createLogger } from '../src/log.js';
import { startService, type Service } from '../src/service.js';
import { realPostgresUrl } from './support/database.js';
import { writeExtract } from './support/extract.js';
import { startTestService, type TestService } from './support/service.js';

const child = (id: string) => ({
  'ssd_person.csv': ['pers_person_id,pers_forename,pers_surname,pers_dob', `${id},Ada,Test,2015-01-01`],
  'ssd_cin_episodes.csv': ['cine_referral_id,cine_person_id,cine_referral_date', `R${id},${id},2024-01-02`],
});

let api: TestService;
beforeAll(async () => {
  api = await startTestService();
});
afterAll(async () => api?.close());

/** extensions.dataImportedAt of a response from the service at `url`. */
async function dataImportedAt(url: string, token: string): Promise<unknown> {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query: '{ children(first: 1) { totalCount } }' }),
  });
  return ((await response.json()) as { extensions: { dataImportedAt: unknown } }).extensions.dataImportedAt;
}

describe('dataImportedAt is held in memory and follows every import', () => {
  it('changes on the next responses after an import into the running service’s database, and no request reads it', async () => {
    const token = await api.token('social-care');
    expect(await dataImportedAt(api.service.url, token)).toBeNull();
    const first = await importFolder(api.service.database, { dir: writeExtract(child('D1')), labels: api.config.labels });
    expect(first.ok, JSON.stringify(first.problems)).toBe(true);
    const committed = await lastImportCommittedAt(api.service.database);
    expect(committed).toMatch(/^\d{4}-\d\d-\d\dT/);
    // The notification is delivered on commit and the value reloaded: milliseconds, not a restart.
    await expect.poll(() => dataImportedAt(api.service.url, token), { interval: 20, timeout: 5000 }).toBe(committed);

    const sent: string[] = [];
    const listener = (text: string) => sent.push(text);
    api.service.database.statementListeners.add(listener);
    try {
      expect(await dataImportedAt(api.service.url, token)).toBe(committed);
    } finally {
      api.service.database.statementListeners.delete(listener);
    }
    expect(sent.filter((text) => text.includes('import_run'))).toEqual([]);
  });

  it.runIf(realPostgresUrl)('PostgreSQL: a second service instance on the same database sees an import another process committed', async () => {
    const second: Service = await startService(
      // The same data directory: the same demo signing key, so one token is good at both.
      loadConfig({ PORT: '0', HOST: '127.0.0.1', CAREBRIDGE_DATA_DIR: api.config.dataDir, CAREBRIDGE_DEMO_SEED: 'never', DATABASE_URL: api.config.databaseUrl! }),
      createLogger('silent'),
    );
    // The import as `npm run import` runs it: its own connection, neither service's.
    const importer = await openDatabase({ url: api.config.databaseUrl, dataDir: api.config.dataDir, ssdSchema: api.config.ssdSchema });
    try {
      await second.started;
      const token = await api.token('social-care');
      const before = await dataImportedAt(second.url, token);
      await new Promise((resolve) => setTimeout(resolve, 5));
      const report = await importFolder(importer, { dir: writeExtract(child('D2')), labels: api.config.labels });
      expect(report.ok, JSON.stringify(report.problems)).toBe(true);
      const committed = await lastImportCommittedAt(importer);
      expect(committed).not.toBe(before);
      for (const url of [api.service.url, second.url]) {
        await expect.poll(() => dataImportedAt(url, token), { interval: 20, timeout: 5000 }).toBe(committed);
      }
    } finally {
      await importer.close();
      await second.stop();
    }
  });
});
