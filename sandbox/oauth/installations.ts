import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

export interface Installation {
  accessToken: string;
  scopes: string[];
  installedAt: string;
}

/**
 * The sandbox's record of which access token it issued to the app. Kept in a JSON file so that after a
 * restart of both processes the app's stored token still works, as a real shop's would.
 */
export class Installations {
  private current: Installation | null = null;
  private readonly codes = new Map<string, { scopes: string[]; expiresAt: number }>();

  constructor(private readonly file: string | null) {
    if (file && existsSync(file)) this.current = JSON.parse(readFileSync(file, 'utf8')) as Installation | null;
  }

  get installation(): Installation | null {
    return this.current;
  }

  /** A one-time authorization code, valid for a minute, as Shopify's are. */
  issueCode(scopes: string[]): string {
    const code = randomBytes(16).toString('hex');
    this.codes.set(code, { scopes, expiresAt: Date.now() + 60_000 });
    return code;
  }

  redeemCode(code: string): Installation | null {
    const grant = this.codes.get(code);
    this.codes.delete(code);
    if (!grant || grant.expiresAt < Date.now()) return null;
    this.current = {
      accessToken: `shpat_${randomBytes(16).toString('hex')}`,
      scopes: grant.scopes,
      installedAt: new Date().toISOString(),
    };
    this.save();
    return this.current;
  }

  /** Scopes of a valid token, or null: what the Admin API checks on every call. */
  authenticate(accessToken: string): { scopes: string[] } | null {
    return this.current && this.current.accessToken === accessToken ? { scopes: this.current.scopes } : null;
  }

  uninstall(): void {
    this.current = null;
    this.save();
  }

  private save(): void {
    if (!this.file) return;
    mkdirSync(dirname(this.file), { recursive: true });
    writeFileSync(this.file, JSON.stringify(this.current));
  }
}
