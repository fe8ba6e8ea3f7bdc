/**
 * Errors are codes, not HTTP. Each code is defined once with its HTTP status and its Vietnamese
 * and English text; modules add theirs with `defineErrors` in their own `*.errors.ts`.
 * Texts may use {param} placeholders filled from the error's params.
 */
export interface ErrorDef {
  status: number;
  vi: string;
  en: string;
}

const registry = new Map<string, ErrorDef>();

export function defineErrors<const T extends Record<string, ErrorDef>>(defs: T): { [K in keyof T]: K } {
  const codes = {} as { [K in keyof T]: K };
  for (const [code, def] of Object.entries(defs)) {
    const known = registry.get(code);
    if (known && (known.status !== def.status || known.vi !== def.vi))
      throw new Error(`error code ${code} defined twice`);
    registry.set(code, def);
    (codes as Record<string, string>)[code] = code;
  }
  return codes;
}

export function errorDef(code: string): ErrorDef | undefined {
  return registry.get(code);
}

export function allErrorCodes(): string[] {
  return [...registry.keys()];
}

export class AppError extends Error {
  constructor(
    public readonly code: string,
    public readonly params: Record<string, unknown> = {},
    /** machine-readable extra members for the problem document (e.g. allowed actions, bad rows) */
    public readonly extra: Record<string, unknown> = {},
  ) {
    super(code);
    this.name = 'AppError';
  }
}

export function formatMessage(template: string, params: Record<string, unknown>): string {
  return template.replace(/\{(\w+)\}/g, (m, k: string) => (k in params ? String(params[k]) : m));
}

export const CommonErrors = defineErrors({
  VALIDATION_FAILED: {
    status: 400,
    vi: 'Dữ liệu gửi lên không hợp lệ: {detail}',
    en: 'The request is not valid: {detail}',
  },
  BAD_REQUEST: { status: 400, vi: 'Yêu cầu không hợp lệ: {detail}', en: 'Bad request: {detail}' },
  UNAUTHENTICATED: { status: 401, vi: 'Bạn cần đăng nhập.', en: 'You need to sign in.' },
  FORBIDDEN: {
    status: 403,
    vi: 'Bạn không có quyền thực hiện thao tác này.',
    en: 'You are not allowed to do this.',
  },
  CSRF_TOKEN_INVALID: {
    status: 403,
    vi: 'Phiên làm việc không hợp lệ (thiếu mã chống giả mạo yêu cầu). Hãy tải lại trang.',
    en: 'Missing or wrong anti-forgery token. Reload the page.',
  },
  NOT_FOUND: { status: 404, vi: 'Không tìm thấy {what}.', en: '{what} not found.' },
  ROUTE_NOT_FOUND: { status: 404, vi: 'Không có địa chỉ này.', en: 'No such route.' },
  METHOD_NOT_ALLOWED: { status: 405, vi: 'Phương thức không được hỗ trợ.', en: 'Method not allowed.' },
  CONFLICT: { status: 409, vi: 'Xung đột dữ liệu: {detail}', en: 'Conflict: {detail}' },
  VERSION_CONFLICT: {
    status: 409,
    vi: 'Bản ghi đã được người khác sửa. Hãy tải lại và thử lại.',
    en: 'Someone else changed this record. Reload and try again.',
  },
  PAYLOAD_TOO_LARGE: { status: 413, vi: 'Dữ liệu gửi lên quá lớn.', en: 'The request body is too large.' },
  UNSUPPORTED_MEDIA_TYPE: {
    status: 415,
    vi: 'Kiểu nội dung không được hỗ trợ.',
    en: 'Unsupported content type.',
  },
  RATE_LIMITED: {
    status: 429,
    vi: 'Bạn gửi quá nhiều yêu cầu. Hãy thử lại sau {retryAfter} giây.',
    en: 'Too many requests. Try again in {retryAfter} seconds.',
  },
  INTERNAL: {
    status: 500,
    vi: 'Đã có lỗi hệ thống. Mã yêu cầu: {requestId}.',
    en: 'Internal error. Request id: {requestId}.',
  },
  // mistakes in a `cchc …` command line (status 400: the CLI exits with 2, a usage error)
  CLI_UNKNOWN_OPTION: { status: 400, vi: 'Không có tùy chọn {option}.', en: 'Unknown option {option}.' },
  CLI_OPTION_VALUE_MISSING: {
    status: 400,
    vi: 'Tùy chọn {option} cần một giá trị.',
    en: 'The option {option} needs a value.',
  },
  CLI_OPTION_TAKES_NO_VALUE: {
    status: 400,
    vi: 'Tùy chọn {option} không nhận giá trị.',
    en: 'The option {option} takes no value.',
  },
  CLI_OPTION_MISSING: { status: 400, vi: 'Thiếu tùy chọn {option}.', en: 'The option {option} is missing.' },
  CLI_UNEXPECTED_ARGUMENT: { status: 400, vi: 'Thừa đối số "{value}".', en: 'Unexpected argument "{value}".' },
});
