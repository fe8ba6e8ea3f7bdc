/**
 * Tài liệu kiểm chứng: files stored under the data directory (size-limited, type checked by the
 * file's magic bytes, never by its name or declared type) or links to cchc records.
 */
import { randomUUID } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Db } from '../../db/client.ts';
import { AppError } from '../../errors.ts';
import { audit } from '../../platform/audit/audit.service.ts';
import { DOCX, sniffContentType, XLSX } from '../../platform/storage/content-type.ts';
import * as policy from './reform-index.policy.ts';
import * as repo from './reform-index.repository.ts';
import { assessmentContext, type Signed } from './reform-index.service.ts';

export const EVIDENCE_MAX_BYTES = 10 * 1024 * 1024;

/** Evidence may be PDF, images or Word/Excel documents, recognised by their bytes. */
const EVIDENCE_TYPES = new Set(['application/pdf', 'image/png', 'image/jpeg', DOCX, XLSX]);

/** Stores bytes under <dataDir>/evidence/<yyyy>/<uuid>; returns the storage key. */
export async function storeFile(dataDir: string, buf: Buffer, now: Date): Promise<string> {
  const key = `evidence/${now.getUTCFullYear()}/${randomUUID()}`;
  await mkdir(join(dataDir, 'evidence', String(now.getUTCFullYear())), { recursive: true });
  await writeFile(join(dataDir, key), buf, { flag: 'wx' });
  return key;
}

export const readStored = (dataDir: string, key: string) => readFile(join(dataDir, key));

async function writableAssessment(db: Db, ctx: Signed, assessmentId: string, criterionCode: string) {
  const a = await assessmentContext(db, ctx.actor, assessmentId);
  if (!policy.isFocalPoint(ctx.actor, a.unit.path)) throw new AppError('FORBIDDEN');
  if (a.cycle.status !== 'open' || !['DRAFT', 'RETURNED'].includes(a.assessment.status)) {
    throw new AppError('RI_ASSESSMENT_STATE', { status: a.assessment.status, action: 'add evidence' });
  }
  const criteria = await repo.listCriteria(db, a.framework.id);
  if (!criteria.some((c) => c.code === criterionCode))
    throw new AppError('RI_CRITERION_NOT_LEAF', { criterion: criterionCode });
  return a;
}

export async function addFileEvidence(
  db: Db,
  ctx: Signed,
  dataDir: string,
  assessmentId: string,
  criterionCode: string,
  file: { fileName: string; buf: Buffer; note?: string },
  maxBytes = EVIDENCE_MAX_BYTES,
) {
  const a = await writableAssessment(db, ctx, assessmentId, criterionCode);
  if (file.buf.length > maxBytes) throw new AppError('RI_EVIDENCE_TOO_LARGE', { max: maxBytes });
  const sniffed = sniffContentType(file.buf);
  const contentType = sniffed && EVIDENCE_TYPES.has(sniffed) ? sniffed : undefined;
  if (!contentType) throw new AppError('RI_EVIDENCE_TYPE');
  const storageKey = await storeFile(dataDir, file.buf, ctx.now);
  return db.transaction(async (tx) => {
    const row = await repo.insertEvidence(tx, {
      assessmentId,
      criterionCode,
      kind: 'file',
      fileName: file.fileName.slice(0, 255),
      contentType,
      size: file.buf.length,
      storageKey,
      note: file.note ?? null,
      uploadedBy: ctx.actor.userId,
    });
    await audit(tx, ctx, {
      action: 'ri.evidence.add',
      targetType: 'ri_evidence',
      targetId: row.id,
      unitId: a.unit.id,
      after: { criterionCode, fileName: row.fileName, size: row.size, contentType },
    });
    return row;
  });
}

export async function addLinkEvidence(
  db: Db,
  ctx: Signed,
  assessmentId: string,
  criterionCode: string,
  b: { linkType: string; linkRef: string; note?: string },
) {
  const a = await writableAssessment(db, ctx, assessmentId, criterionCode);
  if (b.linkType === 'url' && !/^https?:\/\//.test(b.linkRef))
    throw new AppError('BAD_REQUEST', { detail: 'linkRef must be an http(s) URL' });
  return db.transaction(async (tx) => {
    const row = await repo.insertEvidence(tx, {
      assessmentId,
      criterionCode,
      kind: 'link',
      linkType: b.linkType,
      linkRef: b.linkRef,
      note: b.note ?? null,
      uploadedBy: ctx.actor.userId,
    });
    await audit(tx, ctx, {
      action: 'ri.evidence.link',
      targetType: 'ri_evidence',
      targetId: row.id,
      unitId: a.unit.id,
      after: b,
    });
    return row;
  });
}

export async function evidenceFile(db: Db, ctx: Signed, dataDir: string, evidenceId: string) {
  const e = await repo.getEvidence(db, evidenceId);
  if (!e) throw new AppError('NOT_FOUND', { what: 'evidence' });
  await assessmentContext(db, ctx.actor, e.assessmentId);
  if (e.kind !== 'file' || !e.storageKey) throw new AppError('NOT_FOUND', { what: 'evidence file' });
  return { row: e, buf: await readStored(dataDir, e.storageKey) };
}
