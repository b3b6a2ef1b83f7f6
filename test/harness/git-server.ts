/**
 * A smart-HTTP git server for tests: `git http-backend` behind a Node server on loopback that
 * demands a token, as GitHub does (HTTP Basic, any user name, the token as password). It can
 * drop a connection mid-transfer or answer 5xx, a given number of times, for fault tests.
 */
import { spawn } from 'node:child_process';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

export interface GitServerFault {
  /** Which requests: 'upload-pack' (fetch), 'receive-pack' (push), 'info-refs' or 'any'. */
  service: 'upload-pack' | 'receive-pack' | 'info-refs' | 'any';
  /** Drop the connection after this many bytes of the response body, or answer with a status. */
  dropAfterBytes?: number;
  status?: number;
  /** How many matching requests the fault hits before it wears off (default 1). */
  times?: number;
  /** Only requests for this repository path (e.g. `upstream.git`). */
  repository?: string;
}

export interface GitRequest {
  method: string;
  path: string;
  service: string;
  /** An Authorization header came with the request (whatever it held). */
  withAuthorization: boolean;
  authorized: boolean;
  status: number;
}

export class GitServer {
  readonly root: string;
  readonly token: string;
  readonly requests: GitRequest[] = [];
  private readonly faults: GitServerFault[] = [];
  private server?: Server;
  url = '';

  constructor(root: string, token: string) {
    this.root = root;
    this.token = token;
    mkdirSync(root, { recursive: true });
  }

  /** The URL of a repository under the root (`name` like `upstream.git`). */
  repoUrl(name: string): string {
    return `${this.url}/${name}`;
  }

  /** The directory of a repository under the root. */
  repoPath(name: string): string {
    return join(this.root, name);
  }

  addFault(fault: GitServerFault): void {
    this.faults.push({ times: 1, ...fault });
  }

  clearFaults(): void {
    this.faults.length = 0;
  }

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      this.handle(req, res).catch((e) => {
        if (!res.headersSent) res.writeHead(500);
        res.end(String(e));
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server!.address() as AddressInfo).port}`;
    return this;
  }

  async close(): Promise<void> {
    if (!this.server) return;
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server!.close(() => resolve()));
  }

  private authorized(req: IncomingMessage): boolean {
    const h = req.headers.authorization ?? '';
    const m = /^Basic (.+)$/i.exec(h);
    if (!m) return false;
    const decoded = Buffer.from(m[1], 'base64').toString('utf8');
    return decoded.slice(decoded.indexOf(':') + 1) === this.token;
  }

  /** The fault that applies to a request; it wears off only when it actually hits. */
  private findFault(service: string, path: string): GitServerFault | undefined {
    return this.faults.find(
      (x) =>
        (x.service === 'any' || x.service === service) &&
        (!x.repository || path.startsWith(`/${x.repository}/`)) &&
        (x.times ?? 1) > 0,
    );
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const path = decodeURIComponent(url.pathname);
    const service = path.endsWith('/info/refs')
      ? 'info-refs'
      : path.endsWith('/git-upload-pack')
        ? 'upload-pack'
        : path.endsWith('/git-receive-pack')
          ? 'receive-pack'
          : 'other';
    const record: GitRequest = {
      method: req.method ?? 'GET',
      path,
      service,
      withAuthorization: req.headers.authorization !== undefined,
      authorized: this.authorized(req),
      status: 0,
    };
    this.requests.push(record);
    if (!record.authorized) {
      record.status = 401;
      res.writeHead(401, { 'WWW-Authenticate': 'Basic realm="tributary test"' });
      res.end('authentication required\n');
      req.resume();
      return;
    }
    const fault = this.findFault(service, path);
    if (fault?.status) {
      fault.times = (fault.times ?? 1) - 1;
      record.status = fault.status;
      res.writeHead(fault.status, { 'Content-Type': 'text/plain' });
      res.end(`injected fault ${fault.status}\n`);
      req.resume();
      return;
    }
    const env: NodeJS.ProcessEnv = {
      PATH: process.env.PATH,
      GIT_PROJECT_ROOT: this.root,
      GIT_HTTP_EXPORT_ALL: '1',
      GIT_HTTP_MAX_REQUEST_BUFFER: '1000M',
      PATH_INFO: path,
      QUERY_STRING: url.search.replace(/^\?/, ''),
      REQUEST_METHOD: req.method ?? 'GET',
      CONTENT_TYPE: req.headers['content-type'] ?? '',
      REMOTE_USER: 'tributary-test',
      REMOTE_ADDR: '127.0.0.1',
      GIT_CONFIG_NOSYSTEM: '1',
      HOME: this.root,
    };
    if (req.headers['content-encoding'])
      env.HTTP_CONTENT_ENCODING = String(req.headers['content-encoding']);
    if (req.headers['git-protocol']) env.GIT_PROTOCOL = String(req.headers['git-protocol']);
    if (req.headers['content-length']) env.CONTENT_LENGTH = String(req.headers['content-length']);
    const child = spawn('git', ['http-backend'], { env, stdio: ['pipe', 'pipe', 'pipe'] });
    req.pipe(child.stdin);
    child.stdin.on('error', () => {});
    child.stderr.resume();

    let head = Buffer.alloc(0);
    let headerDone = false;
    let sent = 0;
    let dropped = false;
    const send = (chunk: Buffer) => {
      if (dropped) return;
      if (fault?.dropAfterBytes !== undefined && sent + chunk.length > fault.dropAfterBytes) {
        res.write(chunk.subarray(0, Math.max(0, fault.dropAfterBytes - sent)));
        dropped = true;
        fault.times = (fault.times ?? 1) - 1;
        record.status = -1;
        res.socket?.destroy();
        child.kill();
        return;
      }
      sent += chunk.length;
      res.write(chunk);
    };
    child.stdout.on('data', (chunk: Buffer) => {
      if (headerDone) return send(chunk);
      head = Buffer.concat([head, chunk]);
      const end = head.indexOf('\r\n\r\n');
      if (end < 0) return;
      headerDone = true;
      let status = 200;
      const headers: Record<string, string> = {};
      for (const line of head.subarray(0, end).toString('latin1').split('\r\n')) {
        const i = line.indexOf(':');
        const k = line.slice(0, i).trim();
        const v = line.slice(i + 1).trim();
        if (k.toLowerCase() === 'status') status = Number.parseInt(v, 10);
        else headers[k] = v;
      }
      record.status = status;
      res.writeHead(status, headers);
      const rest = head.subarray(end + 4);
      if (rest.length) send(rest);
    });
    await new Promise<void>((resolve) => child.on('close', () => resolve()));
    if (!dropped) res.end();
  }
}

export async function startGitServer(root: string, token: string): Promise<GitServer> {
  return new GitServer(root, token).start();
}
