/** Operations: health, metrics and this API description. */
import { json, ok } from './builders.js';
import type { OpenApiPaths } from './registry.js';

export const operationsPaths: OpenApiPaths = {
  '/health': {
    get: {
      tags: ['Operations'],
      summary: 'Liveness and database readiness',
      security: [],
      responses: {
        ...ok('Healthy', json({ type: 'object' })),
        '503': { description: 'Database unavailable' },
      },
    },
  },
  '/health/models': {
    get: {
      tags: ['Operations'],
      summary: "Each model's targets and their state",
      security: [],
      responses: {
        ...ok(
          'Every routing target with its state (healthy, degraded, cooldown)',
          json({
            type: 'object',
            properties: {
              status: { type: 'string' },
              targets: { type: 'array', items: { type: 'object' } },
            },
          }),
        ),
        '503': { description: 'Every target is cooling down' },
      },
    },
  },
  '/metrics': {
    get: {
      tags: ['Operations'],
      summary: 'Prometheus metrics',
      security: [],
      responses: ok('Prometheus text format', {
        content: { 'text/plain': { schema: { type: 'string' } } },
      }),
    },
  },
  '/openapi.json': {
    get: { tags: ['Operations'], summary: 'This document', security: [], responses: ok('OpenAPI 3.1') },
  },
  '/docs': {
    get: {
      tags: ['Operations'],
      summary: 'Readable API documentation (HTML)',
      security: [],
      responses: ok('HTML'),
    },
  },
};
