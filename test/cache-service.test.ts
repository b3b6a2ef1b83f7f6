/**
 * The cache service stand-in against the real @actions/cache, run in child processes under the
 * Node running the tests, exactly as an action would run it: save, restore by key and by
 * restore key, a miss, a refused second save, a corrupt archive, and the legacy protocol.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { BLOB_HOST, startCacheService, type CacheService } from './harness/cache-service.js';
import { tempDir } from './harness/fixtures.js';

// Resolved from this file, so the child uses the project's own copies.
const cacheLib = import.meta.resolve('@actions/cache');
const blobLib = import.meta.resolve('@azure/storage-blob');

/** The child: one @actions/cache call (or a block upload with the Azure SDK), result on stdout. */
const CHILD = `
const spec = JSON.parse(process.argv[2]);
let result;
if (spec.op === 'blocks') {
  // What @actions/cache does with an archive past 128 MiB: Put Block + Put Block List.
  const { BlockBlobClient } = await import(spec.blobLib);
  const twirp = async (method, body) => {
    const res = await fetch(new URL('twirp/github.actions.results.api.v1.CacheService/' + method, process.env.ACTIONS_RESULTS_URL), {
      method: 'POST',
      headers: { authorization: 'Bearer ' + process.env.ACTIONS_RUNTIME_TOKEN, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    return res.json();
  };
  const data = Buffer.from(spec.data, 'base64');
  const created = await twirp('CreateCacheEntry', { key: spec.key, version: 'v-blocks' });
  await new BlockBlobClient(created.signed_upload_url).uploadData(data, { blockSize: 1024, maxSingleShotSize: 1024, concurrency: 2 });
  const finalized = await twirp('FinalizeCacheEntryUpload', { key: spec.key, version: 'v-blocks', size_bytes: String(data.length) });
  const found = await twirp('GetCacheEntryDownloadURL', { key: spec.key, version: 'v-blocks' });
  const back = await new BlockBlobClient(found.signed_download_url).downloadToBuffer(0, data.length, { blockSize: 1000 });
  result = { finalized: finalized.ok, same: Buffer.compare(back, data) === 0 };
} else {
  const cache = await import(spec.cacheLib);
  result = spec.op === 'save'
    ? await cache.saveCache(spec.paths, spec.key)
    : await cache.restoreCache(spec.paths, spec.key, spec.restoreKeys);
}
console.log('RESULT ' + JSON.stringify(result ?? null));
`;

interface ChildRun {
  code: number;
  result: unknown;
  log: string;
}

describe('Actions cache service stand-in, driven by @actions/cache', () => {
  const tmp = tempDir();
  const workspace = join(tmp.path, 'workspace');
  const script = join(tmp.path, 'child.mjs');
  const dir = join(workspace, 'repo.git');
  let service: CacheService;

  function run(
    spec: { op: string; paths?: string[]; key: string; restoreKeys?: string[]; data?: string },
    env: Record<string, string> = {},
  ): Promise<ChildRun> {
    const childEnv = {
      PATH: process.env.PATH ?? '/usr/bin:/bin',
      HOME: tmp.path,
      RUNNER_TEMP: join(tmp.path, 'runner-temp'),
      GITHUB_WORKSPACE: workspace,
      ...service.env,
      ...env,
    };
    const arg = JSON.stringify({ cacheLib, blobLib, ...spec });
    return new Promise((resolve) => {
      execFile(
        process.execPath,
        [script, arg],
        { cwd: workspace, env: childEnv, timeout: 30_000 },
        (error, stdout, stderr) => {
          const line = stdout.split('\n').find((l) => l.startsWith('RESULT '));
          resolve({
            code: typeof error?.code === 'number' ? error.code : error ? 1 : 0,
            result: line ? JSON.parse(line.slice('RESULT '.length)) : 'no result',
            log: stdout + stderr,
          });
        },
      );
    });
  }

  /** A small tree with incompressible files, so a truncated archive stops mid-way. */
  function fill(files: Record<string, string | Buffer>): void {
    rmSync(dir, { recursive: true, force: true });
    for (const [name, content] of Object.entries(files)) {
      mkdirSync(join(dir, name, '..'), { recursive: true });
      writeFileSync(join(dir, name), content);
    }
  }

  function snapshot(): Record<string, string> {
    if (!existsSync(dir)) return {};
    const out: Record<string, string> = {};
    for (const name of readdirSync(dir, { recursive: true, encoding: 'utf8' }).sort()) {
      const path = join(dir, name);
      try {
        out[name] = createHash('sha256').update(readFileSync(path)).digest('hex');
      } catch {
        out[name] = 'directory';
      }
    }
    return out;
  }

  const newRequests = (from: number) => service.requests.slice(from);

  before(async () => {
    service = await startCacheService();
    mkdirSync(workspace, { recursive: true });
    mkdirSync(join(tmp.path, 'runner-temp'));
    writeFileSync(script, CHILD);
  });
  after(async () => {
    await service.close();
    tmp.cleanup();
  });

  it('saves a directory and restores the same files by exact key (service v2, Azure blob)', async () => {
    fill({ HEAD: 'ref: refs/heads/master\n', 'objects/pack/p.pack': randomBytes(4096) });
    const saved = snapshot();
    const mark = service.requests.length;
    const save = await run({ op: 'save', paths: [dir], key: 'mirror-one' });
    assert.equal(save.code, 0, save.log);
    assert.equal(typeof save.result, 'number');
    assert.ok((save.result as number) > 0, save.log);
    assert.deepEqual(
      service.entries().map((e) => e.key),
      ['mirror-one'],
    );
    const saveTraffic = newRequests(mark).map((r) => `${r.method} ${r.kind} ${r.status}`);
    assert.deepEqual(saveTraffic, ['POST twirp 200', 'PUT blob 201', 'POST twirp 200']);
    assert.ok(newRequests(mark).every((r) => r.kind !== 'blob' || r.host === BLOB_HOST));

    rmSync(dir, { recursive: true });
    const restore = await run({ op: 'restore', paths: [dir], key: 'mirror-one' });
    assert.equal(restore.result, 'mirror-one', restore.log);
    assert.deepEqual(snapshot(), saved);
    // The SDK path: properties, then ranged reads of the blob.
    assert.ok(service.requests.some((r) => r.method === 'HEAD' && r.host === BLOB_HOST));
  });

  it('refuses to save a key twice; the first archive stays', async () => {
    const before = service.entries();
    fill({ HEAD: 'changed\n' });
    const again = await run({ op: 'save', paths: [dir], key: 'mirror-one' });
    assert.equal(again.code, 0, again.log);
    assert.equal(again.result, -1);
    assert.match(again.log, /Unable to reserve cache with key mirror-one/);
    assert.deepEqual(service.entries(), before);
  });

  it('restores the newest prefix match of a restore key when the key misses', async () => {
    fill({ HEAD: 'older\n' });
    assert.ok(
      ((await run({ op: 'save', paths: [dir], key: 'mirror-two-1' })).result as number) > 0,
    );
    fill({ HEAD: 'newer\n' });
    const newer = snapshot();
    assert.ok(
      ((await run({ op: 'save', paths: [dir], key: 'mirror-two-2' })).result as number) > 0,
    );
    rmSync(dir, { recursive: true });
    const r = await run({
      op: 'restore',
      paths: [dir],
      key: 'mirror-two-3',
      restoreKeys: ['mirror-two-'],
    });
    assert.equal(r.result, 'mirror-two-2', r.log);
    assert.match(r.log, /Cache hit for restore-key: mirror-two-2/);
    assert.deepEqual(snapshot(), newer);
  });

  it('misses a key nobody saved, and a key saved for other paths (the version differs)', async () => {
    rmSync(dir, { recursive: true, force: true });
    const mark = service.requests.length;
    const missing = await run({ op: 'restore', paths: [dir], key: 'mirror-none' });
    assert.equal(missing.code, 0, missing.log);
    assert.equal(missing.result, null);
    // The same directory written another way is another version.
    const other = await run({ op: 'restore', paths: ['repo.git'], key: 'mirror-one' });
    assert.equal(other.result, null, other.log);
    assert.ok(newRequests(mark).every((r) => r.kind === 'twirp'));
    assert.equal(existsSync(dir), false);
  });

  for (const how of ['garbage', 'truncate'] as const) {
    it(`reports a corrupt archive (${how}) as a miss with a warning`, async () => {
      const files: Record<string, Buffer> = {};
      for (let i = 0; i < 8; i++) files[`objects/pack/p${i}.pack`] = randomBytes(32_768);
      fill(files);
      const key = `mirror-corrupt-${how}`;
      assert.ok(((await run({ op: 'save', paths: [dir], key })).result as number) > 0);
      service.corrupt(key, how);
      rmSync(dir, { recursive: true });
      const r = await run({ op: 'restore', paths: [dir], key });
      assert.equal(r.code, 0, r.log);
      assert.equal(r.result, null, r.log);
      assert.match(r.log, /::warning::Failed to restore: "[^"]*tar" failed/);
      if (how === 'truncate') {
        // tar writes what it read before the stream broke: the caller must clear the directory.
        const left = Object.keys(snapshot()).filter((n) => n.endsWith('.pack'));
        assert.ok(left.length > 0 && left.length < 8, `partial restore left ${left.length} files`);
      } else {
        assert.equal(existsSync(dir), false);
      }
    });
  }

  it('speaks the legacy protocol where @actions/cache takes the runner for GHES', async () => {
    const ghes = { GITHUB_SERVER_URL: 'https://ghes.example.com' };
    fill({ HEAD: 'legacy\n', 'objects/x': randomBytes(2048) });
    const saved = snapshot();
    const mark = service.requests.length;
    const save = await run({ op: 'save', paths: [dir], key: 'mirror-legacy' }, ghes);
    assert.ok((save.result as number) > 0, save.log);
    rmSync(dir, { recursive: true });
    const r = await run({ op: 'restore', paths: [dir], key: 'mirror-legacy' }, ghes);
    assert.equal(r.result, 'mirror-legacy', r.log);
    assert.deepEqual(snapshot(), saved);
    const kinds = new Set(newRequests(mark).map((r) => r.kind));
    assert.deepEqual([...kinds].sort(), ['blob', 'v1']);
    const second = await run({ op: 'save', paths: [dir], key: 'mirror-legacy' }, ghes);
    assert.equal(second.result, -1, second.log);
  });

  it('assembles a blob from Put Block + Put Block List, as for archives past 128 MiB', async () => {
    const data = randomBytes(5000);
    const r = await run({ op: 'blocks', key: 'mirror-blocks', data: data.toString('base64') });
    assert.deepEqual(r.result, { finalized: true, same: true }, r.log);
    assert.ok(service.requests.filter((q) => q.method === 'PUT').length >= 6);
    assert.equal(service.entries().find((e) => e.key === 'mirror-blocks')?.size, 5000);
  });

  it('turns away a request without the runtime token, and a write through a read URL', async () => {
    const twirp = `${service.url}/twirp/github.actions.results.api.v1.CacheService/CreateCacheEntry`;
    const res = await fetch(twirp, { method: 'POST', body: '{"key":"x","version":"y"}' });
    assert.equal(res.status, 401);
    const lookup = await fetch(twirp.replace('CreateCacheEntry', 'GetCacheEntryDownloadURL'), {
      method: 'POST',
      headers: { authorization: `Bearer ${service.env.ACTIONS_RUNTIME_TOKEN}` },
      body: JSON.stringify({ key: 'mirror-one', version: service.entries()[0].version }),
    });
    const { signed_download_url: readUrl } = (await lookup.json()) as {
      signed_download_url: string;
    };
    // As the Azure SDK sends it: an absolute URL to the proxy.
    const status = await new Promise<number>((resolve, reject) => {
      const url = new URL(service.url);
      const req = request(
        {
          host: url.hostname,
          port: url.port,
          method: 'PUT',
          path: readUrl,
          headers: { 'x-ms-blob-type': 'BlockBlob' },
        },
        (r) => resolve(r.statusCode ?? 0),
      );
      req.on('error', reject);
      req.end('overwrite');
    });
    assert.equal(status, 403);
    assert.ok(!JSON.stringify(service.requests).includes('sig='));
  });
});
