/**
 * One simulated browser on the sandbox storefront: its own cookies (the cart's token, the "browse as" login), sent
 * back on every request to the same origin, as a browser does. No redirects are followed: the journey decides
 * which page a person would load next.
 */
export class SimulatedBrowser {
  private readonly cookies = new Map<string, string>();
  /** Requests made, for the run's progress line. */
  requests = 0;

  constructor(
    private readonly origin: URL,
    private readonly timeoutMs = 15_000,
  ) {}

  async request(path: string, init: { method?: string; json?: unknown; form?: Record<string, string>; accept?: string } = {}): Promise<Response> {
    const headers: Record<string, string> = { Accept: init.accept ?? (init.json === undefined ? 'text/html' : 'application/json') };
    let body: string | undefined;
    if (init.json !== undefined) {
      headers['Content-Type'] = 'application/json';
      body = JSON.stringify(init.json);
    } else if (init.form) {
      headers['Content-Type'] = 'application/x-www-form-urlencoded';
      body = new URLSearchParams(init.form).toString();
    }
    if (this.cookies.size > 0) headers.Cookie = [...this.cookies].map(([name, value]) => `${name}=${encodeURIComponent(value)}`).join('; ');
    this.requests++;
    const response = await fetch(new URL(path, this.origin), {
      method: init.method ?? (body === undefined ? 'GET' : 'POST'),
      headers,
      body,
      redirect: 'manual',
      signal: AbortSignal.timeout(this.timeoutMs),
    });
    for (const line of response.headers.getSetCookie()) this.remember(line);
    return response;
  }

  /** The body of a page or JSON answer that must succeed (2xx, or a 303 where `redirect` is expected). */
  async text(path: string, init: Parameters<SimulatedBrowser['request']>[1] = {}): Promise<string> {
    const response = await this.request(path, init);
    const text = await response.text();
    if (!response.ok) throw new Error(`${init.method ?? (init.json ?? init.form ? 'POST' : 'GET')} ${path} answered ${response.status}: ${text.slice(0, 200)}`);
    return text;
  }

  async json<T>(path: string, init: Parameters<SimulatedBrowser['request']>[1] = {}): Promise<T> {
    return JSON.parse(await this.text(path, { accept: 'application/json', ...init })) as T;
  }

  /** A form post that Shopify answers with a redirect (303): where it leads. */
  async post(path: string, form: Record<string, string>): Promise<string> {
    const response = await this.request(path, { form });
    await response.body?.cancel();
    const location = response.headers.get('location');
    if (response.status !== 303 || !location) throw new Error(`POST ${path} answered ${response.status}, not a redirect`);
    return location;
  }

  /** A beacon: an empty 204 is the only good answer. */
  async beacon(path: string, body: unknown): Promise<void> {
    const response = await this.request(path, { json: body });
    const text = await response.text();
    if (response.status !== 204) throw new Error(`POST ${path} answered ${response.status}: ${text.slice(0, 200)}`);
  }

  private remember(line: string): void {
    const [pair = '', ...attributes] = line.split(';');
    const index = pair.indexOf('=');
    if (index < 1) return;
    const name = pair.slice(0, index).trim();
    let value = pair.slice(index + 1).trim();
    try {
      value = decodeURIComponent(value);
    } catch {
      // Kept as sent.
    }
    const expired = attributes.some((attribute) => {
      const [key = '', v = ''] = attribute.split('=').map((part) => part.trim());
      return (key.toLowerCase() === 'max-age' && Number(v) <= 0) || (key.toLowerCase() === 'expires' && Date.parse(v) <= Date.now());
    });
    if (expired || value === '') this.cookies.delete(name);
    else this.cookies.set(name, value);
  }
}
