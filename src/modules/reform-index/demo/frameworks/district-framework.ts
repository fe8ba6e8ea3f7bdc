/**
 * Demo framework the city uses for its 30 quận, huyện, thị xã: 7 nội dung (the article's "7
 * nhiệm vụ trọng tâm"), 100 points, each area with appraised criteria and one survey (XHH)
 * criterion. The real 2023 framework has 164 criteria whose maxima are not public; this one keeps
 * the published shape (cải cách thể chế is worth 8 points) and is otherwise illustrative.
 */
import type { Framework } from '../../domain/framework.ts';
import { flatten, group, survey, tiered } from '../framework-builder.ts';

/** Area codes the article talks about. */
export const DISTRICT_AREA = {
  direction: '1',
  institutions: '2',
  procedures: '3',
  organisation: '4',
  civilService: '5',
  publicFinance: '6',
  digitalGovernment: '7',
} as const;

export function districtFramework(year: number): Framework {
  return {
    code: `HN-QHTX-${year}`,
    name: `Chỉ số CCHC các quận, huyện, thị xã ${year}`,
    nameEn: `PAR Index of districts, towns and rural districts ${year}`,
    year,
    criteria: flatten([
      group('1', 'Công tác chỉ đạo, điều hành CCHC', 'Direction and administration of reform', [
        group('1.1', 'Kế hoạch CCHC năm', 'Annual reform plan', [
          tiered('1.1.1', 'Ban hành kế hoạch CCHC năm đúng thời hạn', 'Plan issued on time', 1, 0.5, 0),
          tiered('1.1.2', 'Mức độ hoàn thành kế hoạch CCHC', 'Plan completion', 2, 1.5, 1, 0),
        ]),
        tiered('1.2', 'Thực hiện chế độ báo cáo CCHC định kỳ', 'Periodic reform reports', 1.5, 1, 0),
        group('1.3', 'Kiểm tra công tác CCHC', 'Reform inspections', [
          tiered('1.3.1', 'Tỷ lệ đơn vị được kiểm tra trong năm', 'Share of units inspected', 1, 0.5, 0),
          tiered('1.3.2', 'Xử lý các vấn đề phát hiện qua kiểm tra', 'Follow-up of findings', 1, 0.5, 0),
        ]),
        tiered('1.4', 'Thông tin, tuyên truyền về CCHC', 'Communication on reform', 1.5, 1, 0.5, 0),
        tiered('1.5', 'Sáng kiến, mô hình mới trong CCHC', 'Reform initiatives and models', 2, 1, 0),
        survey('1.6', 'Đánh giá về công tác chỉ đạo, điều hành CCHC (điều tra XHH)', 'Survey: direction of reform', 3),
      ]),
      group('2', 'Cải cách thể chế', 'Institutional reform', [
        tiered('2.1', 'Tham mưu ban hành văn bản QPPL theo thẩm quyền', 'Issuing legal documents', 2, 1, 0),
        tiered('2.2', 'Rà soát, hệ thống hóa văn bản QPPL', 'Reviewing legal documents', 1.5, 1, 0.5, 0),
        group('2.3', 'Tổ chức thực hiện và kiểm tra văn bản QPPL', 'Implementing and checking legal documents', [
          tiered('2.3.1', 'Kế hoạch tổ chức thi hành văn bản QPPL', 'Implementation plan', 1, 0.5, 0),
          tiered('2.3.2', 'Kiểm tra, xử lý văn bản QPPL', 'Checking and handling documents', 1.5, 1, 0.5, 0),
        ]),
        survey('2.4', 'Đánh giá về chất lượng văn bản QPPL (điều tra XHH)', 'Survey: quality of legal documents', 2),
      ]),
      group('3', 'Cải cách thủ tục hành chính', 'Administrative-procedure reform', [
        group('3.1', 'Kiểm soát TTHC', 'Procedure control', [
          tiered('3.1.1', 'Kế hoạch kiểm soát TTHC', 'Procedure-control plan', 1, 0.5, 0),
          tiered('3.1.2', 'Rà soát, đơn giản hóa TTHC', 'Simplifying procedures', 2, 1, 0),
        ]),
        tiered('3.2', 'Công khai TTHC', 'Publishing procedures', 2, 1, 0),
        group('3.3', 'Thực hiện cơ chế một cửa, một cửa liên thông', 'One-stop shop', [
          tiered('3.3.1', 'Tỷ lệ hồ sơ TTHC giải quyết đúng hạn', 'Dossiers settled on time', 3, 2.5, 2, 1, 0),
          tiered('3.3.2', 'Xin lỗi người dân khi hồ sơ trễ hạn', 'Apology for late dossiers', 1, 0),
          tiered('3.3.3', 'Số hóa hồ sơ, kết quả giải quyết TTHC', 'Digitising dossiers', 2, 1.5, 1, 0),
        ]),
        tiered('3.4', 'Tiếp nhận, xử lý phản ánh, kiến nghị về TTHC', 'Handling feedback on procedures', 2, 1, 0),
        tiered(
          '3.5',
          'Đánh giá mức độ hài lòng tại Bộ phận Một cửa',
          'Satisfaction at the one-stop shop',
          2,
          1.5,
          1,
          0,
        ),
        group('3.6', 'Sự hài lòng về giải quyết TTHC (điều tra XHH)', 'Survey: settling procedures', [
          survey('3.6.1', 'Người dân đánh giá', 'Citizens', 4),
          survey('3.6.2', 'Tổ chức, doanh nghiệp đánh giá', 'Organisations and businesses', 3),
        ]),
      ]),
      group('4', 'Cải cách tổ chức bộ máy hành chính', 'Reform of the administrative apparatus', [
        tiered('4.1', 'Thực hiện quy định về tổ chức bộ máy', 'Rules on organisation', 2, 1, 0),
        tiered('4.2', 'Thực hiện quy định về quản lý, sử dụng biên chế', 'Staffing quotas', 2, 1, 0),
        tiered('4.3', 'Thực hiện phân cấp, ủy quyền quản lý nhà nước', 'Decentralisation and delegation', 1.5, 1, 0),
        tiered('4.4', 'Kiểm tra tổ chức, hoạt động của cơ quan chuyên môn', 'Inspecting divisions', 1.5, 1, 0.5, 0),
        survey('4.5', 'Đánh giá về tổ chức bộ máy (điều tra XHH)', 'Survey: organisation', 3),
      ]),
      group('5', 'Cải cách chế độ công vụ', 'Civil-service reform', [
        tiered('5.1', 'Xác định, thực hiện vị trí việc làm', 'Job positions', 2, 1, 0),
        tiered('5.2', 'Tuyển dụng, bố trí, sử dụng công chức', 'Recruitment and assignment', 2, 1, 0),
        tiered('5.3', 'Đào tạo, bồi dưỡng cán bộ, công chức', 'Training', 2, 1.5, 1, 0),
        tiered('5.4', 'Đánh giá, xếp loại cán bộ, công chức, viên chức', 'Staff appraisal', 1.5, 1, 0),
        group('5.5', 'Kỷ luật, kỷ cương hành chính', 'Administrative discipline', [
          tiered('5.5.1', 'Chấp hành kỷ luật, kỷ cương hành chính', 'Observing discipline', 1.5, 1, 0),
          tiered('5.5.2', 'Không có cán bộ, công chức bị kỷ luật', 'No disciplinary cases', 1, 0.5, 0),
        ]),
        survey('5.6', 'Đánh giá về đội ngũ cán bộ, công chức (điều tra XHH)', 'Survey: civil servants', 3),
      ]),
      group('6', 'Cải cách tài chính công', 'Public-finance reform', [
        tiered('6.1', 'Chấp hành dự toán, quyết toán ngân sách', 'Budget execution', 2, 1, 0),
        tiered('6.2', 'Giải ngân vốn đầu tư công', 'Public-investment disbursement', 3, 2, 1, 0),
        tiered('6.3', 'Cơ chế tự chủ của đơn vị sự nghiệp công lập', 'Autonomy of public service units', 2, 1, 0),
        tiered('6.4', 'Công khai ngân sách, thực hành tiết kiệm', 'Budget openness, thrift', 2, 1.5, 1, 0),
        survey('6.5', 'Đánh giá về quản lý tài chính công (điều tra XHH)', 'Survey: public finance', 3),
      ]),
      group('7', 'Xây dựng chính quyền điện tử, chính quyền số', 'E-government and digital government', [
        tiered('7.1', 'Kế hoạch chuyển đổi số', 'Digital-transformation plan', 2, 1, 0),
        group('7.2', 'Hạ tầng, nền tảng số', 'Digital infrastructure', [
          tiered('7.2.1', 'Hạ tầng kỹ thuật, mạng, máy chủ', 'Networks and servers', 1.5, 1, 0),
          tiered('7.2.2', 'Bảo đảm an toàn thông tin', 'Information security', 1.5, 1, 0),
        ]),
        group('7.3', 'Dịch vụ công trực tuyến', 'Online public services', [
          tiered(
            '7.3.1',
            'Tỷ lệ TTHC cung cấp dịch vụ công trực tuyến toàn trình',
            'Fully online procedures',
            2,
            1.5,
            1,
            0,
          ),
          tiered('7.3.2', 'Tỷ lệ hồ sơ nộp trực tuyến', 'Dossiers filed online', 2, 1.5, 1, 0.5, 0),
          tiered('7.3.3', 'Thanh toán trực tuyến phí, lệ phí', 'Online payment', 1, 0.5, 0),
        ]),
        tiered('7.4', 'Gửi, nhận văn bản điện tử, sử dụng chữ ký số', 'E-documents and digital signatures', 3, 2, 1, 0),
        tiered('7.5', 'Áp dụng hệ thống quản lý chất lượng ISO 9001', 'ISO 9001', 1.5, 1, 0),
        tiered('7.6', 'Kết nối, chia sẻ dữ liệu', 'Data sharing', 1.5, 1, 0),
        survey('7.7', 'Đánh giá về chính quyền số (điều tra XHH)', 'Survey: digital government', 6),
      ]),
    ]),
  };
}
