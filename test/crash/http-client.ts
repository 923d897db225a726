// A logged-in client of a server on a real port: the session cookie and the CSRF token, kept
// across a restart of the server (sessions are stored in the database, so they survive one).

export interface Answer {
  readonly status: number;
  // biome-ignore lint/suspicious/noExplicitAny: JSON, checked by the assertions that read it
  readonly body: any;
}

export class HttpClient {
  private cookie = '';
  private csrf = '';

  constructor(public url: string) {}

  /** Points the client at a restarted server, keeping its session. */
  at(url: string): this {
    this.url = url;
    return this;
  }

  async login(username: string, password: string): Promise<this> {
    return this.open('/api/session', { username, password });
  }

  async delegateLogin(congressId: string, code: string): Promise<this> {
    return this.open(`/api/congresses/${congressId}/delegate-session`, { code });
  }

  private async open(path: string, payload: unknown): Promise<this> {
    const response = await fetch(`${this.url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(payload),
      signal: AbortSignal.timeout(60_000),
    });
    const text = await response.text();
    if (response.status !== 200) throw new Error(`login at ${path} failed: ${response.status} ${text}`);
    this.cookie = (response.headers.get('set-cookie') ?? '').split(';')[0]!;
    this.csrf = JSON.parse(text).csrfToken;
    return this;
  }

  /** The answer; a failed connection (the server was killed) rejects. */
  async request(method: 'GET' | 'POST' | 'PATCH', path: string, payload?: unknown): Promise<Answer> {
    const response = await fetch(`${this.url}${path}`, {
      method,
      headers: {
        ...(this.cookie ? { cookie: this.cookie } : {}),
        ...(method !== 'GET' ? { 'content-type': 'application/json', 'x-csrf-token': this.csrf } : {}),
      },
      ...(method !== 'GET' ? { body: JSON.stringify(payload ?? {}) } : {}),
      signal: AbortSignal.timeout(60_000),
    });
    const text = await response.text();
    return { status: response.status, body: text === '' ? undefined : JSON.parse(text) };
  }

  get = (path: string) => this.request('GET', path);
  post = (path: string, payload?: unknown) => this.request('POST', path, payload);
  patch = (path: string, payload?: unknown) => this.request('PATCH', path, payload);
}
