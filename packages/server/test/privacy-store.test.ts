import { createSession, pseudonymize } from '@khidma/privacy';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, openDatabase } from '../src/db/index.js';
import { PrivacyStore } from '../src/privacy/store.js';
import { BACKENDS, dropSchema, uniqueSchema } from './helpers.js';

const SECRET = 'privacy-store-test-secret-0123456789';

for (const backend of BACKENDS) {
  describe.skipIf(!backend.enabled)(`privacy store on ${backend.name}`, () => {
    const schema = uniqueSchema('privacy');
    let db: Database;
    let store: PrivacyStore;

    beforeAll(async () => {
      db = await openDatabase(backend.options(schema));
      store = new PrivacyStore(db, SECRET);
    });
    afterAll(async () => {
      await db?.close();
      await dropSchema(schema);
    });

    const save = async (text: string, orgId: string, ttlMs = 3_600_000, now = Date.now()) => {
      const session = createSession({ ttlMs, now });
      const r = pseudonymize(text, { session, now });
      await store.saveMapping({
        session,
        entities: r.entities,
        orgId,
        keyId: null,
        requestId: `req-${session.id}`,
        source: 'api',
      });
      return session;
    };

    it('stores mappings sealed and finds them by keyed hash of CIN, phone or e-mail, per organisation', async () => {
      const s = await save('CIN AB123456, email a.tazi@example.ma', 'org-a');
      await save('CIN AB123456', 'org-b');
      expect((await store.find({ cin: 'AB123456' }, null)).length).toBe(2);
      expect((await store.find({ cin: 'ab 123456' }, 'org-a')).map((r) => r.ref)).toEqual([s.id]);
      expect((await store.find({ email: 'A.TAZI@example.ma' }, 'org-a')).length).toBe(1);
      expect(await store.loadSession(s.id, 'org-b')).toBeNull();
      expect((await store.loadSession(s.id, 'org-a'))?.byPlaceholder.size).toBe(2);
    });

    it('exports only the subject’s own values and erases every record tied to them', async () => {
      await save('tél 0661234567 et 0700000000', 'org-c');
      const exported = await store.export({ phone: '+212661234567' }, 'org-c');
      const json = JSON.stringify(exported);
      expect(json).toContain('0661234567');
      expect(json).not.toContain('0700000000');
      const erased = await store.erase({ phone: '0661234567' }, 'org-c');
      expect(erased.mappings).toBe(1);
      expect(await store.find({ phone: '0661234567' }, 'org-c')).toEqual([]);
    });

    it('purges expired mappings and those older than the retention period', async () => {
      const old = Date.now() - 40 * 86_400_000;
      await save('CIN ZT998877', 'org-d', 3_600_000 * 24 * 60, old);
      await save('CIN ZT112233', 'org-d');
      const r = await store.purge('org-d', 30);
      expect(r.mappings).toBe(1);
      expect(await store.find({ cin: 'ZT998877' }, 'org-d')).toEqual([]);
      expect((await store.find({ cin: 'ZT112233' }, 'org-d')).length).toBe(1);
    });
  });
}
