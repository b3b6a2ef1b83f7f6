/**
 * A loopback stand-in for the GitHub Actions cache service, for tests that run real
 * `@actions/cache` (v6) in a child process. It speaks both protocols that library uses:
 *
 * - Cache service v2 (github.com, chosen by ACTIONS_CACHE_SERVICE_V2): Twirp JSON over
 *   POST /twirp/github.actions.results.api.v1.CacheService/{CreateCacheEntry,
 *   FinalizeCacheEntryUpload,GetCacheEntryDownloadURL}, authorized by
 *   `Bearer $ACTIONS_RUNTIME_TOKEN`. The archive itself goes to and comes from signed blob
 *   URLs through @azure/storage-blob: Put Blob (or Put Block + Put Block List past 128 MiB),
 *   then Get Blob Properties and ranged Get Blob (x-ms-range). @actions/cache only downloads
 *   through the Azure SDK when the URL's host ends in `.blob.core.windows.net`, so the signed
 *   URLs name `tributary.blob.core.windows.net` over plain http and the child reaches this
 *   server through HTTP_PROXY (set in `env`); this is the path hosted runners take.
 * - The legacy service (GHES, or a GITHUB_SERVER_URL that is not github.com, *.ghe.com or
 *   *.localhost): /_apis/artifactcache/ `GET cache?keys&version`, `POST caches` (reserve),
 *   `PATCH caches/:id` (Content-Range chunks), `POST caches/:id` (commit), with a loopback
 *   archiveLocation fetched by plain GET.
 *
 * Semantics kept from the real service: an entry is (key, version); the version is a hash of
 * the paths as written by the caller and the compression, so it must match; lookup takes each
 * key in order (the primary key, then the restore keys), first exactly, then as a prefix of the
 * newest entry; an entry is visible only once finalized (committed); a (key, version) that
 * exists or is being uploaded cannot be created again (409, which @actions/cache reports as
 * "Failed to save: Unable to reserve cache ..." and saveCache returns -1); signed URLs are
 * checked (signature and permission: upload URLs write, download URLs read).
 *
 * Left out: scopes (branches, the default-branch fallback), eviction and the size quota,
 * expiry of signed URLs and of abandoned reservations, the cache-management REST API, protobuf
 * (only the JSON Twirp client is used), fault injection. Archives are kept in memory.
 */
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

const TWIRP = '/twirp/github.actions.results.api.v1.CacheService/';
const V1 = '/_apis/artifactcache/';
const CONTAINER = '/actions-cache/';
/** The host the v2 signed URLs name; only the proxy setting makes it reach this server. */
export const BLOB_HOST = 'tributary.blob.core.windows.net';

interface Entry {
  id: number;
  key: string;
  version: string;
  /** Set at finalize: visible to lookups, ordered by it (newest first). */
  finalized?: number;
  blob?: Buffer;
  etag: string;
  blocks: Map<string, Buffer>;
  chunks: { start: number; data: Buffer }[];
}

export interface CacheRequest {
  method: string;
  /** The host the client addressed: 127.0.0.1:PORT, or BLOB_HOST through the proxy. */
  host: string;
  /** Path without the query (the signature never lands here). */
  path: string;
  kind: 'twirp' | 'v1' | 'blob' | 'unknown';
  status: number;
}

export type Corruption = 'garbage' | 'truncate';

export interface CacheService {
  /** http://127.0.0.1:PORT, no trailing slash. */
  url: string;
  /** Everything a child process running @actions/cache needs, to merge into its env. */
  env: Record<string, string>;
  /** Finalized entries, oldest first. */
  entries(): { key: string; version: string; size: number }[];
  /** Spoil the stored archive of every finalized entry with this key. */
  corrupt(key: string, how?: Corruption): void;
  requests: CacheRequest[];
  close(): Promise<void>;
}

class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const part of req) parts.push(part as Buffer);
  return Buffer.concat(parts);
}

function json(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(text),
  });
  res.end(text);
}

export async function startCacheService(): Promise<CacheService> {
  const token = `cache-runtime-${randomBytes(12).toString('hex')}`;
  const entries: Entry[] = [];
  /** Signed-URL signatures: which blob each opens, and for what. */
  const grants = new Map<string, { id: number; perm: 'r' | 'cw' }>();
  const requests: CacheRequest[] = [];
  let seq = 0;
  let url = '';

  const find = (key: string, version: string) =>
    entries.find((e) => e.key === key && e.version === version);

  /** Exact match of each key in turn, else the newest entry it prefixes. */
  function lookup(keys: string[], version: string): Entry | undefined {
    const visible = entries
      .filter((e) => e.finalized !== undefined && e.version === version)
      .sort((a, b) => b.finalized! - a.finalized!);
    for (const key of keys) {
      const hit = visible.find((e) => e.key === key) ?? visible.find((e) => e.key.startsWith(key));
      if (hit) return hit;
    }
    return undefined;
  }

  function reserve(key: string, version: string): Entry {
    if (!key || !version)
      throw new HttpError(400, 'invalid_argument', 'key and version are required');
    if (find(key, version)) {
      throw new HttpError(
        409,
        'already_exists',
        'cache entry with the same key, version, and scope already exists',
      );
    }
    const entry: Entry = {
      id: entries.length + 1,
      key,
      version,
      etag: '',
      blocks: new Map(),
      chunks: [],
    };
    entries.push(entry);
    return entry;
  }

  function finalize(entry: Entry, size: number): void {
    if (!entry.blob || entry.blob.length !== size) {
      throw new HttpError(
        400,
        'invalid_argument',
        `uploaded ${entry.blob?.length ?? 0} bytes, finalize says ${size}`,
      );
    }
    entry.finalized = ++seq;
    entry.etag = `"0x${randomBytes(8).toString('hex').toUpperCase()}"`;
  }

  function signedUrl(entry: Entry, perm: 'r' | 'cw', host: string): string {
    const sig = randomBytes(24).toString('base64');
    grants.set(sig, { id: entry.id, perm });
    const q = new URLSearchParams({ sv: '2025-01-05', sr: 'b', sp: perm, sig });
    return `http://${host}${CONTAINER}${entry.id}?${q}`;
  }

  function authorize(req: IncomingMessage): void {
    if (req.headers.authorization !== `Bearer ${token}`) {
      throw new HttpError(401, 'unauthenticated', 'missing or wrong runtime token');
    }
  }

  async function twirp(req: IncomingMessage, res: ServerResponse, method: string): Promise<void> {
    authorize(req);
    if (req.method !== 'POST') throw new HttpError(404, 'bad_route', `${req.method} ${method}`);
    const body = JSON.parse((await readBody(req)).toString() || '{}') as Record<string, unknown>;
    const key = String(body.key ?? '');
    const version = String(body.version ?? '');
    if (method === 'CreateCacheEntry') {
      const entry = reserve(key, version);
      json(res, 200, { ok: true, signed_upload_url: signedUrl(entry, 'cw', BLOB_HOST) });
    } else if (method === 'FinalizeCacheEntryUpload') {
      const entry = find(key, version);
      if (!entry || entry.finalized)
        throw new HttpError(404, 'not_found', 'no upload in progress for this key and version');
      finalize(entry, Number(body.size_bytes ?? 0));
      json(res, 200, { ok: true, entry_id: String(entry.id) });
    } else if (method === 'GetCacheEntryDownloadURL') {
      const restoreKeys = Array.isArray(body.restore_keys) ? body.restore_keys.map(String) : [];
      const hit = lookup([key, ...restoreKeys], version);
      json(
        res,
        200,
        hit
          ? { ok: true, signed_download_url: signedUrl(hit, 'r', BLOB_HOST), matched_key: hit.key }
          : { ok: false },
      );
    } else {
      throw new HttpError(404, 'bad_route', `no method ${method}`);
    }
  }

  async function legacy(
    req: IncomingMessage,
    res: ServerResponse,
    resource: string,
    query: URLSearchParams,
  ): Promise<void> {
    authorize(req);
    const id = /^caches\/(\d+)$/.exec(resource)?.[1];
    const entry = id
      ? entries.find((e) => e.id === Number(id) && e.finalized === undefined)
      : undefined;
    if (req.method === 'GET' && resource === 'cache') {
      const hit = lookup((query.get('keys') ?? '').split(','), query.get('version') ?? '');
      if (!hit) return void res.writeHead(204).end();
      const archiveLocation = signedUrl(hit, 'r', new URL(url).host);
      json(res, 200, {
        cacheKey: hit.key,
        cacheVersion: hit.version,
        scope: 'refs/heads/main',
        archiveLocation,
      });
    } else if (req.method === 'POST' && resource === 'caches') {
      const body = JSON.parse((await readBody(req)).toString()) as {
        key?: string;
        version?: string;
      };
      json(res, 201, { cacheId: reserve(body.key ?? '', body.version ?? '').id });
    } else if (req.method === 'PATCH' && entry) {
      const range = /^bytes (\d+)-(\d+)\/\*$/.exec(req.headers['content-range'] ?? '');
      const data = await readBody(req);
      if (!range || Number(range[2]) - Number(range[1]) + 1 !== data.length) {
        throw new HttpError(400, 'invalid_argument', 'Content-Range does not match the chunk');
      }
      entry.chunks.push({ start: Number(range[1]), data });
      res.writeHead(204).end();
    } else if (req.method === 'POST' && entry) {
      const { size } = JSON.parse((await readBody(req)).toString()) as { size: number };
      const blob = Buffer.alloc(size);
      let covered = 0;
      for (const c of entry.chunks) covered += c.data.copy(blob, c.start);
      if (covered !== size)
        throw new HttpError(400, 'invalid_argument', `chunks cover ${covered} of ${size} bytes`);
      entry.blob = blob;
      finalize(entry, size);
      res.writeHead(204).end();
    } else {
      throw new HttpError(404, 'not_found', `${req.method} ${resource}`);
    }
  }

  async function blob(
    req: IncomingMessage,
    res: ServerResponse,
    name: string,
    query: URLSearchParams,
  ): Promise<void> {
    const grant = grants.get(query.get('sig') ?? '');
    const entry = entries.find((e) => e.id === grant?.id && String(e.id) === name);
    const writing = req.method === 'PUT';
    if (!grant || !entry || grant.perm !== (writing ? 'cw' : 'r')) {
      throw new HttpError(
        403,
        'AuthenticationFailed',
        'Server failed to authenticate the request.',
      );
    }
    if (writing) {
      if (entry.finalized)
        throw new HttpError(409, 'BlobAlreadyExists', 'The specified blob already exists.');
      const data = await readBody(req);
      const comp = query.get('comp');
      if (comp === 'block') {
        entry.blocks.set(query.get('blockid') ?? '', data);
      } else if (comp === 'blocklist') {
        // <BlockList><Latest>id</Latest>...</BlockList>: the blob is the staged blocks in order.
        const ids = [...data.toString().matchAll(/<(?:Latest|Uncommitted)>([^<]*)<\//g)].map(
          (m) => m[1],
        );
        const parts = ids.map((id) => entry.blocks.get(id));
        if (parts.some((p) => !p))
          throw new HttpError(400, 'InvalidBlockList', 'The specified block list is invalid.');
        entry.blob = Buffer.concat(parts as Buffer[]);
      } else if (comp === null && req.headers['x-ms-blob-type'] === 'BlockBlob') {
        entry.blob = data;
      } else {
        throw new HttpError(400, 'InvalidHeaderValue', 'Only block blobs are supported.');
      }
      res.writeHead(201, { etag: '"0x1"', 'x-ms-request-server-encrypted': 'true' }).end();
      return;
    }
    if (!entry.blob) throw new HttpError(404, 'BlobNotFound', 'The specified blob does not exist.');
    const total = entry.blob.length;
    const headers = {
      'x-ms-blob-type': 'BlockBlob',
      'accept-ranges': 'bytes',
      etag: entry.etag,
      'last-modified': new Date().toUTCString(),
    };
    const range = /^bytes=(\d+)-(\d*)$/.exec(
      String(req.headers['x-ms-range'] ?? req.headers.range ?? ''),
    );
    if (req.method === 'HEAD')
      return void res.writeHead(200, { ...headers, 'content-length': total }).end();
    if (req.method !== 'GET') throw new HttpError(405, 'UnsupportedHttpVerb', String(req.method));
    if (!range)
      return void res.writeHead(200, { ...headers, 'content-length': total }).end(entry.blob);
    const start = Number(range[1]);
    const end = Math.min(range[2] ? Number(range[2]) : total - 1, total - 1);
    if (start >= total) throw new HttpError(416, 'InvalidRange', 'The range specified is invalid.');
    res.writeHead(206, {
      ...headers,
      'content-length': end - start + 1,
      'content-range': `bytes ${start}-${end}/${total}`,
    });
    res.end(entry.blob.subarray(start, end + 1));
  }

  const server = createServer((req, res) => {
    // A proxied request carries an absolute URL; a direct one a path.
    const target = new URL(req.url ?? '/', url);
    const path = target.pathname;
    const record: CacheRequest = {
      method: req.method ?? '',
      host: target.host,
      path,
      kind: 'unknown',
      status: 0,
    };
    requests.push(record);
    let work: Promise<void>;
    if (path.startsWith(TWIRP)) {
      record.kind = 'twirp';
      work = twirp(req, res, path.slice(TWIRP.length));
    } else if (path.startsWith(V1)) {
      record.kind = 'v1';
      work = legacy(req, res, path.slice(V1.length), target.searchParams);
    } else if (path.startsWith(CONTAINER)) {
      record.kind = 'blob';
      work = blob(req, res, path.slice(CONTAINER.length), target.searchParams);
    } else {
      work = Promise.reject(new HttpError(404, 'bad_route', path));
    }
    work
      .catch((e: unknown) => {
        const err = e instanceof HttpError ? e : new HttpError(500, 'internal', String(e));
        if (res.headersSent) return void res.destroy();
        if (record.kind === 'blob') {
          const xml = `<?xml version="1.0" encoding="utf-8"?><Error><Code>${err.code}</Code><Message>${err.message}</Message></Error>`;
          res.writeHead(err.status, {
            'content-type': 'application/xml',
            'x-ms-error-code': err.code,
          });
          res.end(req.method === 'HEAD' ? undefined : xml);
        } else if (record.kind === 'v1') {
          json(res, err.status, { message: err.message, typeKey: err.code });
        } else {
          json(res, err.status, { code: err.code, msg: err.message });
        }
      })
      .finally(() => {
        record.status = res.statusCode;
      });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    url,
    env: {
      ACTIONS_CACHE_SERVICE_V2: 'True',
      ACTIONS_RESULTS_URL: `${url}/`,
      ACTIONS_CACHE_URL: `${url}/`,
      ACTIONS_RUNTIME_TOKEN: token,
      // Only the Azure SDK reaches the blob host through it: @actions/http-client and curl
      // never proxy loopback, and NO_PROXY says so to anyone else.
      HTTP_PROXY: url,
      NO_PROXY: '127.0.0.1,localhost',
    },
    requests,
    entries: () =>
      entries
        .filter((e) => e.finalized !== undefined)
        .sort((a, b) => a.finalized! - b.finalized!)
        .map((e) => ({ key: e.key, version: e.version, size: e.blob!.length })),
    corrupt(key, how = 'garbage') {
      const hit = entries.filter((e) => e.key === key && e.finalized !== undefined);
      if (!hit.length) throw new Error(`no cache entry with key ${key}`);
      for (const e of hit) {
        e.blob =
          how === 'garbage'
            ? randomBytes(e.blob!.length)
            : e.blob!.subarray(0, e.blob!.length >> 1);
        e.etag = `"0x${randomBytes(8).toString('hex').toUpperCase()}"`;
      }
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
