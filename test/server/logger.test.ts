import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../../server/logger.ts';

function capture() {
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk, _encoding, done) {
      lines.push(String(chunk));
      done();
    },
  });
  return { lines, logger: createLogger({ level: 'info', destination }) };
}

describe('structured logs', () => {
  it('never print access tokens, secrets or session tokens', () => {
    const { lines, logger } = capture();
    const jwt = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJlLWJ5dGVz';
    logger.info({ session: { accessToken: 'shpat_abc123' }, client_secret: 'hush', req: { headers: { authorization: `Bearer ${jwt}` } } }, 'stored');
    logger.info(`library said: token shpat_def456 and ${jwt}`);
    const output = lines.join('');
    expect(output).not.toMatch(/shpat_abc123|shpat_def456|hush/);
    expect(output).not.toContain(jwt);
    expect(output).toContain('[Redacted]');
    expect(output).toContain('stored');
  });
});
