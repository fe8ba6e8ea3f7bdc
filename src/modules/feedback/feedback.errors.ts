import { defineErrors } from '../../errors.ts';

export const FeedbackErrors = defineErrors({
  FEEDBACK_IDENTITY_REQUIRED: {
    status: 400,
    vi: 'Theo Nghị định 20/2008/NĐ-CP, phản ánh phải ghi rõ họ tên, địa chỉ và số điện thoại hoặc thư điện tử của người gửi ({detail}).',
    en: 'Decree 20/2008 requires the sender’s name, address and a phone number or e-mail ({detail}).',
  },
  FEEDBACK_CATEGORY_UNKNOWN: {
    status: 400,
    vi: 'Lĩnh vực phản ánh "{code}" không tồn tại.',
    en: 'Unknown feedback category "{code}".',
  },
  FEEDBACK_AREA_UNKNOWN: { status: 400, vi: 'Phường/xã "{id}" không tồn tại.', en: 'Unknown ward or commune "{id}".' },
  FEEDBACK_LOCATION_INVALID: {
    status: 400,
    vi: 'Tọa độ không hợp lệ: {detail}.',
    en: 'Invalid coordinates: {detail}.',
  },
  FEEDBACK_NOT_IMAGE: {
    status: 415,
    vi: 'Tệp "{filename}" không phải ảnh (chỉ nhận JPEG, PNG, GIF, WebP, HEIC).',
    en: 'File "{filename}" is not an image (JPEG, PNG, GIF, WebP, HEIC only).',
  },
  FEEDBACK_TOO_MANY_PHOTOS: { status: 400, vi: 'Tối đa {max} ảnh.', en: 'At most {max} photos.' },
  FEEDBACK_NO_ROUTE: {
    status: 422,
    vi: 'Chưa có quy tắc phân công cho lĩnh vực {category} tại địa bàn này.',
    en: 'No routing rule for category {category} in this area.',
  },
  FEEDBACK_INVALID_TRANSITION: {
    status: 409,
    vi: 'Không thể "{action}" khi phản ánh đang ở trạng thái "{status}".',
    en: 'Cannot "{action}" while the item is "{status}".',
  },
  FEEDBACK_REASON_REQUIRED: { status: 400, vi: 'Cần nêu lý do ({action}).', en: 'A reason is required ({action}).' },
  FEEDBACK_ANSWER_REQUIRED: { status: 400, vi: 'Cần nội dung trả lời.', en: 'The answer text is required.' },
  FEEDBACK_HEAD_MUST_ANSWER: {
    status: 403,
    vi: 'Lĩnh vực nóng: Trưởng đơn vị trực tiếp trả lời.',
    en: 'Hot category: the head of the unit answers directly.',
  },
  FEEDBACK_REOPEN_EXPIRED: {
    status: 409,
    vi: 'Đã quá {days} ngày kể từ khi trả lời; không thể mở lại.',
    en: 'More than {days} days since the answer; it can no longer be reopened.',
  },
  FEEDBACK_REOPEN_NEEDS_UNSATISFIED: {
    status: 409,
    vi: 'Chỉ mở lại khi đã đánh giá "không hài lòng".',
    en: 'Only an answer rated "not satisfied" can be reopened.',
  },
  FEEDBACK_DUPLICATE_INVALID: {
    status: 409,
    vi: 'Không thể gộp trùng: {detail}.',
    en: 'Cannot link as duplicate: {detail}.',
  },
  FEEDBACK_TRACKING_INVALID: {
    status: 404,
    vi: 'Không tìm thấy phản ánh với mã và mã tra cứu đã nhập.',
    en: 'No feedback item with this code and tracking key.',
  },
  FEEDBACK_RULE_DUPLICATE: {
    status: 409,
    vi: 'Đã có quy tắc phân công cho lĩnh vực và địa bàn này; hãy sửa quy tắc đó.',
    en: 'A routing rule for this category and area already exists; edit that rule instead.',
  },
  FEEDBACK_UNIT_CLOSED: {
    status: 409,
    vi: 'Đơn vị "{name}" đã giải thể hoặc sáp nhập; không thể phân công.',
    en: 'Unit "{name}" is closed (merged or abolished); it cannot be assigned items.',
  },
  FEEDBACK_CONTACT_RATE_LIMITED: {
    status: 429,
    vi: 'Số phản ánh gửi từ liên hệ này vượt giới hạn. Hãy thử lại sau {retryAfter} giây.',
    en: 'Too many items from this contact. Try again in {retryAfter} seconds.',
  },
});
