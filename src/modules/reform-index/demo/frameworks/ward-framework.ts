/**
 * Demo framework Bắc Từ Liêm uses for its 13 phường (5 lĩnh vực + XHH 30/100, as the district
 * frameworks cited in the domain reference). The dossier and feedback on-time rates are computed
 * from 2023 on.
 */
import type { Framework } from '../../domain/framework.ts';
import { flatten, group, survey, tiered } from '../framework-builder.ts';
import { DOSSIER_ON_TIME, FEEDBACK_ON_TIME, measured } from './department-framework.ts';

export function wardFramework(year: number): Framework {
  const computed = year >= 2023;
  return {
    code: `HN-BTL-PHUONG-${year}`,
    name: `Chỉ số CCHC các phường quận Bắc Từ Liêm ${year}`,
    nameEn: `PAR Index of Bắc Từ Liêm's wards ${year}`,
    year,
    criteria: flatten([
      group('1', 'Công tác chỉ đạo, điều hành CCHC', 'Direction and administration of reform', [
        tiered('1.1', 'Xây dựng, thực hiện kế hoạch CCHC', 'Reform plan', 2, 1, 0),
        tiered('1.2', 'Thực hiện chế độ báo cáo CCHC', 'Reform reports', 2, 1, 0),
        tiered('1.3', 'Thông tin, tuyên truyền CCHC', 'Communication on reform', 2, 1, 0),
        tiered('1.4', 'Sáng kiến, mô hình mới trong CCHC', 'Reform initiatives', 2, 1, 0),
        tiered('1.5', 'Thực hiện nhiệm vụ UBND quận giao', 'Tasks assigned by the district', 2, 1.5, 1, 0),
      ]),
      group('2', 'Cải cách TTHC, thực hiện cơ chế một cửa', 'Procedures and the one-stop shop', [
        tiered('2.1', 'Công khai TTHC tại Bộ phận Một cửa', 'Publishing procedures', 2, 1, 0),
        measured(
          {
            code: '2.2',
            name: 'Tỷ lệ hồ sơ TTHC giải quyết đúng hạn',
            nameEn: 'Dossiers settled on time',
            max: 5,
            rule: computed ? { kind: 'threshold', threshold: 0.98 } : { kind: 'free' },
            metricKey: DOSSIER_ON_TIME,
            evidenceRequired: !computed,
          },
          computed,
        ),
        tiered('2.3', 'Xin lỗi người dân khi hồ sơ trễ hạn', 'Apology for late dossiers', 1, 0),
        tiered('2.4', 'Số hóa hồ sơ, kết quả giải quyết TTHC', 'Digitising dossiers', 3, 2, 1, 0),
        tiered('2.5', 'Tiếp nhận hồ sơ trực tuyến', 'Online filing', 3, 2, 1, 0),
        measured(
          {
            code: '2.6',
            name: 'Tỷ lệ phản ánh, kiến nghị được trả lời đúng hạn',
            nameEn: 'Feedback answered on time',
            max: 4,
            rule: computed ? { kind: 'proportional' } : { kind: 'free' },
            metricKey: FEEDBACK_ON_TIME,
            evidenceRequired: !computed,
          },
          computed,
        ),
        tiered('2.7', 'Tổ chức, hoạt động của Bộ phận Một cửa', 'Running the one-stop shop', 4, 3, 2, 0),
      ]),
      group('3', 'Cải cách tổ chức bộ máy, chế độ công vụ', 'Organisation and civil service', [
        tiered('3.1', 'Sắp xếp tổ chức, bố trí cán bộ, công chức', 'Organisation and staffing', 3, 2, 0),
        tiered('3.2', 'Đánh giá, xếp loại cán bộ, công chức', 'Staff appraisal', 3, 2, 1, 0),
        tiered('3.3', 'Đào tạo, bồi dưỡng', 'Training', 2, 1, 0),
        tiered('3.4', 'Chấp hành kỷ luật, kỷ cương hành chính', 'Discipline', 4, 3, 2, 0),
        tiered('3.5', 'Thực hiện văn hóa công vụ', 'Public-service culture', 2, 1, 0),
      ]),
      group('4', 'Cải cách tài chính công', 'Public finance', [
        tiered('4.1', 'Lập, chấp hành dự toán, quyết toán ngân sách phường', 'Ward budget', 4, 3, 2, 0),
        tiered('4.2', 'Công khai tài chính, ngân sách', 'Budget openness', 4, 3, 2, 0),
      ]),
      group('5', 'Hiện đại hóa hành chính, chính quyền số', 'Modernisation and digital government', [
        tiered('5.1', 'Gửi, nhận văn bản điện tử, chữ ký số', 'E-documents and signatures', 4, 3, 2, 0),
        tiered('5.2', 'Dịch vụ công trực tuyến', 'Online public services', 4, 3, 2, 0),
        tiered('5.3', 'Áp dụng ISO 9001', 'ISO 9001', 2, 1, 0),
        tiered('5.4', 'Chuyển đổi số', 'Digital transformation', 3, 2, 1, 0),
        tiered('5.5', 'Hạ tầng công nghệ thông tin', 'IT infrastructure', 3, 2, 1, 0),
      ]),
      group('6', 'Điều tra xã hội học', 'Survey', [
        survey('6.1', 'Người dân, tổ chức đánh giá', 'Citizens and organisations', 20),
        survey('6.2', 'Lãnh đạo UBND quận, các phòng chuyên môn đánh giá', 'District leaders and divisions', 10),
      ]),
    ]),
  };
}
