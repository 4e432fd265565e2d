/**
 * Registry linkage over HTTP: start a linkage job, follow its progress per stage, review the
 * uncertain pairs (accept / reject) and start a new job trained on those decisions (m from labels).
 * Jobs read sources only inside KHIDMA_REGISTRY_DATA_DIR (default ./data/registry) and write their
 * outputs to <dir>/jobs/<id>/. Jobs run one at a time; their state lives in this process.
 */
import { randomUUID } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { isAbsolute, join, relative, resolve } from 'node:path';
import {
  closeRun,
  type LinkConfig,
  type Progress,
  parseConfig,
  RegistryError,
  type ReviewPair,
  runLinkage,
  uncertainPairs,
  writeOutputs,
} from '@khidma/registry';
import type { FastifyPluginAsync } from 'fastify';
import { z } from 'zod';
import { requireRole } from '../auth/principal.js';
import { badRequest, notFound, parseOrThrow } from '../errors.js';

interface Label {
  left: string;
  right: string;
  match: boolean;
  decidedBy: string;
  at: string;
}

interface Job {
  id: string;
  orgId: string | null;
  status: 'queued' | 'running' | 'done' | 'failed';
  createdAt: string;
  progress: Partial<Record<Progress['stage'], { done: number; total: number }>>;
  stats?: { records: number; comparisons: number; links: number; clusters: number; seconds: number };
  error?: { code: string; message: string };
  outDir: string;
  review: (ReviewPair & { id: number })[];
  labels: Map<number, Label>;
}

const startBody = z.object({
  config: z.record(z.string(), z.unknown()),
  /** Train m from the review decisions of this earlier job. */
  labelsFrom: z.string().uuid().optional(),
});
const decisionBody = z.object({ decision: z.enum(['accept', 'reject']) });

function dataDir(): string {
  return resolve(process.env.KHIDMA_REGISTRY_DATA_DIR ?? 'data/registry');
}

/** Source paths must stay inside the data directory: HTTP callers never read arbitrary files. */
function confine(config: LinkConfig, root: string): LinkConfig {
  for (const s of config.sources) {
    const rel = relative(root, s.path);
    if (rel.startsWith('..') || isAbsolute(rel))
      throw badRequest(`source ${s.name}: path must be inside the registry data directory`, 'config.sources');
  }
  config.previousMapping = undefined;
  config.engine = { ...config.engine, kind: 'duckdb', databaseUrl: undefined, tempDirectory: undefined };
  return config;
}

export const registryRoutes: FastifyPluginAsync = async (app) => {
  const jobs = new Map<string, Job>();
  let queue: Promise<void> = Promise.resolve();

  const visible = (id: string, orgId: string | undefined, admin: boolean): Job => {
    const job = jobs.get(id);
    if (!job || (!admin && job.orgId !== (orgId ?? null))) throw notFound(`No registry job ${id}.`);
    return job;
  };

  async function execute(job: Job, config: LinkConfig, labels: Label[]): Promise<void> {
    job.status = 'running';
    const t = performance.now();
    try {
      const run = await runLinkage(config, {
        labels: labels.length > 0 ? labels : undefined,
        onProgress: (p) => {
          job.progress[p.stage] = { done: p.done, total: p.total };
        },
      });
      try {
        await writeOutputs(run, job.outDir);
        job.review = (await uncertainPairs(run, 500)).map((p, id) => ({ ...p, id }));
        job.stats = {
          records: run.loaded.total,
          comparisons: run.comparisons,
          links: run.edges.left.length,
          clusters: new Set(run.personIds).size,
          seconds: (performance.now() - t) / 1000,
        };
      } finally {
        await closeRun(run);
      }
      job.status = 'done';
    } catch (err) {
      job.status = 'failed';
      job.error =
        err instanceof RegistryError
          ? { code: err.code, message: err.message }
          : { code: 'internal_error', message: 'The linkage job failed; see the server log.' };
      if (!(err instanceof RegistryError)) app.log.error({ err, job: job.id }, 'registry job failed');
    }
  }

  app.post('/v1/registry/jobs', async (request, reply) => {
    const principal = requireRole(request.principal, 'org-admin');
    const body = parseOrThrow(startBody, request.body);
    const root = dataDir();
    let config: LinkConfig;
    try {
      config = confine(parseConfig(body.config, root), root);
    } catch (err) {
      if (err instanceof RegistryError) throw badRequest(err.message, 'config', err.code);
      throw err;
    }
    let labels: Label[] = [];
    if (body.labelsFrom) {
      const previous = visible(body.labelsFrom, principal.orgId, principal.role === 'admin');
      labels = [...previous.labels.values()];
    }
    const id = randomUUID();
    const outDir = join(root, 'jobs', id);
    mkdirSync(outDir, { recursive: true });
    const job: Job = {
      id,
      orgId: principal.orgId ?? null,
      status: 'queued',
      createdAt: new Date().toISOString(),
      progress: {},
      outDir,
      review: [],
      labels: new Map(),
    };
    jobs.set(id, job);
    queue = queue.then(() => execute(job, config, labels));
    reply.code(202);
    return { id, status: job.status, labels: labels.length };
  });

  app.get<{ Params: { id: string } }>('/v1/registry/jobs/:id', async (request) => {
    const principal = requireRole(request.principal, 'org-admin');
    const job = visible(request.params.id, principal.orgId, principal.role === 'admin');
    return {
      id: job.id,
      status: job.status,
      createdAt: job.createdAt,
      progress: job.progress,
      stats: job.stats ?? null,
      error: job.error ?? null,
      outputs:
        job.status === 'done'
          ? ['clusters.csv', 'pairs.parquet', 'golden.csv', 'report.html', 'model.json'].map((f) =>
              join(job.outDir, f),
            )
          : [],
      reviewPending: job.review.filter((p) => !job.labels.has(p.id)).length,
    };
  });

  app.get<{ Params: { id: string }; Querystring: { limit?: string } }>(
    '/v1/registry/jobs/:id/review',
    async (request) => {
      const principal = requireRole(request.principal, 'org-admin');
      const job = visible(request.params.id, principal.orgId, principal.role === 'admin');
      const limit = Math.min(Math.max(Number(request.query.limit ?? 50) || 50, 1), 500);
      const data = job.review.filter((p) => !job.labels.has(p.id)).slice(0, limit);
      return { object: 'list', data };
    },
  );

  app.post<{ Params: { id: string; pairId: string } }>(
    '/v1/registry/jobs/:id/review/:pairId',
    async (request) => {
      const principal = requireRole(request.principal, 'org-admin');
      const job = visible(request.params.id, principal.orgId, principal.role === 'admin');
      const pair = job.review.find((p) => String(p.id) === request.params.pairId);
      if (!pair) throw notFound(`No review pair ${request.params.pairId}.`);
      const { decision } = parseOrThrow(decisionBody, request.body);
      const label: Label = {
        left: pair.left,
        right: pair.right,
        match: decision === 'accept',
        decidedBy: principal.keyPrefix ?? principal.kind,
        at: new Date().toISOString(),
      };
      job.labels.set(pair.id, label);
      writeFileSync(
        join(job.outDir, 'labels.json'),
        `${JSON.stringify([...job.labels.values()], null, 2)}\n`,
      );
      return { id: pair.id, decision, labels: job.labels.size };
    },
  );

  app.get<{ Params: { id: string } }>('/v1/registry/jobs/:id/labels', async (request) => {
    const principal = requireRole(request.principal, 'org-admin');
    const job = visible(request.params.id, principal.orgId, principal.role === 'admin');
    return { object: 'list', data: [...job.labels.values()] };
  });
};
