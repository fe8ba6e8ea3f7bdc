import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, DB_KINDS, type Session, type TestApp } from '../../../../test/harness.ts';
import { loadConfig } from '../../../config.ts';
import { FileMissingError, s3FileStore } from '../../../platform/storage/file-store.ts';
import { buildingPermit, EXE, multipart, PDF, PNG, seedCatalogue, UNIT_CODES, unitByCodes } from '../test/fixtures.ts';

const KEY_ID = 'AKIACCHCTEST0001';
const SECRET = 'cchc-test-secret-key-0123456789abcdef';
const BUCKET = 'cchc-files';
const REGION = 'ap-southeast-1';

/**
 * A minimal S3-like server in the test: path-style PUT / GET / DELETE of objects, recording each
 * request's method, path and headers. It answers like S3 (ETag, 404 NoSuchKey XML).
 */
async function s3Sink() {
  const objects = new Map<string, { data: Buffer; type?: string }>();
  const requests: { method: string; path: string; headers: IncomingHttpHeaders; bodySha?: string }[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      const path = decodeURIComponent(new URL(req.url!, 'http://x').pathname);
      requests.push({
        method: req.method!,
        path,
        headers: req.headers,
        bodySha: createHash('sha256').update(body).digest('hex'),
      });
      if (req.method === 'PUT') {
        objects.set(path, { data: body, type: req.headers['content-type'] });
        res.writeHead(200, { etag: `"${createHash('md5').update(body).digest('hex')}"` }).end();
      } else if (req.method === 'GET') {
        const o = objects.get(path);
        if (!o)
          return res
            .writeHead(404, { 'content-type': 'application/xml' })
            .end('<?xml version="1.0"?><Error><Code>NoSuchKey</Code><Message>none</Message></Error>');
        res.writeHead(200, { 'content-type': o.type ?? 'application/octet-stream', 'content-length': o.data.length });
        res.end(o.data);
      } else if (req.method === 'DELETE') {
        objects.delete(path);
        res.writeHead(204).end();
      } else res.writeHead(405).end();
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    objects,
    requests,
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}

/** AWS Signature V4: `AWS4-HMAC-SHA256 Credential=<key id>/<yyyymmdd>/<region>/s3/aws4_request, SignedHeaders=…, Signature=<64 hex>` */
function expectSigV4(h: IncomingHttpHeaders, bodySha: string | undefined) {
  const m = String(h.authorization).match(
    /^AWS4-HMAC-SHA256 Credential=([^/]+)\/(\d{8})\/([^/]+)\/s3\/aws4_request, SignedHeaders=([a-z0-9;-]+), Signature=([0-9a-f]{64})$/,
  );
  expect(m, String(h.authorization)).not.toBeNull();
  const [, keyId, day, region, signed] = m!;
  expect(keyId).toBe(KEY_ID);
  expect(region).toBe(REGION);
  expect(day).toBe(String(h['x-amz-date']).slice(0, 8));
  expect(String(h['x-amz-date'])).toMatch(/^\d{8}T\d{6}Z$/);
  const signedHeaders = signed!.split(';');
  expect(signedHeaders).toEqual([...signedHeaders].sort());
  for (const need of ['host', 'x-amz-content-sha256', 'x-amz-date']) expect(signedHeaders).toContain(need);
  // the payload hash is the body's SHA-256 (or explicitly unsigned)
  const payload = String(h['x-amz-content-sha256']);
  if (payload !== 'UNSIGNED-PAYLOAD') expect(payload).toBe(bodySha);
  expect(JSON.stringify(h)).not.toContain(SECRET);
}

const s3Env = (url: string) => ({
  STORAGE: 's3',
  S3_ENDPOINT: url,
  S3_BUCKET: BUCKET,
  S3_REGION: REGION,
  S3_ACCESS_KEY_ID: KEY_ID,
  S3_SECRET_ACCESS_KEY: SECRET,
});

describe('S3-compatible file store', () => {
  let s3: Awaited<ReturnType<typeof s3Sink>>;
  beforeAll(async () => {
    s3 = await s3Sink();
  });
  afterAll(() => s3?.close());

  it('is chosen by configuration, path-style with a custom endpoint, and names the missing variable', () => {
    const c = loadConfig(s3Env('http://minio.local:9000'));
    expect(c.storage).toEqual({
      kind: 's3',
      endpoint: 'http://minio.local:9000',
      bucket: BUCKET,
      region: REGION,
      accessKeyId: KEY_ID,
      secretAccessKey: SECRET,
      forcePathStyle: true,
    });
    expect(loadConfig({}).storage).toEqual({ kind: 'local' });
    expect(() => loadConfig({ STORAGE: 's3', S3_BUCKET: 'b' })).toThrow(/S3_ACCESS_KEY_ID/);
    expect(() => loadConfig({ STORAGE: 'ftp' })).toThrow(/STORAGE/);
  });

  it('signs PUT, GET and DELETE with SigV4 and round-trips the bytes', async () => {
    const cfg = loadConfig(s3Env(s3.url)).storage;
    if (cfg.kind !== 's3') throw new Error('expected s3');
    const store = s3FileStore(cfg);
    const bytes = Buffer.concat([PDF, Buffer.from('Hồ sơ cấp phép — nội dung nhị phân \x00\xff', 'utf8')]);
    const { key, sha256 } = await store.put(bytes, 'application/pdf');
    expect(key).toMatch(/^\d{4}-\d{2}\/[0-9a-f-]{36}$/);
    expect(sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
    const put = s3.requests.at(-1)!;
    expect(put.method).toBe('PUT');
    expect(put.path).toBe(`/${BUCKET}/${key}`);
    expect(put.headers['content-type']).toBe('application/pdf');
    expectSigV4(put.headers, put.bodySha);
    expect(s3.objects.get(`/${BUCKET}/${key}`)!.data.equals(bytes)).toBe(true);

    expect((await store.get(key)).equals(bytes)).toBe(true);
    expectSigV4(s3.requests.at(-1)!.headers, s3.requests.at(-1)!.bodySha);

    await store.delete(key);
    expect(s3.requests.at(-1)!.method).toBe('DELETE');
    expectSigV4(s3.requests.at(-1)!.headers, s3.requests.at(-1)!.bodySha);
    expect(s3.objects.has(`/${BUCKET}/${key}`)).toBe(false);
    await expect(store.get(key)).rejects.toBeInstanceOf(FileMissingError);
    await expect(store.get('../../etc/passwd')).rejects.toBeInstanceOf(FileMissingError);
  });
});

describe.each(DB_KINDS)('dossier files in an S3-compatible bucket on %s', (kind) => {
  let t: TestApp;
  let s3: Awaited<ReturnType<typeof s3Sink>>;
  let citizen: Session;
  let outsider: Session;
  let procedureId: string;
  let tc: { id: string };
  const dataDir = `/tmp/cchc-test-s3-${kind}-${process.pid}`;

  beforeAll(async () => {
    s3 = await s3Sink();
    t = await createTestApp(kind, {
      seed: seedCatalogue,
      env: { CCHC_DATA_DIR: dataDir, UPLOAD_MAX_BYTES: '4096', ...s3Env(s3.url) },
    });
    [citizen, outsider] = await Promise.all([t.login('0912345678'), t.login('chuyenvien.qldt@cchc.local')]);
    procedureId = (await buildingPermit(t.database.db)).id;
    tc = await unitByCodes(t.database.db, UNIT_CODES.thuongCat);
  }, 60_000);
  afterAll(async () => {
    await t?.close();
    await s3?.close();
  });

  const pdf = (field: string, data = PDF) => ({ field, name: `${field}.pdf`, type: 'application/pdf', data });
  const submit = (files: ReturnType<typeof pdf>[]) => {
    const m = multipart(
      {
        metadata: JSON.stringify({
          procedureId,
          receivingUnitId: tc.id,
          applicant: { name: 'Lê Văn Cường', phone: '0911222333' },
        }),
      },
      files,
    );
    return citizen.post('/api/v1/dossiers', m.body, m.headers);
  };

  it('stores uploads in the bucket, serves them only to those allowed, and keeps the checks of the local store', async () => {
    const drawing = Buffer.concat([PDF, Buffer.from('bản vẽ mặt bằng tầng 1')]);
    const sub = await submit([
      pdf('don_de_nghi'),
      { field: 'giay_to_dat', name: '../../etc/sổ đỏ.png', type: 'image/png', data: PNG },
      pdf('ban_ve', drawing),
    ]);
    expect(sub.status, sub.raw).toBe(201);
    const puts = s3.requests.filter((r) => r.method === 'PUT');
    expect(puts).toHaveLength(3);
    for (const p of puts) {
      expect(p.path).toMatch(new RegExp(`^/${BUCKET}/\\d{4}-\\d{2}/[0-9a-f-]{36}$`));
      expectSigV4(p.headers, p.bodySha);
    }
    expect(existsSync(`${dataDir}/files`)).toBe(false); // nothing on local disk

    const detail = await citizen.get(`/api/v1/dossiers/${sub.body.id}`);
    const files = detail.body.files as { id: string; fileName: string; componentKey: string }[];
    expect(files.map((f) => f.fileName).sort()).toEqual(['ban_ve.pdf', 'don_de_nghi.pdf', 'sổ đỏ.png']);
    const banVe = files.find((f) => f.componentKey === 'ban_ve')!;
    const dl = await t.app.inject({
      method: 'GET',
      url: `/api/v1/dossiers/${sub.body.id}/files/${banVe.id}`,
      headers: { cookie: citizen.cookie! },
    });
    expect(dl.statusCode).toBe(200);
    expect(dl.rawPayload.equals(drawing)).toBe(true);
    expect(dl.headers['content-type']).toBe('application/pdf');
    // a specialist of a unit the dossier has not reached may not see it, nor its files
    expect((await outsider.get(`/api/v1/dossiers/${sub.body.id}/files/${banVe.id}`)).status).toBe(404);
    expect((await t.anon.get(`/api/v1/dossiers/${sub.body.id}/files/${banVe.id}`)).status).toBe(401);

    // type by content, size limit: refused before anything reaches the bucket
    const before = s3.requests.length;
    const exe = await submit([pdf('don_de_nghi'), pdf('giay_to_dat', EXE), pdf('ban_ve')]);
    expect(exe.status).toBe(415);
    const big = await submit([pdf('don_de_nghi'), pdf('giay_to_dat', Buffer.concat([PDF, Buffer.alloc(8000)]))]);
    expect(big.status).toBe(413);
    expect(s3.requests.length).toBe(before);

    // stored, then the submission fails (mandatory components missing): the objects are removed again
    const objects = s3.objects.size;
    const missing = await submit([pdf('don_de_nghi')]);
    expect(missing.status).toBe(422);
    expect(missing.body.code).toBe('DOSSIER_COMPONENTS_MISSING');
    const after = s3.requests.slice(before);
    expect(after.map((r) => r.method)).toEqual(['PUT', 'DELETE']);
    expect(after[1]!.path).toBe(after[0]!.path);
    expect(s3.objects.size).toBe(objects);
  });
});
