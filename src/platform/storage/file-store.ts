import { createHash, randomUUID } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Config } from '../../config.ts';

/**
 * Where uploaded files live: local disk under `<dataDir>/files/` (default) or an S3-compatible
 * bucket (`STORAGE=s3`). Keys are chosen by the store (`YYYY-MM/<uuid>`), never by the uploader, so
 * a file name cannot reach the file system or the bucket. What may be stored (size, type by
 * content, sanitised name) and who may read it is checked by the caller before `put` / `get`,
 * the same for both backends.
 */
export interface FileStore {
  kind: 'local' | 's3';
  put(data: Buffer, contentType?: string): Promise<{ key: string; sha256: string }>;
  /** the bytes; throws FileMissingError when the key has no object */
  get(key: string): Promise<Buffer>;
  /** removes the object (no error when it is already gone) */
  delete(key: string): Promise<void>;
}

export class FileMissingError extends Error {}

const KEY_RE = /^\d{4}-\d{2}\/[0-9a-f-]{36}$/;
function checkKey(key: string) {
  if (!KEY_RE.test(key)) throw new FileMissingError('bad storage key');
}
const newKey = () => `${new Date().toISOString().slice(0, 7)}/${randomUUID()}`;
const sha256 = (data: Buffer) => createHash('sha256').update(data).digest('hex');

export function localFileStore(dataDir: string): FileStore {
  const root = join(dataDir, 'files');
  return {
    kind: 'local',
    async put(data) {
      const key = newKey();
      const dir = join(root, key.slice(0, 7));
      await mkdir(dir, { recursive: true });
      // write then rename: a reader never sees half a file
      const tmp = join(dir, `.${key.slice(8)}.part`);
      await writeFile(tmp, data);
      await rename(tmp, join(root, key));
      return { key, sha256: sha256(data) };
    },
    async get(key) {
      checkKey(key);
      try {
        return await readFile(join(root, key));
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === 'ENOENT') throw new FileMissingError(key);
        throw e;
      }
    },
    async delete(key) {
      checkKey(key);
      await rm(join(root, key), { force: true });
    },
  };
}

type S3Config = Extract<Config['storage'], { kind: 's3' }>;

/**
 * An S3-compatible bucket (AWS S3, MinIO, Ceph, Viettel/FPT object storage…) through
 * @aws-sdk/client-s3, loaded on first use. Requests are signed with AWS Signature V4; checksums
 * only where the API requires them, which every S3-compatible server accepts.
 */
export function s3FileStore(cfg: S3Config): FileStore {
  type Sdk = typeof import('@aws-sdk/client-s3');
  let loaded: Promise<{ sdk: Sdk; client: InstanceType<Sdk['S3Client']> }> | undefined;
  const load = () =>
    (loaded ??= import('@aws-sdk/client-s3').then((sdk) => ({
      sdk,
      client: new sdk.S3Client({
        region: cfg.region,
        ...(cfg.endpoint ? { endpoint: cfg.endpoint } : {}),
        forcePathStyle: cfg.forcePathStyle,
        credentials: { accessKeyId: cfg.accessKeyId, secretAccessKey: cfg.secretAccessKey },
        requestChecksumCalculation: 'WHEN_REQUIRED',
        responseChecksumValidation: 'WHEN_REQUIRED',
        maxAttempts: 3,
      }),
    })));
  return {
    kind: 's3',
    async put(data, contentType = 'application/octet-stream') {
      const { sdk, client } = await load();
      const key = newKey();
      await client.send(
        new sdk.PutObjectCommand({
          Bucket: cfg.bucket,
          Key: key,
          Body: data,
          ContentLength: data.length,
          ContentType: contentType,
        }),
      );
      return { key, sha256: sha256(data) };
    },
    async get(key) {
      checkKey(key);
      const { sdk, client } = await load();
      try {
        const r = await client.send(new sdk.GetObjectCommand({ Bucket: cfg.bucket, Key: key }));
        return Buffer.from(await r.Body!.transformToByteArray());
      } catch (e) {
        if (
          (e as { name?: string }).name === 'NoSuchKey' ||
          (e as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode === 404
        )
          throw new FileMissingError(key);
        throw e;
      }
    },
    async delete(key) {
      checkKey(key);
      const { sdk, client } = await load();
      await client.send(new sdk.DeleteObjectCommand({ Bucket: cfg.bucket, Key: key }));
    },
  };
}

/** The store the configuration asks for. */
export function fileStoreFor(config: Pick<Config, 'dataDir' | 'storage'>): FileStore {
  return config.storage.kind === 's3' ? s3FileStore(config.storage) : localFileStore(config.dataDir);
}
