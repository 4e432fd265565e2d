import { startMockUpstream } from '@khidma/gateway/testing';

/** The benchmark's upstream, in its own process so it does not share a CPU with the load generator. */
const mock = await startMockUpstream({
  record: false,
  content: 'Salam! Had l-khidma kat-khdem mzyan.',
  streamChunks: 6,
});
process.stdout.write(`MOCK_PORT=${mock.port}\n`);
process.on('SIGTERM', () => void mock.close().then(() => process.exit(0)));
