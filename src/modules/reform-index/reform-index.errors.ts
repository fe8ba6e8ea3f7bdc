import { defineErrors } from '../../errors.ts';

export const ReformIndexErrors = defineErrors({
  RI_FRAMEWORK_INVALID: {
    status: 422,
    vi: 'Bộ chỉ số không hợp lệ ({count} lỗi): {detail}.',
    en: 'The framework is not valid ({count} problems): {detail}.',
  },
  RI_GROUP_FROZEN: {
    status: 409,
    vi: 'Nhóm xếp hạng {code} đã có kỳ đánh giá; không đổi được danh sách đơn vị.',
    en: 'Peer group {code} already has an assessment cycle; its member units cannot change.',
  },
  RI_FRAMEWORK_FROZEN: {
    status: 409,
    vi: 'Bộ chỉ số {code} đã khóa (đã mở kỳ đánh giá); không sửa được.',
    en: 'Framework {code} is frozen (a cycle is open); it cannot change.',
  },
  RI_IMPORT_INVALID: {
    status: 422,
    vi: 'Tệp bộ chỉ số có {count} lỗi; không có dòng nào được nhập.',
    en: 'The framework file has {count} errors; nothing was imported.',
  },
  RI_SURVEY_IMPORT_INVALID: {
    status: 422,
    vi: 'Tệp điểm điều tra XHH có {count} lỗi; không có dòng nào được nhập.',
    en: 'The survey results file has {count} errors; nothing was imported.',
  },
  RI_FILE_UNREADABLE: { status: 400, vi: 'Không đọc được tệp xlsx.', en: 'Cannot read the xlsx file.' },
  RI_CYCLE_STATE: {
    status: 409,
    vi: 'Kỳ đánh giá đang ở trạng thái {status}; không thể {action}.',
    en: 'The cycle is {status}; cannot {action}.',
  },
  RI_ASSESSMENT_STATE: {
    status: 409,
    vi: 'Hồ sơ đánh giá đang ở trạng thái {status}; không thể {action}.',
    en: 'The assessment is {status}; cannot {action}.',
  },
  RI_DEADLINE_PASSED: {
    status: 409,
    vi: 'Đã quá hạn tự đánh giá ({deadline}).',
    en: 'The self-assessment deadline ({deadline}) has passed.',
  },
  RI_SCORE_INVALID: {
    status: 422,
    vi: 'Điểm {value} của tiêu chí {criterion} không hợp lệ ({reason}).',
    en: 'Score {value} of criterion {criterion} is not valid ({reason}).',
  },
  RI_NOT_APPLICABLE_FORBIDDEN: {
    status: 422,
    vi: 'Tiêu chí {criterion} không được đánh dấu "không áp dụng".',
    en: 'Criterion {criterion} may not be marked not applicable.',
  },
  RI_CRITERION_NOT_LEAF: {
    status: 422,
    vi: 'Tiêu chí {criterion} không phải tiêu chí chấm điểm (không tồn tại hoặc có tiêu chí con, hoặc sai phương pháp).',
    en: 'Criterion {criterion} is not a scorable criterion (unknown, has children, or wrong method).',
  },
  RI_REASON_REQUIRED: {
    status: 422,
    vi: 'Phải nêu lý do thẩm định/điều chỉnh.',
    en: 'A reason is required.',
  },
  RI_EVIDENCE_MISSING: {
    status: 422,
    vi: 'Còn {count} tiêu chí bắt buộc có tài liệu kiểm chứng nhưng chưa có: {criteria}.',
    en: '{count} criteria require evidence and have none: {criteria}.',
  },
  RI_SCORES_MISSING: {
    status: 422,
    vi: 'Còn {count} tiêu chí chưa chấm điểm: {criteria}.',
    en: '{count} criteria have no score: {criteria}.',
  },
  RI_RETURN_LIMIT: {
    status: 409,
    vi: 'Hồ sơ đã được trả lại một lần trong vòng này.',
    en: 'The assessment has already been returned once in this round.',
  },
  RI_EVIDENCE_TYPE: {
    status: 415,
    vi: 'Tài liệu kiểm chứng phải là PDF, PNG, JPEG, DOCX hoặc XLSX.',
    en: 'Evidence must be PDF, PNG, JPEG, DOCX or XLSX.',
  },
  RI_EVIDENCE_TOO_LARGE: {
    status: 413,
    vi: 'Tệp vượt quá {max} byte.',
    en: 'The file exceeds {max} bytes.',
  },
  RI_METRIC_UNKNOWN: {
    status: 404,
    vi: 'Chỉ số đo lường {key} chưa được đăng ký.',
    en: 'Metric {key} is not registered.',
  },
  RI_NOT_PUBLISHED: {
    status: 409,
    vi: 'Kỳ đánh giá chưa công bố; dùng thao tác thông thường thay vì điều chỉnh.',
    en: 'The cycle is not published; use the ordinary actions instead of a correction.',
  },
  RI_RESULTS_NOT_FOUND: {
    status: 404,
    vi: 'Chưa có kết quả công bố cho {what}.',
    en: 'No published results for {what}.',
  },
});
