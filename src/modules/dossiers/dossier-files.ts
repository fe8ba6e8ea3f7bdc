import type { MultipartFile } from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import { AppError } from '../../errors.ts';
import type { ProcedureRow } from '../procedures/procedures.repository.ts';
import type { FileStore } from './files/file-store.ts';
import { CONTENT_TYPES, sanitiseFileName, sniff } from './files/file-type.ts';

/** A file written to the store, ready to be recorded with its dossier. */
export interface StoredFile {
  componentKey: string | null;
  fileName: string;
  contentType: string;
  size: number;
  sha256: string;
  storageKey: string;
}

/**
 * Reads a multipart request: the `metadata` field (JSON) and files named by component key (or
 * `result`). Every file is checked by its content against the component's accepted types and the
 * size limit before anything is stored.
 */
export interface BufferedFile {
  field: string;
  name: string;
  data: Buffer;
}

export async function readMultipart(
  req: FastifyRequest,
  maxBytes: number,
): Promise<{ metadata: unknown; buffered: BufferedFile[] }> {
  let metadata: unknown;
  const buffered: { field: string; name: string; data: Buffer }[] = [];
  for await (const part of req.parts()) {
    if (part.type === 'field') {
      if (part.fieldname === 'metadata') {
        try {
          metadata = JSON.parse(String(part.value));
        } catch {
          throw new AppError('BAD_REQUEST', { detail: 'metadata is not JSON' });
        }
      }
      continue;
    }
    const f = part as MultipartFile;
    let data: Buffer;
    try {
      data = await f.toBuffer();
    } catch (e) {
      if ((e as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE')
        throw new AppError('DOSSIER_FILE_TOO_LARGE', {
          file: sanitiseFileName(f.filename, 'pdf'),
          max: Math.round(maxBytes / 1048576),
        });
      throw e;
    }
    if (data.length > maxBytes || f.file.truncated)
      throw new AppError('DOSSIER_FILE_TOO_LARGE', { file: f.filename, max: Math.round(maxBytes / 1048576) });
    buffered.push({ field: f.fieldname, name: f.filename, data });
  }
  return { metadata, buffered };
}

/** Checks every file (type by content) before storing any. */
export async function storeFiles(
  buffered: BufferedFile[],
  store: FileStore,
  allowedFor: (fieldName: string) => readonly string[] | null,
): Promise<StoredFile[]> {
  const files: StoredFile[] = [];
  const checked = buffered.map((b) => {
    const allowed = allowedFor(b.field);
    if (!allowed) throw new AppError('DOSSIER_COMPONENT_UNKNOWN', { key: b.field });
    const kind = sniff(b.data);
    if (!kind || !allowed.includes(kind))
      throw new AppError('DOSSIER_FILE_TYPE', { file: b.name.slice(0, 80), allowed: allowed.join(', ') });
    return { ...b, kind };
  });
  for (const b of checked) {
    let put: { key: string; sha256: string };
    try {
      put = await store.put(b.data, CONTENT_TYPES[b.kind]);
    } catch (e) {
      await discardFiles(store, files);
      throw e;
    }
    const { key, sha256 } = put;
    files.push({
      componentKey: b.field === 'result' ? null : b.field,
      fileName: sanitiseFileName(b.name, b.kind),
      contentType: CONTENT_TYPES[b.kind],
      size: b.data.length,
      sha256,
      storageKey: key,
    });
  }
  return files;
}

/**
 * Removes files stored for a change that did not happen (its transaction failed, or an idempotent
 * replay answered with the dossier recorded before), so they do not stay as orphans. Best effort.
 */
export async function discardFiles(store: FileStore, files: readonly { storageKey: string }[]) {
  await Promise.all(files.map((f) => store.delete(f.storageKey).catch(() => undefined)));
}

/** Runs `change` with files already stored; discards them when the change fails. */
export async function keepFilesIf<T>(store: FileStore, files: readonly StoredFile[], change: () => Promise<T>) {
  try {
    return await change();
  } catch (e) {
    await discardFiles(store, files);
    throw e;
  }
}

export const componentTypes = (p: ProcedureRow) => (field: string) =>
  p.components.find((c) => c.key === field)?.fileTypes ?? null;
