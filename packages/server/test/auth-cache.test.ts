import { describe, expect, it } from 'vitest';
import { AuthService } from '../src/auth/service.js';
import type { Database } from '../src/db/index.js';

describe('AuthService.authenticateCached', () => {
  it('does not throw when the stored master-token hash is not a SHA-256 digest', () => {
    const auth = new AuthService({} as Database);
    // A settings row edited by hand (or truncated): the master token simply never matches.
    (auth as unknown as { adminDigest: Buffer }).adminDigest = Buffer.from('abcd', 'hex');
    expect(auth.authenticateCached('some-credential')).toBeNull();
    expect(auth.authenticateCached('kh_not_cached_yet')).toBeUndefined();
  });
});
