import { defineErrors } from '../../errors.ts';

export const DossierErrors = defineErrors({
  DOSSIER_ACTION_NOT_ALLOWED: {
    status: 409,
    vi: 'Không thể thực hiện "{action}" khi hồ sơ đang ở trạng thái "{status}".',
    en: 'Action "{action}" is not allowed while the dossier is "{status}".',
  },
  DOSSIER_COMPONENTS_MISSING: {
    status: 422,
    vi: 'Hồ sơ còn thiếu thành phần bắt buộc: {list}.',
    en: 'Mandatory components are missing: {list}.',
  },
  DOSSIER_COMPONENT_UNKNOWN: {
    status: 422,
    vi: 'Thủ tục không có thành phần hồ sơ "{key}".',
    en: 'The procedure has no component "{key}".',
  },
  DOSSIER_FILE_TYPE: {
    status: 415,
    vi: 'Tệp "{file}" không đúng định dạng cho phép ({allowed}).',
    en: 'File "{file}" is not of an allowed type ({allowed}).',
  },
  DOSSIER_FILE_TOO_LARGE: {
    status: 413,
    vi: 'Tệp "{file}" vượt quá dung lượng cho phép ({max} MB).',
    en: 'File "{file}" is larger than {max} MB.',
  },
  DOSSIER_NO_FEE: {
    status: 409,
    vi: 'Thủ tục của hồ sơ này không thu phí, lệ phí.',
    en: "This dossier's procedure has no fee.",
  },
  DOSSIER_FEE_ALREADY_PAID: {
    status: 409,
    vi: 'Phí, lệ phí của hồ sơ đã được ghi nhận (biên lai số {receiptNo}).',
    en: 'The fee of this dossier has already been recorded (receipt no. {receiptNo}).',
  },
  DOSSIER_FEE_UNPAID: {
    status: 409,
    vi: 'Hồ sơ còn phí, lệ phí chưa thu ({amount} đồng): ghi nhận thu phí trước khi trả kết quả.',
    en: 'The fee of this dossier ({amount} VND) has not been paid: record the payment before returning the result.',
  },
  DOSSIER_REASON_REQUIRED: { status: 422, vi: 'Cần nêu lý do.', en: 'A reason is required.' },
  DOSSIER_SUPPLEMENT_LIST_REQUIRED: {
    status: 422,
    vi: 'Phiếu yêu cầu bổ sung phải liệt kê giấy tờ cần bổ sung.',
    en: 'A supplement request must list what is missing.',
  },
  DOSSIER_NEW_DUE_DATE_INVALID: {
    status: 422,
    vi: 'Ngày hẹn trả mới phải là ngày làm việc sau ngày hẹn hiện tại ({dueDate}).',
    en: 'The new due date must be a working day after the current one ({dueDate}).',
  },
  DOSSIER_RECEIVING_UNIT_INVALID: {
    status: 422,
    vi: 'Đơn vị này không tiếp nhận hồ sơ của thủ tục.',
    en: 'This unit does not receive dossiers of the procedure.',
  },
  DOSSIER_PROCEDURE_NOT_ONLINE: {
    status: 422,
    vi: 'Thủ tục này chưa cung cấp dịch vụ công trực tuyến.',
    en: 'This procedure is not offered online.',
  },
  DOSSIER_STEP_UNIT_MISSING: {
    status: 422,
    vi: 'Không xác định được đơn vị xử lý bước "{step}".',
    en: 'Cannot find the unit that handles step "{step}".',
  },
  DOSSIER_RECEIVED_AT_INVALID: {
    status: 422,
    vi: 'Thời điểm tiếp nhận không hợp lệ (không ở tương lai, không quá 30 ngày trước).',
    en: 'Invalid receipt time (not in the future, at most 30 days ago).',
  },
  DOSSIER_ALREADY_RATED: { status: 409, vi: 'Hồ sơ đã được đánh giá.', en: 'The dossier has already been rated.' },
  DOSSIER_FORM_UNAVAILABLE: {
    status: 409,
    vi: 'Hồ sơ không có mẫu phiếu {form}.',
    en: 'The dossier has no form {form}.',
  },
  DOSSIER_LOOKUP_THROTTLED: {
    status: 429,
    vi: 'Tra cứu sai quá nhiều lần. Hãy thử lại sau {retryAfter} giây.',
    en: 'Too many failed lookups. Try again in {retryAfter} seconds.',
  },
});
