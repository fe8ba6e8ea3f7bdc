import { DOCX, type SniffedType, sniffContentType } from '../../../platform/storage/content-type.ts';

/** Content types recognised by their first bytes (never by the name or the declared type). */
export type FileKind = 'pdf' | 'jpeg' | 'png' | 'docx';

export const CONTENT_TYPES: Record<FileKind, string> = {
  pdf: 'application/pdf',
  jpeg: 'image/jpeg',
  png: 'image/png',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
};

const KIND_OF: Partial<Record<SniffedType, FileKind>> = {
  'application/pdf': 'pdf',
  'image/jpeg': 'jpeg',
  'image/png': 'png',
  [DOCX]: 'docx',
};

/** The dossier file kind of the bytes, or null when it is not one a dossier accepts. */
export function sniff(buf: Buffer): FileKind | null {
  const t = sniffContentType(buf);
  return (t && KIND_OF[t]) ?? null;
}

/** A safe display name: no directories, no control or reserved characters, at most 120 characters. */
export function sanitiseFileName(name: string | undefined, kind: FileKind): string {
  const base = (name ?? '').normalize('NFC').split(/[\\/]/).pop() ?? '';
  let clean = base
    // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are exactly what is removed
    .replace(/[\u0000-\u001f\u007f<>:"|?*]/g, '_')
    .replace(/^\.+/, '')
    .replace(/\s+/g, ' ')
    .trim();
  const ext = kind === 'jpeg' ? /\.(jpe?g)$/i : new RegExp(`\\.${kind}$`, 'i');
  if (!ext.test(clean)) clean = `${clean.replace(/\.[^.]*$/, '') || 'tep'}.${kind === 'jpeg' ? 'jpg' : kind}`;
  if (clean.length > 120) clean = clean.slice(clean.length - 120);
  return clean;
}
