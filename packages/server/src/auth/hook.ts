import type {
  FastifyInstance,
  FastifyReply,
  FastifyRequest,
  HookHandlerDoneFunction as HookDone,
} from 'fastify';
import { unauthorized } from '../errors.js';
import { credentialFrom } from './keys.js';
import type { Principal } from './principal.js';

export type AuthMode = 'required' | 'optional' | 'none';

declare module 'fastify' {
  interface FastifyRequest {
    /** Set by the auth hook: the caller, or null on public routes without credentials. */
    principal: Principal | null;
  }
  interface FastifyContextConfig {
    /**
     * `required` (default under /v1 and /admin), `optional` (default elsewhere: principal set when
     * credentials are sent) or `none` (credentials ignored).
     */
    auth?: AuthMode;
  }
}

function defaultMode(url: string): AuthMode {
  return url.startsWith('/v1/') || url === '/v1' || url.startsWith('/admin/') ? 'required' : 'optional';
}

/** Resolves `request.principal` from `Authorization: Bearer` / `x-api-key` before any handler runs. */
export function installAuth(app: FastifyInstance): void {
  app.decorateRequest('principal', null);
  const reject = (request: FastifyRequest): Error => {
    const sent = request.headers.authorization !== undefined || request.headers['x-api-key'] !== undefined;
    return sent
      ? unauthorized('Invalid, expired or revoked API key.', 'invalid_api_key')
      : unauthorized('Missing API key: send "Authorization: Bearer <key>".', 'missing_api_key');
  };
  // Callback style on purpose: a cached key is resolved without allocating a promise per request.
  app.addHook('onRequest', (request: FastifyRequest, _reply: FastifyReply, done: HookDone) => {
    // Decide on the matched route pattern, not the raw URL: `/%61dmin/v1/…` routes to /admin/v1/….
    const mode = request.routeOptions.config?.auth ?? defaultMode(request.routeOptions.url ?? request.url);
    if (mode === 'none') return done();
    const settle = (principal: Principal | null) => {
      if (principal) request.principal = principal;
      done(!principal && mode === 'required' ? reject(request) : undefined);
    };
    const credential = credentialFrom(request.headers);
    if (!credential) return settle(null);
    const auth = app.khidma.auth;
    const cached = auth.authenticateCached(credential);
    if (cached !== undefined) return settle(cached);
    auth.authenticate(credential).then(settle, done);
  });
}
