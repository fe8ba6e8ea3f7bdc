/**
 * Demo framework Bắc Từ Liêm uses for its phòng chuyên môn and the Đội Quản lý TTXD đô thị,
 * shaped after Hà Nội's cấp phòng framework (7 lĩnh vực, XHH 30/100). From 2023 two criteria are
 * computed from the system's own records: the dossier on-time rate and the feedback answered-on-
 * time rate; in 2022 the same criteria were scored by hand (they keep their metricKey to say
 * what they measure).
 */
import type { Framework } from '../../domain/framework.ts';
import { flatten, group, type NodeSpec, survey, tiered } from '../framework-builder.ts';

export const DOSSIER_ON_TIME = 'dossiers.onTimeRate';
export const FEEDBACK_ON_TIME = 'feedback.answeredOnTimeRate';

/** Criteria a unit without its own administrative procedures marks "không áp dụng". */
export const DEPARTMENT_NO_PROCEDURE_CRITERIA = ['3.3', '3.4', '3.6', '7.2'] as const;

/** A measured criterion: method 'computed' from the given year on, appraised by hand before. */
export function measured(spec: NodeSpec, computed: boolean): NodeSpec {
  return { ...spec, method: computed ? 'computed' : 'appraisal' };
}

export function departmentFramework(year: number): Framework {
  const computed = year >= 2023;
  const na = { allowNotApplicable: true };
  return {
    code: `HN-BTL-PCM-${year}`,
    name: `Chỉ số CCHC các phòng chuyên môn, Đội Quản lý TTXD đô thị quận Bắc Từ Liêm ${year}`,
    nameEn: `PAR Index of Bắc Từ Liêm's specialised divisions and construction-order team ${year}`,
    year,
    criteria: flatten([
      group('1', 'Công tác chỉ đạo, điều hành CCHC', 'Direction and administration of reform', [
        tiered('1.1', 'Xây dựng, thực hiện kế hoạch CCHC của đơn vị', 'Unit reform plan', 2, 1, 0),
        tiered('1.2', 'Thực hiện chế độ báo cáo CCHC', 'Reform reports', 2, 1, 0),
        tiered('1.3', 'Thông tin, tuyên truyền CCHC', 'Communication on reform', 2, 1, 0),
        tiered('1.4', 'Sáng kiến, giải pháp mới trong CCHC', 'Reform initiatives', 2, 1, 0),
        tiered('1.5', 'Thực hiện nhiệm vụ UBND quận giao', 'Tasks assigned by the district', 2, 1.5, 1, 0),
      ]),
      group('2', 'Tổ chức thực hiện văn bản QPPL, văn bản chỉ đạo của cấp trên', 'Implementing legal documents', [
        tiered('2.1', 'Tham mưu ban hành văn bản thuộc lĩnh vực', 'Drafting documents of the field', 3, 2, 1, 0),
        tiered('2.2', 'Rà soát văn bản QPPL thuộc lĩnh vực', 'Reviewing documents', 2, 1, 0),
        tiered('2.3', 'Triển khai văn bản chỉ đạo của cấp trên', 'Implementing instructions', 3, 2, 1, 0),
      ]),
      group('3', 'Cải cách thủ tục hành chính', 'Administrative-procedure reform', [
        tiered('3.1', 'Rà soát, đề xuất đơn giản hóa TTHC', 'Proposing simplifications', 2, 1, 0),
        tiered('3.2', 'Công khai TTHC thuộc lĩnh vực', 'Publishing procedures', 2, 1, 0),
        measured(
          {
            code: '3.3',
            name: 'Tỷ lệ hồ sơ TTHC giải quyết đúng hạn',
            nameEn: 'Dossiers settled on time',
            max: 4,
            rule: computed ? { kind: 'threshold', threshold: 0.95 } : { kind: 'free' },
            metricKey: DOSSIER_ON_TIME,
            evidenceRequired: !computed,
            ...na,
          },
          computed,
        ),
        { ...tiered('3.4', 'Xin lỗi người dân khi hồ sơ trễ hạn', 'Apology for late dossiers', 1, 0), ...na },
        measured(
          {
            code: '3.5',
            name: 'Tỷ lệ phản ánh, kiến nghị được trả lời đúng hạn',
            nameEn: 'Feedback answered on time',
            max: 3,
            rule: computed ? { kind: 'proportional' } : { kind: 'free' },
            metricKey: FEEDBACK_ON_TIME,
            evidenceRequired: !computed,
          },
          computed,
        ),
        { ...tiered('3.6', 'Số hóa hồ sơ, kết quả giải quyết TTHC', 'Digitising dossiers', 2, 1, 0), ...na },
      ]),
      group('4', 'Cải cách tổ chức bộ máy', 'Organisation', [
        tiered('4.1', 'Thực hiện quy định về chức năng, nhiệm vụ', 'Functions and duties', 3, 2, 1, 0),
        tiered('4.2', 'Quản lý, sử dụng biên chế', 'Staffing', 3, 2, 0),
      ]),
      group('5', 'Xây dựng, nâng cao chất lượng đội ngũ CCVC', 'Civil servants', [
        tiered('5.1', 'Thực hiện vị trí việc làm', 'Job positions', 3, 2, 1, 0),
        tiered('5.2', 'Đánh giá, xếp loại công chức', 'Staff appraisal', 3, 2, 1, 0),
        tiered('5.3', 'Đào tạo, bồi dưỡng', 'Training', 2, 1, 0),
        tiered('5.4', 'Chấp hành kỷ luật, kỷ cương hành chính', 'Discipline', 4, 3, 2, 0),
      ]),
      group('6', 'Cải cách tài chính công', 'Public finance', [
        tiered('6.1', 'Quản lý, sử dụng kinh phí được giao', 'Use of funds', 4, 3, 2, 0),
        tiered('6.2', 'Thực hành tiết kiệm, chống lãng phí', 'Thrift', 4, 3, 2, 0),
      ]),
      group('7', 'Hiện đại hóa hành chính', 'Modernising administration', [
        tiered('7.1', 'Gửi, nhận văn bản điện tử, chữ ký số', 'E-documents and signatures', 4, 3, 2, 0),
        { ...tiered('7.2', 'Cung cấp dịch vụ công trực tuyến thuộc lĩnh vực', 'Online services', 4, 3, 2, 0), ...na },
        tiered('7.3', 'Áp dụng ISO 9001', 'ISO 9001', 2, 1, 0),
        tiered('7.4', 'Ứng dụng công nghệ thông tin, chuyển đổi số', 'IT and digital transformation', 2, 1, 0),
      ]),
      group('8', 'Điều tra xã hội học', 'Survey', [
        survey('8.1', 'Lãnh đạo UBND quận đánh giá', 'District leaders', 10),
        survey('8.2', 'UBND các phường đánh giá', 'Ward committees', 10),
        survey('8.3', 'Người dân, tổ chức đánh giá', 'Citizens and organisations', 10),
      ]),
    ]),
  };
}
