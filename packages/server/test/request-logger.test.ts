import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { lazyRequestLogger } from '../src/request-logger.js';

function capture(level: string) {
  const lines: Record<string, unknown>[] = [];
  const logger = pino({ level }, { write: (s: string) => lines.push(JSON.parse(s)) });
  return { logger, lines };
}

describe('request logger created on first line', () => {
  it('writes enabled lines with the request id bound, and nothing for disabled levels', () => {
    const { logger, lines } = capture('warn');
    const log = lazyRequestLogger(logger, { reqId: 'r1' }, {});
    log.info('not written');
    log.debug('not written either');
    log.warn({ status: 502 }, 'upstream failed');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ reqId: 'r1', status: 502, msg: 'upstream failed', level: 40 });
  });

  it('honours a route-level log level more verbose than the server', () => {
    const { logger, lines } = capture('warn');
    const log = lazyRequestLogger(logger, { reqId: 'r2' }, { level: 'debug' });
    log.debug('route detail');
    expect(lines).toEqual([expect.objectContaining({ reqId: 'r2', msg: 'route detail' })]);
  });

  it('reports the level of the logger that would write', () => {
    const { logger } = capture('error');
    expect(lazyRequestLogger(logger, { reqId: 'r3' }, {}).level).toBe('error');
  });
});
