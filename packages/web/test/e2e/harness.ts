import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AxeBuilder } from '@axe-core/playwright';
import { type MockUpstream, startMockUpstream } from '@khidma/gateway/testing';
import { createTestApp, type TestApp } from '@khidma/server/testing';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { ensureWebBuild } from '../helpers/ensure-build.js';

export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
export const HAS_CHROMIUM = existsSync(CHROMIUM);
if (!HAS_CHROMIUM)
  console.warn(
    `web e2e skipped: no Chromium at ${CHROMIUM} (install Debian's chromium or set CHROMIUM_PATH)`,
  );

/** Screenshots land in <repo>/test-results/ (git-ignored), where the CI keeps them as artefacts. */
export const RESULTS_DIR = fileURLToPath(new URL('../../../../test-results/', import.meta.url));

export interface Harness {
  t: TestApp;
  upstream: MockUpstream;
  baseUrl: string;
  browser: Browser;
  close(): Promise<void>;
}

/**
 * A real server on 127.0.0.1:0 (in-memory PGlite, a mock OpenAI upstream as provider "local" behind
 * the public model "chat") and a headless Debian Chromium. Playwright gives the browser a fresh
 * temporary --user-data-dir on every launch.
 */
export async function startHarness(): Promise<Harness> {
  await ensureWebBuild();
  mkdirSync(RESULTS_DIR, { recursive: true });
  const upstream = await startMockUpstream({ content: 'Salam! Hada jawab mn l-modèle.' });
  const t = await createTestApp({
    config: {
      providers: [{ id: 'local', type: 'openai-compatible', baseUrl: upstream.url, location: 'MA' }],
      models: [{ id: 'chat', targets: [{ provider: 'local', model: 'qwen2.5:7b' }] }],
      prices: { 'local/qwen2.5:7b': { inputPer1M: 1000, outputPer1M: 2000 } },
    },
  });
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  const address = t.app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  return {
    t,
    upstream,
    baseUrl: `http://127.0.0.1:${port}`,
    browser,
    async close() {
      await browser.close().catch(() => undefined);
      await t.close();
      await upstream.close();
    },
  };
}

export async function newContext(
  h: Harness,
  opts: { locale?: string; javaScriptEnabled?: boolean; viewport?: { width: number; height: number } } = {},
): Promise<BrowserContext> {
  return h.browser.newContext({
    baseURL: h.baseUrl,
    locale: opts.locale ?? 'fr-MA',
    javaScriptEnabled: opts.javaScriptEnabled ?? true,
    viewport: opts.viewport ?? { width: 390, height: 844 },
  });
}

export interface AxeSummary {
  serious: { id: string; impact: string | null | undefined; help: string; nodes: string[] }[];
  total: number;
}

/** axe-core with the WCAG 2.1 A/AA rules; returns the serious and critical violations. */
export async function axe(page: Page): Promise<AxeSummary> {
  const result = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  const serious = result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.slice(0, 3).map((n) => n.target.join(' ')),
    }));
  const path = new URL(page.url()).pathname;
  const dir = await page.getAttribute('html', 'dir');
  console.log(
    `axe ${path} (${dir}): ${serious.length} serious/critical, ${result.violations.length} in all, ${result.passes.length} rules passed`,
  );
  return { serious, total: result.violations.length };
}

export function screenshotPath(name: string): string {
  return join(RESULTS_DIR, name);
}
