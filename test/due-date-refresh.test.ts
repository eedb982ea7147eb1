// The stored due dates follow the day and every import without a restart (issue 13): each
// instance checks every CAREBRIDGE_DUE_DATE_CHECK_S that the store answers for today and stores
// it when not; on PostgreSQL two instances store it once between them (the store's advisory lock).
import { Writable } from 'node:stream';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.js';
import { storeAnswers, storedWindow } from '../src/db/due-date-store.js';
import { todayInLondon } from '../src/domain/calendar.js';
import { importFolder } from '../src/import/import-folder.js';
import { startService, type Service } from '../src/service.js';
import { createPostgresDatabase, realPostgresUrl } from './support/database.js';
import { writeExtract } from './support/extract.js';
import { startTestService, type TestService } from './support/service.js';

const child = (id: string) => ({
  'ssd_person.csv': ['pers_person_id,pers_forename,pers_surname,pers_dob', `${id},Ada,Test,2015-01-01`],
  'ssd_cin_episodes.csv': ['cine_referral_id,cine_person_id,cine_referral_date', `R${id},${id},2024-01-02`],
  'ssd_cin_plans.csv': ['cinp_cin_plan_id,cinp_referral_id,cinp_person_id,cinp_cin_plan_start_date', `P${id},R${id},${id},2024-02-01`],
});

/** A logger whose lines a test can read. */
function recordingLogger(lines: Record<string, unknown>[]) {
  return pino({ level: 'info' }, new Writable({ write: (chunk, _encoding, done) => (lines.push(JSON.parse(String(chunk)) as Record<string, unknown>), done()) }));
}

const storedToday = (api: TestService) =>
  storeAnswers(api.service.database, { asOf: todayInLondon(), window: storedWindow(todayInLondon()), policy: api.config.policy });

let api: TestService;
beforeAll(async () => {
  api = await startTestService({ CAREBRIDGE_DUE_DATE_CHECK_S: '1' });
});
afterAll(async () => api?.close());

describe('the stored due dates follow imports and the day', () => {
  it('an import into the running service’s database is stored for today within a check, without a restart', async () => {
    expect(await storedToday(api)).toBe(false);
    const report = await importFolder(api.service.database, { dir: writeExtract(child('F1')), labels: api.config.labels });
    expect(report.ok, JSON.stringify(report.problems)).toBe(true);
    await expect.poll(() => storedToday(api), { interval: 100, timeout: 15_000 }).toBe(true);
    // What stands in for the next day: a store that no longer answers for today is stored again.
    await api.service.database.query('DELETE FROM carebridge.due_date_store');
    await expect.poll(() => storedToday(api), { interval: 100, timeout: 15_000 }).toBe(true);
  });

  it.runIf(realPostgresUrl)('PostgreSQL: two instances on one database store it once between them', async () => {
    const server = await createPostgresDatabase(realPostgresUrl!);
    const lines: Record<string, unknown>[] = [];
    const settings = { PORT: '0', HOST: '127.0.0.1', CAREBRIDGE_DATA_DIR: api.config.dataDir, CAREBRIDGE_DEMO_SEED: 'never', DATABASE_URL: server.url, CAREBRIDGE_DUE_DATE_CHECK_S: '1' };
    const instances: Service[] = [];
    try {
      instances.push(...(await Promise.all([startService(loadConfig(settings), recordingLogger(lines)), startService(loadConfig(settings), recordingLogger(lines))])));
      await Promise.all(instances.map((instance) => instance.started));
      const { database } = instances[0]!;
      const report = await importFolder(database, { dir: writeExtract(child('F2')), labels: api.config.labels });
      expect(report.ok, JSON.stringify(report.problems)).toBe(true);
      const today = todayInLondon();
      await expect.poll(() => storeAnswers(database, { asOf: today, window: storedWindow(today), policy: api.config.policy }), { interval: 100, timeout: 15_000 }).toBe(true);
      // Both have checked at least once more since.
      await new Promise((resolve) => setTimeout(resolve, 2500));
      expect(lines.filter((line) => line.msg === 'due dates stored for today')).toHaveLength(1);
    } finally {
      await Promise.all(instances.map((instance) => instance.stop()));
      await server.drop();
    }
  });
});
