/**
 * What a file really is, from its first bytes — never from its name or the declared type.
 * Each module decides which of these it accepts.
 */
export const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
export const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export type SniffedType =
  | 'application/pdf'
  | 'image/jpeg'
  | 'image/png'
  | 'image/gif'
  | 'image/webp'
  | 'image/heic'
  | typeof DOCX
  | typeof XLSX;

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

export function sniffContentType(buf: Uint8Array): SniffedType | null {
  const b = (i: number) => buf[i] ?? -1;
  const ascii = (from: number, to: number) => (buf.length >= to ? String.fromCharCode(...buf.subarray(from, to)) : '');
  if (ascii(0, 5) === '%PDF-') return 'application/pdf';
  if (b(0) === 0xff && b(1) === 0xd8 && b(2) === 0xff) return 'image/jpeg';
  if (PNG_SIGNATURE.every((v, i) => b(i) === v)) return 'image/png';
  if (ascii(0, 6) === 'GIF87a' || ascii(0, 6) === 'GIF89a') return 'image/gif';
  if (ascii(0, 4) === 'RIFF' && ascii(8, 12) === 'WEBP') return 'image/webp';
  if (ascii(4, 8) === 'ftyp' && ['heic', 'heix', 'mif1'].includes(ascii(8, 12))) return 'image/heic';
  if (b(0) === 0x50 && b(1) === 0x4b && b(2) === 0x03 && b(3) === 0x04) {
    // OOXML is a zip whose part names (listed again in the central directory at the end) tell Word from Excel
    const text = Buffer.from(buf.buffer, buf.byteOffset, buf.byteLength);
    if (!text.includes('[Content_Types].xml')) return null;
    if (text.includes('word/')) return DOCX;
    if (text.includes('xl/')) return XLSX;
  }
  return null;
}
