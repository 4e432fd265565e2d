import { DuckDbEngine } from './engine/duckdb.js';
import { PostgresEngine } from './engine/postgres.js';
import { sqlString } from './engine/types.js';

/** One chunk of comparison-vector SQL, run in its own process. */
export type ChunkJob =
  | { kind: 'duckdb'; recFile: string; memoryLimit: string; tempDirectory: string; sql: string }
  | { kind: 'postgres'; url: string; schema: string; sql: string };

export async function runChunkJob(job: ChunkJob): Promise<void> {
  if (job.kind === 'duckdb') {
    const engine = await DuckDbEngine.open({
      memoryLimit: job.memoryLimit,
      tempDirectory: job.tempDirectory,
      threads: 1,
    });
    try {
      await engine.exec(`create view rec as select * from read_parquet(${sqlString(job.recFile)})`);
      await engine.exec(job.sql);
    } finally {
      await engine.close();
    }
    return;
  }
  const engine = await PostgresEngine.attach(job.url, job.schema);
  try {
    await engine.exec(job.sql);
  } finally {
    await engine.close();
  }
}

if (process.send) {
  process.once('message', (job: ChunkJob) => {
    runChunkJob(job).then(
      () => {
        process.send!({ ok: true }, () => process.exit(0));
      },
      (err: Error) => {
        process.send!({ ok: false, error: err.message }, () => process.exit(1));
      },
    );
  });
}
