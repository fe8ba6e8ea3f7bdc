import { createHash, randomUUID } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * Where dossier files live. Local disk under `<dataDir>/files/` by default; an S3-compatible
 * store would implement the same two methods (not built yet).
 */
export interface FileStore {
  put(data: Buffer): Promise<{ key: string; sha256: string }>;
  get(key: string): Promise<Buffer>;
}

export function localFileStore(dataDir: string): FileStore {
  const root = join(dataDir, 'files');
  return {
    async put(data) {
      const id = randomUUID();
      const key = `${new Date().toISOString().slice(0, 7)}/${id}`;
      const dir = join(root, key.slice(0, 7));
      await mkdir(dir, { recursive: true });
      // write then rename: a reader never sees half a file
      const tmp = join(dir, `.${id}.part`);
      await writeFile(tmp, data);
      await rename(tmp, join(root, key));
      return { key, sha256: createHash('sha256').update(data).digest('hex') };
    },
    async get(key) {
      if (!/^\d{4}-\d{2}\/[0-9a-f-]{36}$/.test(key)) throw new Error('bad storage key');
      return readFile(join(root, key));
    },
  };
}
