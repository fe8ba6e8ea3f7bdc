import { defineErrors } from '../../errors.ts';

export const OrgErrors = defineErrors({
  UNIT_CODE_TAKEN: { status: 409, vi: 'Mã đơn vị {code} đã tồn tại.', en: 'Unit code {code} already exists.' },
  UNIT_PARENT_INVALID: {
    status: 400,
    vi: 'Đơn vị cấp trên không hợp lệ: {detail}.',
    en: 'Invalid parent unit: {detail}.',
  },
  UNIT_CLOSED: { status: 409, vi: 'Đơn vị {code} đã ngừng hoạt động.', en: 'Unit {code} is closed.' },
  UNIT_HAS_OPEN_CHILDREN: {
    status: 409,
    vi: 'Đơn vị còn {count} đơn vị trực thuộc đang hoạt động; hãy chuyển hoặc đóng chúng trước.',
    en: 'The unit still has {count} active sub-units; move or close them first.',
  },
  IMPORT_INVALID: {
    status: 422,
    vi: 'Tệp nhập có {count} lỗi; không có dòng nào được nhập.',
    en: 'The file has {count} errors; nothing was imported.',
  },
  IMPORT_FILE_UNREADABLE: {
    status: 400,
    vi: 'Không đọc được tệp (cần .xlsx hoặc .csv UTF-8).',
    en: 'Cannot read the file (expected .xlsx or UTF-8 .csv).',
  },
  ROLE_NEEDS_UNIT: {
    status: 400,
    vi: 'Vai trò {role} phải gắn với một đơn vị.',
    en: 'Role {role} must be granted on a unit.',
  },
  CITIZEN_ROLE_NO_UNIT: {
    status: 400,
    vi: 'Vai trò công dân không gắn với đơn vị.',
    en: 'The citizen role is not granted on a unit.',
  },
});
