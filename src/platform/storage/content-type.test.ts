import { describe, expect, it } from 'vitest';
import { DOCX, sniffContentType, XLSX } from './content-type.ts';

describe('sniffContentType', () => {
  it('recognises files by their signatures (ISO 32000, JFIF, PNG, GIF, RIFF/WebP, ISO BMFF, OOXML zip)', () => {
    expect(sniffContentType(Buffer.from('%PDF-1.7\n'))).toBe('application/pdf');
    expect(sniffContentType(Buffer.from([0xff, 0xd8, 0xff, 0xe0]))).toBe('image/jpeg');
    expect(sniffContentType(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]))).toBe('image/png');
    expect(sniffContentType(Buffer.from('GIF89a......'))).toBe('image/gif');
    expect(sniffContentType(Buffer.from('RIFF\0\0\0\0WEBPVP8 '))).toBe('image/webp');
    expect(sniffContentType(Buffer.from('\0\0\0\x18ftypheic', 'latin1'))).toBe('image/heic');
    expect(sniffContentType(Buffer.from('PK\x03\x04 [Content_Types].xml word/document.xml', 'latin1'))).toBe(DOCX);
    expect(sniffContentType(Buffer.from('PK\x03\x04 [Content_Types].xml xl/workbook.xml', 'latin1'))).toBe(XLSX);
  });

  it('refuses what is not one of them, whatever its name', () => {
    expect(sniffContentType(Buffer.from('MZ\x90\x00', 'latin1'))).toBeNull();
    expect(sniffContentType(Buffer.from('<html><script>'))).toBeNull();
    expect(sniffContentType(Buffer.from('PK\x03\x04 plain.zip', 'latin1'))).toBeNull();
    expect(sniffContentType(Buffer.alloc(0))).toBeNull();
    expect(sniffContentType(Buffer.from([0x89, 0x50]))).toBeNull();
  });
});
