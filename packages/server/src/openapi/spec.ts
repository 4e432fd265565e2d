import { VERSION } from '../routes/health.js';
import { adminPaths } from './paths-admin.js';
import { auditAndCataloguePaths } from './paths-audit-catalogue.js';
import { openAiPaths } from './paths-openai.js';
import { operationsPaths } from './paths-operations.js';
import { usagePaths } from './paths-usage.js';
import type { OpenApiDocument } from './registry.js';
import { schemas } from './schemas.js';

/** The OpenAPI 3.1 description of the server's endpoints; other packages add theirs at start. */
export function baseDocument(): OpenApiDocument {
  return {
    openapi: '3.1.0',
    info: {
      title: 'Khidma API',
      version: VERSION,
      description:
        'OpenAI-compatible sovereign AI gateway for Moroccan administrations and startups, with keys, quotas and MAD budgets, usage, hash-chained audit, Loi 09-08 privacy, Moroccan languages and citizen services. Authenticate with `Authorization: Bearer <key>`.',
      license: { name: 'Apache-2.0' },
    },
    tags: [
      { name: 'OpenAI-compatible', description: 'Drop-in for the OpenAI (and Mistral) SDKs' },
      { name: 'Usage', description: 'Tokens and cost in MAD' },
      { name: 'Admin: organisations' },
      { name: 'Admin: keys' },
      { name: 'Admin: audit' },
      { name: 'Admin: catalogue', description: 'Providers and models with health' },
      { name: 'Operations', description: 'Health, metrics, this document' },
    ],
    paths: {
      ...openAiPaths,
      ...usagePaths,
      ...adminPaths,
      ...auditAndCataloguePaths,
      ...operationsPaths,
    },
    components: {
      schemas,
      securitySchemes: {
        bearer: {
          type: 'http',
          scheme: 'bearer',
          description: 'A Khidma API key (kh_…) or the master admin token',
        },
      },
    },
    security: [{ bearer: [] }],
  };
}
