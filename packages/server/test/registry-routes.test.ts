import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../src/testing.js';

const dataDir = join(tmpdir(), `khidma-registry-routes-${process.pid}-${Date.now()}`);
mkdirSync(dataDir, { recursive: true });
const header = 'id,first_name,last_name,dob,cin\n';
writeFileSync(
  join(dataDir, 'rnp.csv'),
  `${header}a1,محمد,الإدريسي,12/03/1980,AB123456\na2,فاطمة,العلوي,01/07/1975,C654321\na3,عمر,برادة,30/09/1985,E333444\na4,خديجة,التازي,05/02/1962,\n`,
);
writeFileSync(
  join(dataDir, 'rsu.csv'),
  `${header}b1,Mohamed,El Idrissi,1980-03-12,AB123456\nb2,Fatima,Alaoui,1975-07-01,C654321\nb3,Omar,Berrada,1985-09-30,E333445\nb4,Khadija,Tazi,1962-01-01,\n`,
);

const config = (path: string) => ({
  linkType: 'link',
  sources: [
    {
      name: 'RNP',
      path: path === 'outside' ? '/etc/passwd' : join(dataDir, 'rnp.csv'),
      id: 'id',
      columns: { date_of_birth: 'dob' },
    },
    { name: 'RSU', path: join(dataDir, 'rsu.csv'), id: 'id', columns: { date_of_birth: 'dob' } },
  ],
  fields: [
    { name: 'first_name', kind: 'name' },
    { name: 'last_name', kind: 'name' },
    { name: 'date_of_birth', kind: 'date' },
    { name: 'cin', kind: 'id' },
  ],
  comparisons: [
    { field: 'first_name' },
    { field: 'last_name' },
    { field: 'date_of_birth' },
    { field: 'cin' },
  ],
  blocking: [['date_of_birth_y'], ['last_name_sk']],
  training: { uPairs: 16, maxIterations: 20, tolerance: 1e-6 },
  threshold: 0.5,
});

describe('registry linkage endpoints', () => {
  let t: TestApp;
  let admin: string;
  let member: string;
  beforeAll(async () => {
    process.env.KHIDMA_REGISTRY_DATA_DIR = dataDir;
    t = await createTestApp();
    admin = (await t.createKey({ org: 'registry-suite', role: 'org-admin' })).key;
    member = (await t.createKey({ org: 'registry-suite' })).key;
  });
  afterAll(async () => {
    await t.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const call = (method: 'GET' | 'POST', url: string, key: string, payload?: unknown) =>
    t.app.inject({
      method,
      url,
      ...(payload ? { payload: JSON.stringify(payload) } : {}),
      headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
    });

  async function finished(id: string) {
    for (let i = 0; i < 200; i++) {
      const res = await call('GET', `/v1/registry/jobs/${id}`, admin);
      const body = res.json();
      if (body.status === 'done' || body.status === 'failed') return body;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error('job did not finish');
  }

  it('runs a linkage job, reports progress per stage, and queues uncertain pairs for review', async () => {
    const start = await call('POST', '/v1/registry/jobs', admin, { config: config('inside') });
    expect(start.statusCode).toBe(202);
    const job = await finished(start.json().id);
    expect(job.status).toBe('done');
    expect(job.stats.records).toBe(8);
    expect(Object.keys(job.progress)).toEqual(
      expect.arrayContaining(['load', 'compare', 'train', 'cluster']),
    );
    const review = await call('GET', `/v1/registry/jobs/${start.json().id}/review`, admin);
    expect(review.statusCode).toBe(200);
    const pairs = review.json().data;
    if (pairs.length > 0) {
      const decided = await call(
        'POST',
        `/v1/registry/jobs/${start.json().id}/review/${pairs[0].id}`,
        admin,
        {
          decision: 'accept',
        },
      );
      expect(decided.json()).toMatchObject({ decision: 'accept', labels: 1 });
      const labels = await call('GET', `/v1/registry/jobs/${start.json().id}/labels`, admin);
      expect(labels.json().data[0]).toMatchObject({ match: true, left: pairs[0].left });
      const retrain = await call('POST', '/v1/registry/jobs', admin, {
        config: config('inside'),
        labelsFrom: start.json().id,
      });
      expect(retrain.json().labels).toBe(1);
      expect((await finished(retrain.json().id)).status).toBe('done');
    }
  });

  it('refuses sources outside the registry data directory', async () => {
    const res = await call('POST', '/v1/registry/jobs', admin, { config: config('outside') });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toContain('inside the registry data directory');
  });

  it('needs the org-admin role', async () => {
    const res = await call('POST', '/v1/registry/jobs', member, { config: config('inside') });
    expect(res.statusCode).toBe(403);
  });

  it('hides unknown jobs', async () => {
    const res = await call('GET', '/v1/registry/jobs/00000000-0000-4000-8000-000000000000', admin);
    expect(res.statusCode).toBe(404);
  });
});
