import { defineErrors } from '../../errors.ts';

export const AuthErrors = defineErrors({
  LOGIN_FAILED: {
    status: 401,
    vi: 'Tên đăng nhập hoặc mật khẩu không đúng.',
    en: 'Wrong username or password.',
  },
  LOGIN_THROTTLED: {
    status: 429,
    vi: 'Đăng nhập sai quá {max} lần. Hãy thử lại sau {minutes} phút.',
    en: 'Too many failed sign-ins ({max}). Try again in {minutes} minutes.',
  },
  ACCOUNT_DISABLED: { status: 403, vi: 'Tài khoản đã bị khóa.', en: 'This account is disabled.' },
  PASSWORD_TOO_SHORT: {
    status: 400,
    vi: 'Mật khẩu phải có ít nhất 8 ký tự.',
    en: 'The password must have at least 8 characters.',
  },
  PASSWORD_TOO_WEAK: {
    status: 400,
    vi: 'Mật khẩu phải có cả chữ và số.',
    en: 'The password must contain letters and digits.',
  },
  CONTACT_REQUIRED: {
    status: 400,
    vi: 'Cần nhập email hoặc số điện thoại.',
    en: 'An email address or a phone number is required.',
  },
  PHONE_INVALID: {
    status: 400,
    vi: 'Số điện thoại không hợp lệ (ví dụ 0912345678).',
    en: 'Invalid phone number (e.g. 0912345678).',
  },
  ACCOUNT_EXISTS: {
    status: 409,
    vi: 'Email hoặc số điện thoại này đã được đăng ký.',
    en: 'This email or phone number is already registered.',
  },
  TOKEN_INVALID: { status: 401, vi: 'Mã truy cập API không hợp lệ.', en: 'Invalid API token.' },
});
