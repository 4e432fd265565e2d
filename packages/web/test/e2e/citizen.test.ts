import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axe, HAS_CHROMIUM, type Harness, newContext, screenshotPath, startHarness } from './harness.js';

/** Sends a question through the UI and waits until the answer has finished streaming. */
async function ask(page: Page, question: string): Promise<void> {
  const before = await page.locator('.exchange').count();
  await page.locator('#question').fill(question);
  await page.locator('#question').press('Enter');
  const answer = page.locator('.exchange').nth(before).locator('.answer');
  await answer.locator('.feedback').waitFor({ timeout: 30_000 });
}

describe.skipIf(!HAS_CHROMIUM)('citizen app in Chromium', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h?.close();
  });

  it('streams an answer to a question in Arabizi, in Arabizi, with a citation card', async () => {
    const context = await newContext(h, { locale: 'fr-MA' });
    const page = await context.newPage();
    await page.goto('/');
    expect(await page.getAttribute('html', 'lang')).toBe('fr');
    await page.locator('#question').waitFor();
    // Count how many times the answer text changes: a streamed answer grows in several steps.
    await page.evaluate(() => {
      const w = window as unknown as { answerUpdates: number };
      w.answerUpdates = 0;
      new MutationObserver(() => {
        w.answerUpdates += 1;
      }).observe(document.querySelector('.exchanges')!, {
        subtree: true,
        childList: true,
        characterData: true,
      });
    });
    await ask(page, 'kifach njded la carte nationale dyali?');
    const updates = await page.evaluate(() => (window as unknown as { answerUpdates: number }).answerUpdates);
    expect(updates).toBeGreaterThan(3);

    const answer = page.locator('.answer').first();
    expect(await answer.getAttribute('lang')).toBe('ary-Latn');
    expect((await answer.textContent())?.length).toBeGreaterThan(40);
    const card = answer.locator('article.citation').first();
    await card.waitFor();
    expect(await card.locator('h3 a').getAttribute('href')).toMatch(/^\/procedures\//);
    await expect
      .poll(() => card.locator('dt').allTextContents())
      .toEqual(expect.arrayContaining(['Pièces à fournir', 'Frais']));
    expect(await card.locator('dd').allTextContents()).toEqual(
      expect.arrayContaining([expect.stringMatching(/75/)]),
    );
    expect(await card.locator('a', { hasText: 'Source officielle' }).getAttribute('href')).toMatch(
      /^https:\/\//,
    );
    expect(await page.locator('[aria-live="polite"]').textContent()).toContain('Réponse terminée');

    // Feedback and "talk to an agent" reach the assistant's endpoints.
    await answer.getByRole('button', { name: 'Utile', exact: true }).click();
    await answer.getByText('Merci, votre avis').waitFor();
    await answer.getByRole('button', { name: 'Parler à un agent' }).click();
    await answer.getByLabel('Téléphone ou e-mail pour vous joindre (facultatif)').fill('0612345678');
    await answer.getByRole('button', { name: 'Envoyer la demande' }).click();
    await answer.getByText('Numéro de ticket').waitFor();

    const chat = await axe(page);
    expect(chat.serious, 'chat (LTR)').toEqual([]);
    await context.close();
  });

  it('switches to Arabic: dir="rtl", lang="ar", and the conversation stays', async () => {
    const context = await newContext(h, { locale: 'en-US' });
    const page = await context.newPage();
    await page.goto('/');
    expect(await page.getAttribute('html', 'dir')).toBe('ltr');
    await ask(page, 'What documents do I need for a passport?');
    await page.getByLabel('Language').selectOption('ar');
    await expect.poll(() => page.getAttribute('html', 'dir')).toBe('rtl');
    expect(await page.getAttribute('html', 'lang')).toBe('ar');
    expect(await page.locator('#question').getAttribute('placeholder')).toBe('اكتبوا سؤالكم…');
    expect(await page.locator('.exchange').count()).toBe(1);
    const rtl = await axe(page);
    expect(rtl.serious, 'chat (RTL)').toEqual([]);
    // The choice is remembered: a new visit opens in Arabic.
    await page.goto('/');
    expect(await page.getAttribute('html', 'dir')).toBe('rtl');
    await context.close();
  });

  it('can be used with the keyboard alone', async () => {
    const context = await newContext(h, { locale: 'fr-MA' });
    const page = await context.newPage();
    await page.goto('/');
    await page.locator('#question').waitFor();
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.className)).toBe('skip');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');
    // From the main content, Tab reaches the example questions; Enter asks one.
    for (let i = 0; i < 10; i++) {
      await page.keyboard.press('Tab');
      if (await page.evaluate(() => !!document.activeElement?.closest('.examples'))) break;
    }
    expect(await page.evaluate(() => !!document.activeElement?.closest('.examples'))).toBe(true);
    await page.keyboard.press('Enter');
    await page.locator('.answer .feedback').waitFor({ timeout: 30_000 });
    expect(await page.locator('.answer article.citation').count()).toBeGreaterThan(0);
    await context.close();
  });

  it('follows the browser language on a first visit', async () => {
    const context = await newContext(h, { locale: 'ar-MA' });
    const page = await context.newPage();
    await page.goto('/');
    expect(await page.getAttribute('html', 'lang')).toBe('ar');
    expect(await page.getAttribute('html', 'dir')).toBe('rtl');
    await context.close();
  });

  it('renders procedure pages on the server, working without JavaScript', async () => {
    const context = await newContext(h, { locale: 'fr-MA', javaScriptEnabled: false });
    const page = await context.newPage();
    page.setDefaultTimeout(10_000);
    await page.goto('/procedures');
    expect(await page.locator('.procedure-list li').count()).toBeGreaterThan(10);
    await page.getByLabel('Rechercher une démarche').fill('passeport');
    await page.getByRole('button', { name: 'Rechercher' }).click();
    await page.waitForURL(/\/procedures\?q=passeport/);
    await page.locator('.procedure-list a').first().click();
    await page.waitForURL(/\/procedures\/[^?]+/);
    expect(await page.locator('h1').textContent()).toMatch(/passeport/i);
    expect(await page.getByRole('heading', { name: 'Pièces à fournir' }).count()).toBe(1);
    expect(await page.locator('a', { hasText: 'Source officielle' }).getAttribute('href')).toMatch(
      /^https:\/\//,
    );
    const procedurePath = new URL(page.url()).pathname;
    await page.goto(`${procedurePath}?lang=ar`);
    expect(await page.getAttribute('html', 'dir')).toBe('rtl');
    expect(await page.getByRole('heading', { name: 'الوثائق المطلوبة' }).count()).toBe(1);
    await context.close();

    // axe runs as a script in the page, so the audit uses a JavaScript-enabled browser on the same pages.
    const audit = await newContext(h, { locale: 'fr-MA' });
    const auditPage = await audit.newPage();
    for (const [lang, dir] of [
      ['fr', 'ltr'],
      ['ar', 'rtl'],
    ] as const) {
      for (const path of [procedurePath, '/procedures']) {
        await auditPage.goto(`${path}?lang=${lang}`);
        expect(await auditPage.getAttribute('html', 'dir')).toBe(dir);
        const result = await axe(auditPage);
        expect(result.serious, `${path} (${dir})`).toEqual([]);
      }
    }
    await audit.close();
  });

  const SCREENSHOTS: [string, string, string][] = [
    ['ar', 'ar-MA', 'كيف أجدد بطاقتي الوطنية للتعريف الإلكترونية؟'],
    ['ary-Latn', 'fr-MA', 'chno lwra9 dyal passeport?'],
    ['fr', 'fr-MA', 'Quels papiers pour un extrait d’acte de naissance ?'],
    ['zgh', 'fr-MA', 'ⵎⴰⵎⴽ ⴰⴷ ⵙⵎⴰⵢⵏⵓⵖ ⵜⴰⴽⴰⵔⴹⴰ ⵏⵓ ⵜⴰⵏⴰⵎⵓⵔⵜ?'],
  ];
  for (const [lang, browserLocale, question] of SCREENSHOTS) {
    it(`shows the chat on a 390×844 phone in ${lang}`, async () => {
      const context = await newContext(h, { locale: browserLocale, viewport: { width: 390, height: 844 } });
      const page = await context.newPage();
      await page.goto(`/?lang=${lang}`);
      await page.locator('#question').waitFor();
      await page.screenshot({ path: screenshotPath(`chat-${lang}-390x844-empty.png`) });
      await ask(page, question);
      // Nothing may overflow horizontally on a phone (long URLs, CIN numbers, Tifinagh words).
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      // Streamed answer blocks carry an explicit direction (dir="auto" on text that arrives later
      // leaves Chromium drawing list markers on the wrong side of right-to-left items).
      expect(await page.locator('.answer > p[dir="auto"], .answer > ul > li[dir="auto"]').count()).toBe(0);
      await page.screenshot({ path: screenshotPath(`chat-${lang}-390x844.png`) });
      await context.close();
    });
  }
});
