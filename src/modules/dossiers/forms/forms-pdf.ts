import { HCM_OFFSET_MS, hcmDate, lunarLabel, solarToLunar } from '../../../calendar/index.ts';
import { type PdfDocument, renderPdf } from '../../../platform/documents/pdf.ts';
import { formatDateVi } from '../../../platform/i18n/locale.ts';
import type { DossierView } from '../dossiers.schemas.ts';

/**
 * The one-stop shop's forms (TT 01/2018/TT-VPCP; form 05 as in TT 03/2025/TT-VPCP):
 * 01 receipt and appointment slip, 02 supplement request, 03 refusal, 04 apology and new date,
 * 05 notice of stopping. A5 portrait like the printed forms.
 */
export const FORM_TITLES: Record<string, string> = {
  '01': 'GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ',
  '02': 'PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ',
  '03': 'PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ',
  '04': 'PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ',
  '05': 'THÔNG BÁO DỪNG GIẢI QUYẾT HỒ SƠ',
};

const vnDate = (d: string | null | undefined) => (d ? formatDateVi(d) : '…');
/** "09/10/2023 (âm lịch 25/8 Quý Mão)": paper forms give the lunar date beside the solar one. */
export const vnDateWithLunar = (d: string | null | undefined) => {
  if (!d) return '…';
  return `${vnDate(d)} (${lunarLabel(solarToLunar(d.slice(0, 10)))})`;
};
/** A date counted through a year whose days off are not announced yet says so. */
const provisionalNote = (d: DossierView) =>
  d.dueDateProvisional ? ' — tạm tính: năm chưa có thông báo lịch nghỉ chính thức' : '';
const vnTime = (iso: string | null) => {
  if (!iso) return '…';
  const t = new Date(new Date(iso).getTime() + HCM_OFFSET_MS).toISOString();
  return `${t.slice(11, 16)} ngày ${vnDate(t.slice(0, 10))}`;
};

export async function renderForm(
  form: string,
  d: DossierView,
  ctx: { missing?: string[]; previousDueDate?: string | null; reason?: string | null; officer: string; now: Date },
): Promise<Buffer> {
  const title = FORM_TITLES[form]!;
  const field = (label: string, value: string) => ({
    text: [{ text: `${label}: `, bold: true }, value],
    margin: [0, 2, 0, 2],
  });
  /** A receipt after the cut-off or on a day off counts from a later day: the slip says from which. */
  const countedFrom = (x: DossierView) => {
    if (!x.receivedAt || !x.effectiveReceiptDate) return [];
    if (hcmDate(new Date(x.receivedAt)) === x.effectiveReceiptDate) return [];
    return [
      field(
        'Thời hạn tính từ ngày',
        `${vnDate(x.effectiveReceiptDate)} (hồ sơ nhận sau giờ tiếp nhận trong ngày hoặc vào ngày nghỉ được tính từ ngày làm việc kế tiếp)`,
      ),
    ];
  };
  const body: unknown[] = [
    field('Mã hồ sơ', d.code),
    field('Thủ tục', d.procedure.name),
    field('Người nộp', `${d.applicant.name} — ĐT: ${d.applicant.phone}`),
  ];
  switch (form) {
    case '01':
      body.push(
        field('Thời điểm tiếp nhận', vnTime(d.receivedAt)),
        ...countedFrom(d),
        field('Hình thức', d.channel === 2 ? 'Trực tuyến' : d.channel === 3 ? 'Bưu chính công ích' : 'Trực tiếp'),
        field('Thời hạn giải quyết', `${d.procedure.processingDays} ngày làm việc`),
        {
          text: `Ngày hẹn trả kết quả: ${vnDateWithLunar(d.originalDueDate ?? d.dueDate)}${provisionalNote(d)}`,
          bold: true,
          fontSize: 12,
          margin: [0, 8, 0, 4],
        },
        {
          text: 'Tra cứu tình trạng hồ sơ bằng mã hồ sơ và 4 số cuối điện thoại tại trang Tra cứu hồ sơ.',
          italics: true,
          fontSize: 9,
        },
      );
      break;
    case '02':
      body.push(
        { text: 'Hồ sơ cần bổ sung, hoàn thiện các nội dung sau:', margin: [0, 6, 0, 2] },
        { ol: ctx.missing?.length ? ctx.missing : [d.reason ?? '…'] },
      );
      body.push({
        text: 'Thời gian bổ sung không tính vào thời hạn giải quyết. Yêu cầu bổ sung chỉ thực hiện một lần.',
        italics: true,
        fontSize: 9,
        margin: [0, 6, 0, 0],
      });
      break;
    case '03':
      body.push(field('Lý do từ chối', d.reason ?? '…'));
      break;
    case '04':
      body.push(
        {
          text: `Cơ quan giải quyết xin lỗi ông/bà vì hồ sơ không giải quyết được đúng hẹn ngày ${vnDate(ctx.previousDueDate)}.`,
          margin: [0, 6, 0, 2],
        },
        field('Lý do', d.reason ?? '…'),
        {
          text: `Ngày hẹn trả kết quả mới: ${vnDateWithLunar(d.dueDate)}${provisionalNote(d)}`,
          bold: true,
          fontSize: 12,
          margin: [0, 8, 0, 0],
        },
      );
      break;
    case '05':
      body.push(field('Lý do dừng giải quyết', d.reason ?? '…'), field('Thời điểm', vnTime(d.finishedAt)));
      break;
  }
  const doc: PdfDocument = {
    pageSize: 'A5',
    pageMargins: [36, 36, 36, 36],
    info: { title: `${title} — ${d.code}` },
    content: [
      {
        columns: [
          {
            width: '45%',
            stack: [
              { text: d.receivingUnit.name.toUpperCase(), bold: true, fontSize: 9 },
              { text: 'BỘ PHẬN MỘT CỬA', fontSize: 9 },
            ],
            alignment: 'center',
          },
          {
            width: '55%',
            stack: [
              { text: 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', bold: true, fontSize: 9 },
              { text: 'Độc lập - Tự do - Hạnh phúc', bold: true, fontSize: 9 },
            ],
            alignment: 'center',
          },
        ],
      },
      { text: `Mẫu số ${form}`, alignment: 'right', italics: true, fontSize: 8, margin: [0, 6, 0, 0] },
      { text: title, bold: true, alignment: 'center', fontSize: 12, margin: [0, 8, 0, 10] },
      ...body,
      {
        columns: [
          { width: '50%', text: '' },
          {
            width: '50%',
            stack: [
              {
                text: `Ngày ${vnDate(hcmDate(ctx.now))}`,
                italics: true,
                fontSize: 9,
              },
              { text: 'NGƯỜI TIẾP NHẬN / XỬ LÝ', bold: true, fontSize: 9, margin: [0, 2, 0, 30] },
              { text: ctx.officer, fontSize: 10 },
            ],
            alignment: 'center',
          },
        ],
        margin: [0, 16, 0, 0],
      },
    ],
    defaultStyle: { font: 'Roboto', fontSize: 10 },
  };
  return renderPdf(doc);
}
