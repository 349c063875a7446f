import { pino, type DestinationStream, type Logger } from 'pino';

/** Paths whose values never reach a log line: tokens, secrets and signatures. */
export const REDACTED_PATHS = [
  'accessToken',
  '*.accessToken',
  'access_token',
  '*.access_token',
  'apiSecret',
  '*.apiSecret',
  'client_secret',
  '*.client_secret',
  'idToken',
  '*.idToken',
  'token',
  '*.token',
  'password',
  '*.password',
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-shopify-access-token"]',
  'req.headers["x-shopify-hmac-sha256"]',
  'res.headers["set-cookie"]',
];

/** Patterns that look like credentials inside free text (library messages sometimes quote them). */
const SECRET_PATTERNS: RegExp[] = [
  /shp(at|ss|ca|pa)_[A-Za-z0-9]+/g, // Shopify access tokens
  /eyJ[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+/g, // JWTs (session tokens)
];

export function scrubSecrets(text: string): string {
  return SECRET_PATTERNS.reduce((acc, pattern) => acc.replace(pattern, '[Redacted]'), text);
}

export function createLogger(options: { level: string; destination?: DestinationStream }): Logger {
  return pino(
    {
      level: options.level,
      redact: { paths: REDACTED_PATHS, censor: '[Redacted]' },
      hooks: {
        // Messages are free text: scrub credential-looking strings that a library may have quoted.
        logMethod(args, method) {
          method.apply(this, args.map((arg) => (typeof arg === 'string' ? scrubSecrets(arg) : arg)) as Parameters<typeof method>);
        },
      },
    },
    options.destination,
  );
}

export type { Logger };
