import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axe, HAS_CHROMIUM, type Harness, newContext, screenshotPath, startHarness } from './harness.js';

const ADMIN_PAGES = [
  '/admin/orgs',
  '/admin/providers',
  '/admin/usage',
  '/admin/audit',
  '/admin/privacy',
  '/admin/quality',
];

describe.skipIf(!HAS_CHROMIUM)('administration console in Chromium', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h?.close();
  });

  const chat = (key: string) =>
    fetch(`${h.baseUrl}/v1/chat/completions`, {
      method: 'POST',
      headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        model: 'chat',
        messages: [{ role: 'user', content: 'Salam, kifach njded la carte?' }],
      }),
    });

  it('refuses an unauthenticated visit to /admin and sends it to the sign-in page', async () => {
    const direct = await fetch(`${h.baseUrl}/admin/usage`, { redirect: 'manual' });
    expect(direct.status).toBe(303);
    expect(direct.headers.get('location')).toContain('/admin/sign-in');
    const context = await newContext(h);
    const page = await context.newPage();
    await page.goto('/admin');
    expect(new URL(page.url()).pathname).toBe('/admin/sign-in');
    expect(await page.locator('input[name="token"]').count()).toBe(1);
    expect(await page.locator('table').count()).toBe(0);
    await context.close();
  });

  it('rejects a state-changing request without the session’s CSRF token', async () => {
    const res = await fetch(`${h.baseUrl}/admin/keys`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'name=x&org_id=y',
      redirect: 'manual',
    });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toContain('/admin/sign-in');
  });

  it('signs in, creates a key that works on /v1/chat/completions, shows the call in usage, and revokes it', async () => {
    const context = await newContext(h, { viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    page.on('dialog', (dialog) => void dialog.accept());

    await page.goto('/admin/sign-in?lang=en');
    await page.getByLabel('Admin token or organisation admin key').fill('not-a-token');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect.poll(() => page.locator('[role="alert"]').textContent()).toContain('not valid');

    await page.getByLabel('Admin token or organisation admin key').fill(h.t.adminToken);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL('**/admin/orgs');
    const cookies = await context.cookies();
    const session = cookies.find((c) => c.name === 'khidma_admin');
    expect(session?.httpOnly).toBe(true);
    expect(session?.sameSite).toBe('Strict');

    await page.getByLabel('Name', { exact: true }).fill('Wilaya de Rabat');
    await page.getByLabel('Short name (slug)').fill('wilaya-rabat');
    await page.getByRole('button', { name: 'Create an organisation' }).click();
    await page.waitForURL('**/admin/orgs');
    await expect.poll(() => page.locator('table').first().textContent()).toContain('Wilaya de Rabat');

    await page.getByLabel('Key name').fill('e2e startup key');
    await page.getByLabel('Organisation', { exact: true }).selectOption({ label: 'Wilaya de Rabat' });
    await page.getByRole('button', { name: 'Create a key' }).click();
    await page.waitForURL('**/admin/orgs**');
    const secret = (await page.locator('#new-key-value').textContent())?.trim() ?? '';
    expect(secret.length).toBeGreaterThan(20);
    expect(await page.getByRole('button', { name: 'Copy' }).isVisible()).toBe(true);
    await page.screenshot({ path: screenshotPath('admin-keys-1280x800.png'), fullPage: true });

    // The secret is shown once: a reload no longer contains it.
    await page.reload();
    expect(await page.content()).not.toContain(secret);

    const ok = await chat(secret);
    expect(ok.status).toBe(200);
    const body = (await ok.json()) as { usage: { total_tokens: number } };
    expect(body.usage.total_tokens).toBeGreaterThan(0);

    // The usage meter flushes every 250 ms: poll the page until the call appears.
    await expect
      .poll(
        async () => {
          await page.goto('/admin/usage?lang=en');
          return page.locator('section[aria-labelledby="usage-model"] table').textContent();
        },
        { timeout: 10_000, interval: 400 },
      )
      .toContain('chat');
    const modelRow = page.locator('section[aria-labelledby="usage-model"] tbody tr', { hasText: 'chat' });
    expect(await modelRow.locator('td').nth(1).textContent()).toBe('1');
    expect(await page.locator('svg.chart').count()).toBe(2);
    await page.screenshot({ path: screenshotPath('admin-usage-1280x800.png') });

    const csv = await page.request.get('/admin/usage.csv?group_by=model');
    expect(csv.status()).toBe(200);
    expect(csv.headers()['content-type']).toContain('text/csv');
    expect(await csv.text()).toContain('chat');

    await page.goto('/admin/orgs?lang=en');
    await page.getByRole('button', { name: 'Revoke e2e startup key' }).click();
    await page.waitForURL('**/admin/orgs');
    await expect
      .poll(() => page.locator('tr', { hasText: 'e2e startup key' }).textContent())
      .toContain('revoked');
    const refused = await chat(secret);
    expect(refused.status).toBe(401);
    await context.close();
  });

  for (const [lang, dir] of [
    ['en', 'ltr'],
    ['ar', 'rtl'],
  ] as const) {
    it(`has no serious or critical axe violations on any admin page (${dir.toUpperCase()})`, async () => {
      const context = await newContext(h, { viewport: { width: 1280, height: 800 } });
      const page = await context.newPage();
      await page.goto(`/admin/sign-in?lang=${lang}`);
      expect(await page.getAttribute('html', 'dir')).toBe(dir);
      const signIn = await axe(page);
      expect(signIn.serious, '/admin/sign-in').toEqual([]);
      await page.locator('input[name="token"]').fill(h.t.adminToken);
      await page.locator('form[action="/admin/sign-in"] button[type="submit"]').click();
      await page.waitForURL('**/admin/orgs');
      for (const path of ADMIN_PAGES) {
        await page.goto(path);
        expect(await page.getAttribute('html', 'dir')).toBe(dir);
        const result = await axe(page);
        expect(result.serious, path).toEqual([]);
        if (path === '/admin/usage')
          await page.screenshot({ path: screenshotPath(`admin-usage-${lang}-1280x800.png`) });
      }
      await context.close();
    });
  }
});
