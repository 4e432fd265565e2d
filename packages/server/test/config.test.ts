import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, resolveConfig } from '../src/config/load.js';

const dir = mkdtempSync(join(tmpdir(), 'khidma-config-'));
const file = (name: string, text: string) => {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
};

describe('configuration', () => {
  it('reads the issue’s JSON example and resolves env: references', () => {
    const path = file(
      'khidma.json',
      JSON.stringify({
        providers: [
          { id: 'local', type: 'openai-compatible', baseUrl: 'http://127.0.0.1:11434/v1', location: 'MA' },
          { id: 'mistral', type: 'mistral', apiKey: 'env:MISTRAL_API_KEY', location: 'EU' },
        ],
        models: [
          {
            id: 'chat',
            targets: [
              { provider: 'local', model: 'qwen2.5:7b' },
              { provider: 'mistral', model: 'mistral-small-latest' },
            ],
          },
          { id: 'embed', targets: [{ provider: 'mistral', model: 'mistral-embed' }] },
        ],
      }),
    );
    const cfg = loadConfig({ path, env: { MISTRAL_API_KEY: 'sk-test' } });
    expect(cfg.providers[1]).toMatchObject({
      id: 'mistral',
      apiKey: 'sk-test',
      location: 'EU',
      timeoutMs: 60_000,
    });
    expect(cfg.models.map((m) => m.id)).toEqual(['chat', 'embed']);
    expect(cfg.server.bodyLimitBytes).toBe(1024 * 1024);
  });

  it('reads YAML with prices, quota defaults and retention', () => {
    const path = file(
      'khidma.yaml',
      [
        'providers:',
        '  - id: local',
        '    type: openai-compatible',
        '    baseUrl: http://10.0.0.5:8000/v1',
        'models:',
        '  - id: chat',
        '    targets: [{ provider: local, model: atlas-chat-9b }]',
        'prices:',
        '  local/atlas-chat-9b: { inputPer1M: 2, outputPer1M: 4 }',
        'quotas:',
        '  defaults:',
        '    key: { rpm: 60, monthlyBudgetMad: 500 }',
        'retention: { usageDays: 90 }',
      ].join('\n'),
    );
    const cfg = loadConfig({ path, env: {} });
    expect(cfg.providers[0]!.location).toBe('MA');
    expect(cfg.quotas.defaults.key).toEqual({ rpm: 60, monthlyBudgetMad: 500 });
    expect(cfg.prices['local/atlas-chat-9b']).toEqual({ inputPer1M: 2, outputPer1M: 4 });
    expect(cfg.retention.usageDays).toBe(90);
  });

  it.each([
    [{ providers: [{ id: 'x', type: 'azure' }] }, 'providers[0].type'],
    [{ providers: [{ id: 'x', type: 'openai-compatible' }] }, 'providers[0].baseUrl'],
    [{ providers: [{ id: 'x', type: 'openai', timeoutMs: 'soon' }] }, 'providers[0].timeoutMs'],
    [{ providers: [{ id: 'x', type: 'openai', location: 'Morocco' }] }, 'providers[0].location'],
    [
      { models: [{ id: 'chat', targets: [{ provider: 'ghost', model: 'm' }] }] },
      'models[0].targets[0].provider',
    ],
    [{ models: [{ id: 'chat', targets: [] }] }, 'models[0].targets'],
    [{ server: { bodyLimitBytes: -1 } }, 'server.bodyLimitBytes'],
    [{ provders: [] }, ''],
  ])('rejects %j naming the field', (raw, field) => {
    try {
      resolveConfig(raw, {});
      expect.unreachable('should have thrown');
    } catch (err) {
      expect(err).toBeInstanceOf(ConfigError);
      if (field) {
        expect((err as ConfigError).field).toBe(field);
        expect((err as Error).message).toContain(`"${field}"`);
      } else {
        expect((err as Error).message).toContain('provders');
      }
    }
  });

  it('fails when an env: reference is not set, naming the field and the variable', () => {
    expect(() =>
      resolveConfig({ providers: [{ id: 'o', type: 'openai', apiKey: 'env:NOPE_KEY' }] }, {}),
    ).toThrow(/providers\[0\]\.apiKey.*NOPE_KEY/);
  });

  it('reports a syntax error in the file itself', () => {
    const path = file('broken.yaml', 'providers: [\n  - id: x');
    expect(() => loadConfig({ path, env: {} })).toThrow(/not valid YAML/);
  });

  it('derives providers and their usual models from OPENAI_API_KEY and MISTRAL_API_KEY with no file', () => {
    const cfg = loadConfig({ env: { OPENAI_API_KEY: 'sk-o', MISTRAL_API_KEY: 'sk-m' } });
    expect(cfg.providers.map((p) => [p.id, p.location])).toEqual([
      ['openai', 'US'],
      ['mistral', 'EU'],
    ]);
    expect(cfg.models.map((m) => m.id)).toEqual(
      expect.arrayContaining(['gpt-4o-mini', 'mistral-small-latest', 'mistral-embed']),
    );
  });

  it('starts with no providers at all when nothing is configured', () => {
    const cfg = loadConfig({ env: {} });
    expect(cfg.providers).toEqual([]);
    expect(cfg.models).toEqual([]);
  });
});
