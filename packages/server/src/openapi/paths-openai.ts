/** OpenAI-compatible endpoints: chat completions, embeddings and models. */
import { errors, json, list, ok, pathId, ref } from './builders.js';
import type { OpenApiPaths } from './registry.js';

export const openAiPaths: OpenApiPaths = {
  '/v1/chat/completions': {
    post: {
      tags: ['OpenAI-compatible'],
      summary: 'Create a chat completion (JSON or SSE stream)',
      requestBody: { required: true, ...json(ref('ChatCompletionRequest')) },
      responses: {
        '200': {
          description: 'A chat.completion object, or text/event-stream of chat.completion.chunk',
          content: {
            'application/json': { schema: { type: 'object' } },
            'text/event-stream': { schema: { type: 'string' } },
          },
        },
        ...errors(400, 401, 403, 404, 413, 429, 502),
      },
    },
  },
  '/v1/embeddings': {
    post: {
      tags: ['OpenAI-compatible'],
      summary: 'Create embeddings',
      requestBody: { required: true, ...json(ref('EmbeddingRequest')) },
      responses: {
        ...ok('An embeddings list', json({ type: 'object' })),
        ...errors(400, 401, 403, 404, 413, 429, 502),
      },
    },
  },
  '/v1/models': {
    get: {
      tags: ['OpenAI-compatible'],
      summary: 'List models',
      responses: { ...ok('Models', list('Model')), ...errors(401) },
    },
  },
  '/v1/models/{id}': {
    get: {
      tags: ['OpenAI-compatible'],
      summary: 'Retrieve a model',
      parameters: [pathId('Public model id')],
      responses: { ...ok('The model', json(ref('Model'))), ...errors(401, 404) },
    },
  },
};
