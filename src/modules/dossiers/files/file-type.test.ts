import { describe, expect, it } from 'vitest';
import { sanitiseFileName, sniff } from './file-type.ts';

describe('file type by content', () => {
  it('recognises pdf, jpeg, png and docx by their first bytes', () => {
    expect(sniff(Buffer.from('%PDF-1.7\n'))).toBe('pdf');
    expect(sniff(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0]))).toBe('jpeg');
    expect(sniff(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))).toBe('png');
    expect(
      sniff(
        Buffer.concat([Buffer.from('PK\x03\x04', 'latin1'), Buffer.from('[Content_Types].xml ... word/document.xml')]),
      ),
    ).toBe('docx');
  });
  it('rejects everything else, whatever the name says', () => {
    expect(sniff(Buffer.from('MZ\x90\x00', 'latin1'))).toBeNull();
    expect(sniff(Buffer.from('PK\x03\x04 xl/workbook.xml', 'latin1'))).toBeNull(); // xlsx is not docx
    expect(sniff(Buffer.from('<html>'))).toBeNull();
    expect(sniff(Buffer.alloc(0))).toBeNull();
  });
});

describe('file names', () => {
  it('drops directories and reserved characters, keeps Vietnamese', () => {
    expect(sanitiseFileName('../../etc/sổ đỏ.png', 'png')).toBe('sổ đỏ.png');
    expect(sanitiseFileName('C:\\Users\\a\\đơn<1>.pdf', 'pdf')).toBe('đơn_1_.pdf');
    expect(sanitiseFileName('.htaccess', 'pdf')).toBe('htaccess.pdf');
    expect(sanitiseFileName('ban-ve.exe', 'pdf')).toBe('ban-ve.pdf');
    expect(sanitiseFileName(undefined, 'jpeg')).toBe('tep.jpg');
    expect(sanitiseFileName(`${'a'.repeat(300)}.pdf`, 'pdf').length).toBe(120);
  });
});
