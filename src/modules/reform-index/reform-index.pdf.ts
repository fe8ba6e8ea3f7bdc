/**
 * The PDF report of published results: per peer group a narrative, the ranking table and a
 * horizontal bar chart drawn with pdfmake vector shapes (no browser). Roboto renders Vietnamese.
 */
import { type PdfDocument, renderPdf } from '../../platform/documents/pdf.ts';
import { formatPct, type Lang } from './domain/index.ts';
import type { ResultsView } from './reform-index.schemas.ts';

const L = {
  vi: {
    title: (y: number) => `BÁO CÁO KẾT QUẢ CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM ${y}`,
    head: ['Hạng', 'Đơn vị', 'Điểm', 'Chỉ số', '± điểm %', '± hạng', 'Loại'],
    chart: 'Biểu đồ xếp hạng',
    avg: (a: string, h: string, l: string) => `Trung bình: ${a} · Cao nhất: ${h} · Thấp nhất: ${l}`,
    none: 'Chưa có kết quả công bố.',
  },
  en: {
    title: (y: number) => `PAR INDEX RESULTS ${y}`,
    head: ['Rank', 'Unit', 'Points', 'Index', '± pp', '± rank', 'Band'],
    chart: 'Ranking chart',
    avg: (a: string, h: string, l: string) => `Average: ${a} · Highest: ${h} · Lowest: ${l}`,
    none: 'No published results.',
  },
} as const;

const signed = (x: number | null, lang: Lang) =>
  x === null
    ? ''
    : `${x > 0 ? '+' : x < 0 ? '−' : ''}${Math.abs(x).toLocaleString(lang === 'vi' ? 'vi-VN' : 'en-GB', { maximumFractionDigits: 2 })}`;

/** One bar per unit, scaled between a floor under the lowest value and 100 %. */
export function barChart(rows: { label: string; value: number | null }[], lang: Lang, width = 300) {
  const values = rows.map((r) => r.value ?? 0);
  const floor = Math.max(0, Math.floor(Math.min(...values, 100) / 5) * 5 - 5);
  const scale = (v: number) => Math.max(1, ((v - floor) / (100 - floor)) * width);
  return {
    table: {
      widths: [120, width, 50],
      body: rows.map((r, i) => [
        { text: r.label, fontSize: 7, alignment: 'right' },
        {
          canvas: [{ type: 'rect', x: 0, y: 1, w: scale(r.value ?? 0), h: 7, color: i === 0 ? '#c0392b' : '#2f6fb3' }],
        },
        { text: r.value === null ? '' : formatPct(r.value, lang), fontSize: 7 },
      ]),
    },
    layout: 'noBorders',
  };
}

export async function resultsPdf(view: ResultsView, narratives: Map<string, string>, lang: Lang): Promise<Buffer> {
  const t = L[lang];
  const content: unknown[] = [{ text: t.title(view.year), style: 'title' }];
  if (!view.groups.length) content.push({ text: t.none });
  for (const [gi, g] of view.groups.entries()) {
    const rows = view.results.filter((r) => r.groupId === g.groupId).sort((a, b) => (a.rank ?? 1e9) - (b.rank ?? 1e9));
    const pct = (x: number | null) => (x === null ? '—' : formatPct(x, lang));
    content.push(
      { text: g.name, style: 'group', ...(gi > 0 ? { pageBreak: 'before' } : {}) },
      { text: t.avg(pct(g.average), pct(g.highest), pct(g.lowest)), margin: [0, 0, 0, 6] },
    );
    const n = narratives.get(g.groupId);
    if (n) content.push({ text: n, margin: [0, 0, 0, 8], alignment: 'justify' });
    content.push({
      table: {
        headerRows: 1,
        widths: [28, '*', 40, 45, 40, 35, 28],
        body: [
          t.head.map((h) => ({ text: h, bold: true, fillColor: '#e8eef7' })),
          ...rows.map((r) => [
            r.rank === null ? '—' : `${r.rank}/${r.rankOf}`,
            r.unitName,
            r.points.toLocaleString(lang === 'vi' ? 'vi-VN' : 'en-GB'),
            pct(r.percent),
            signed(r.deltaPercentPoints, lang),
            signed(r.rankChange, lang),
            r.band ?? '',
          ]),
        ],
      },
      fontSize: 8,
      layout: 'lightHorizontalLines',
      margin: [0, 0, 0, 10],
    });
    content.push(
      { text: t.chart, style: 'chart' },
      barChart(
        rows.map((r) => ({ label: r.unitShortName, value: r.percent })),
        lang,
      ),
    );
  }
  const doc: PdfDocument = {
    info: { title: t.title(view.year) },
    content,
    styles: {
      title: { fontSize: 14, bold: true, alignment: 'center', margin: [0, 0, 0, 12] },
      group: { fontSize: 12, bold: true, margin: [0, 6, 0, 4] },
      chart: { fontSize: 10, bold: true, margin: [0, 4, 0, 4] },
    },
    pageMargins: [36, 36, 36, 36],
  };
  return renderPdf(doc);
}
