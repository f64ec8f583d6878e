import { createServer, request } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/** Which blob requests a fault applies to: uploads are PUTs (Put Blob, Put Block, Put Block List), downloads GETs. */
export type BlobOperation = 'upload' | 'download';

export interface BlobFault {
  operation?: BlobOperation;
  /** Answer with this status and an Azure error body instead of forwarding. */
  status?: number;
  /** Forward only this many bytes of the request body, then drop both connections: an upload cut short. */
  cutAfterBytes?: number;
  /** How many matching requests (default 1; `Infinity` for all). */
  times?: number;
}

interface Rule extends BlobFault {
  remaining: number;
}

/**
 * Sits between the clients and Azurite so blob storage can misbehave on purpose. Signed URLs point here; the
 * SAS signature covers the account, container and blob path, not the host, so Azurite accepts forwarded requests.
 */
export class BlobProxy {
  private readonly rules: Rule[] = [];
  private readonly sockets = new Set<Socket>();
  private listening = true;
  /** Blob requests seen, newest last: `PUT /devstoreaccount1/actions-cache/…`. */
  readonly requests: { method: string; path: string; status?: number; fault?: string }[] = [];

  private constructor(
    private readonly server: Server,
    private readonly upstreamPort: number,
    readonly port: number,
  ) {}

  static async start(upstreamPort: number): Promise<BlobProxy> {
    const server = createServer();
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => resolve());
    });
    const proxy = new BlobProxy(server, upstreamPort, (server.address() as AddressInfo).port);
    server.on('connection', (socket) => {
      proxy.sockets.add(socket);
      socket.once('close', () => proxy.sockets.delete(socket));
    });
    server.on('request', (req, res) => proxy.handle(req, res));
    return proxy;
  }

  get origin(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  fail(fault: BlobFault): void {
    this.rules.push({ ...fault, remaining: fault.times ?? 1 });
  }

  clearFaults(): void {
    this.rules.length = 0;
  }

  /** Stops accepting connections: clients get ECONNREFUSED, as when storage is unreachable. */
  async down(): Promise<void> {
    if (!this.listening) return;
    this.listening = false;
    await new Promise<void>((resolve) => {
      this.server.close(() => resolve());
      for (const socket of this.sockets) socket.destroy();
    });
  }

  async up(): Promise<void> {
    if (this.listening) return;
    await new Promise<void>((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(this.port, '127.0.0.1', () => resolve());
    });
    this.listening = true;
  }

  async close(): Promise<void> {
    await this.down();
  }

  private take(req: IncomingMessage): Rule | undefined {
    const operation: BlobOperation = req.method === 'PUT' ? 'upload' : 'download';
    const rule = this.rules.find((r) => r.remaining > 0 && (r.operation === undefined || r.operation === operation));
    if (rule) rule.remaining--;
    return rule;
  }

  private handle(req: IncomingMessage, res: ServerResponse): void {
    const entry: (typeof this.requests)[number] = {
      method: req.method ?? 'GET',
      path: (req.url ?? '/').split('?')[0]!,
    };
    this.requests.push(entry);
    const rule = this.take(req);
    if (rule?.status !== undefined) {
      entry.fault = `status ${rule.status}`;
      entry.status = rule.status;
      req.resume();
      res.writeHead(rule.status, { 'content-type': 'application/xml', 'x-ms-error-code': 'ServerBusy' });
      res.end(
        '<?xml version="1.0" encoding="utf-8"?><Error><Code>ServerBusy</Code><Message>injected</Message></Error>',
      );
      return;
    }
    const upstream = request(
      { host: '127.0.0.1', port: this.upstreamPort, method: req.method, path: req.url, headers: req.headers },
      (answer) => {
        entry.status = answer.statusCode;
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    upstream.on('error', () => res.destroy());
    if (rule?.cutAfterBytes === undefined) {
      req.pipe(upstream);
      return;
    }
    entry.fault = `cut after ${rule.cutAfterBytes} bytes`;
    let forwarded = 0;
    const limit = rule.cutAfterBytes;
    req.on('data', (chunk: Buffer) => {
      const room = limit - forwarded;
      if (room > 0) upstream.write(chunk.subarray(0, room));
      forwarded += chunk.length;
      if (forwarded >= limit) {
        upstream.destroy();
        req.socket.destroy();
      }
    });
    req.on('end', () => upstream.end());
  }
}
