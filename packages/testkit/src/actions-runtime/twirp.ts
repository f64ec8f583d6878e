import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/** The two results services the `@actions/*` clients call, by their Twirp package name. */
export type TwirpService = 'ArtifactService' | 'CacheService';

const PREFIX = '/twirp/github.actions.results.api.v1.';

/** A Twirp error as the service answers it: HTTP status plus `{ code, msg }`. */
export class TwirpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export type TwirpHandler = (body: Record<string, unknown>) => Promise<object>;

export interface TwirpFault {
  service?: TwirpService;
  method?: string;
  /** The status to answer with; ignored with `drop`. */
  status?: number;
  /** Close the connection without answering (ECONNRESET): a service that is down mid-call. */
  drop?: boolean;
  /** Response body (default `{ code, msg }` for the status). A string is sent as is (e.g. an HTML error page). */
  body?: unknown;
  /** `retry-after` header value. */
  retryAfter?: number;
  /** How many matching calls (default 1; `Infinity` for all). */
  times?: number;
}

export interface TwirpCall {
  service: TwirpService;
  method: string;
  body: Record<string, unknown>;
  status: number;
  injected: boolean;
}

const CODES: Record<number, string> = {
  400: 'invalid_argument',
  401: 'unauthenticated',
  403: 'permission_denied',
  404: 'not_found',
  409: 'already_exists',
  429: 'resource_exhausted',
  500: 'internal',
  502: 'unavailable',
  503: 'unavailable',
  504: 'deadline_exceeded',
};

/** A JSON Twirp server on 127.0.0.1 with injectable faults and a switch that refuses connections. */
export class TwirpServer {
  readonly calls: TwirpCall[] = [];
  private readonly faults: (TwirpFault & { remaining: number })[] = [];
  private readonly sockets = new Set<Socket>();
  private listening = true;

  private constructor(
    private readonly server: Server,
    readonly port: number,
    private readonly handlers: Map<string, TwirpHandler>,
  ) {}

  static async start(handlers: Map<string, TwirpHandler>): Promise<TwirpServer> {
    const server = createServer();
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => resolve());
    });
    const twirp = new TwirpServer(server, (server.address() as AddressInfo).port, handlers);
    server.on('connection', (socket) => {
      twirp.sockets.add(socket);
      socket.once('close', () => twirp.sockets.delete(socket));
    });
    server.on('request', (req, res) => void twirp.handle(req, res));
    return twirp;
  }

  get origin(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  fail(fault: TwirpFault): void {
    this.faults.push({ ...fault, remaining: fault.times ?? 1 });
  }

  clearFaults(): void {
    this.faults.length = 0;
  }

  /** Closes the port: every call fails with ECONNREFUSED until `accept()`. */
  async refuse(): Promise<void> {
    if (!this.listening) return;
    this.listening = false;
    await new Promise<void>((resolve) => {
      this.server.close(() => resolve());
      for (const socket of this.sockets) socket.destroy();
    });
  }

  async accept(): Promise<void> {
    if (this.listening) return;
    await new Promise<void>((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(this.port, '127.0.0.1', () => resolve());
    });
    this.listening = true;
  }

  async close(): Promise<void> {
    await this.refuse();
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const url = (req.url ?? '').split('?')[0] ?? '';
    const [service, method] = url.startsWith(PREFIX) ? url.slice(PREFIX.length).split('/') : [];
    if (req.method !== 'POST' || (service !== 'ArtifactService' && service !== 'CacheService') || !method) {
      return send(res, 404, { code: 'bad_route', msg: `no such route: ${req.method} ${url}` });
    }
    let body: Record<string, unknown>;
    try {
      body = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as Record<string, unknown>;
    } catch {
      return send(res, 400, { code: 'malformed', msg: 'the request body is not JSON' });
    }
    const call: TwirpCall = { service, method, body, status: 200, injected: false };
    this.calls.push(call);
    const fault = this.faults.find(
      (f) => f.remaining > 0 && (f.service ?? service) === service && (f.method ?? method) === method,
    );
    if (fault) {
      fault.remaining--;
      call.injected = true;
      if (fault.drop) {
        call.status = 0;
        req.socket.destroy();
        return;
      }
      const status = fault.status ?? 500;
      call.status = status;
      const headers: Record<string, string> =
        fault.retryAfter === undefined ? {} : { 'retry-after': String(fault.retryAfter) };
      return send(res, status, fault.body ?? { code: CODES[status] ?? 'unknown', msg: 'injected failure' }, headers);
    }
    const handler = this.handlers.get(`${service}/${method}`);
    if (!handler) {
      call.status = 404;
      return send(res, 404, { code: 'bad_route', msg: `${service} has no method ${method}` });
    }
    try {
      return send(res, 200, await handler(body));
    } catch (error) {
      const twirp = error instanceof TwirpError ? error : new TwirpError(500, 'internal', String(error));
      call.status = twirp.status;
      return send(res, twirp.status, { code: twirp.code, msg: twirp.message });
    }
  }
}

function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  res.writeHead(status, { 'content-type': typeof body === 'string' ? 'text/html' : 'application/json', ...headers });
  res.end(text);
}
