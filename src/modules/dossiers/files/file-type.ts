/** Content types recognised by their first bytes (never by the name or the declared type). */
export type FileKind = 'pdf' | 'jpeg' | 'png' | 'docx';

export const CONTENT_TYPES: Record<FileKind, string> = {
  pdf: 'application/pdf',
  jpeg: 'image/jpeg',
  png: 'image/png',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
};

export function sniff(buf: Buffer): FileKind | null {
  if (buf.length >= 5 && buf.subarray(0, 5).toString('latin1') === '%PDF-') return 'pdf';
  if (buf.length >= 3 && buf[0] === 0xff && buf[1] === 0xd8 && buf[2] === 0xff) return 'jpeg';
  if (buf.length >= 8 && buf.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])))
    return 'png';
  // a docx is a zip (PK\3\4) whose entries include [Content_Types].xml and word/…
  if (buf.length >= 4 && buf[0] === 0x50 && buf[1] === 0x4b && buf[2] === 0x03 && buf[3] === 0x04) {
    return buf.includes('[Content_Types].xml') && buf.includes('word/') ? 'docx' : null;
  }
  return null;
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
