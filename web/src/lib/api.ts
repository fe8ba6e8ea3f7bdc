import { translate } from '../i18n/catalogue.ts';
import { currentLang } from '../i18n/i18n.tsx';

/** An application/problem+json answer (RFC 9457) with cchc's stable `code`. */
export interface Problem {
  code: string;
  status: number;
  detail: string;
  title?: string;
  requestId?: string;
  /** VERSION_CONFLICT: the record as it is now */
  current?: unknown;
  /** IMPORT_INVALID: one entry per bad row */
  problems?: { row: number; column?: string; problem: string }[];
  [member: string]: unknown;
}

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly detail: string;
  readonly problem: Problem;
  constructor(problem: Problem) {
    super(problem.detail || problem.code);
    this.name = 'ApiError';
    this.status = problem.status;
    this.code = problem.code;
    this.detail = problem.detail;
    this.problem = problem;
  }
}

export const isApiError = (e: unknown, code?: string): e is ApiError =>
  e instanceof ApiError && (code === undefined || e.code === code);

export const API_BASE = '/api/v1';

let csrfToken: string | null = null;
/** Set from /auth/me or the login answer; sent as X-CSRF-Token on every non-GET request. */
export function setCsrfToken(token: string | null | undefined) {
  csrfToken = token ?? null;
}

type QueryValue = string | number | boolean | null | undefined;
export type Query = Record<string, QueryValue>;

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  query?: Query;
  /** JSON body */
  body?: unknown;
  /** multipart body (file upload) */
  form?: FormData;
  signal?: AbortSignal;
  /** extra request headers, e.g. a credential that must not travel in the URL */
  headers?: Record<string, string>;
}

/** `/units` + {includeClosed: true} → '/api/v1/units?includeClosed=true' (empty values dropped). */
export function apiUrl(path: string, query?: Query): string {
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries(query ?? {})) {
    if (v !== undefined && v !== null && v !== '') qs.set(k, String(v));
  }
  const s = qs.toString();
  return `${API_BASE}${path}${s ? `?${s}` : ''}`;
}

/** fetch wrapper: cookies, JSON, Accept-Language, CSRF; throws ApiError with the server's `detail`. */
export async function request<T>(path: string, opts: RequestOptions = {}): Promise<T> {
  const method = opts.method ?? 'GET';
  const headers: Record<string, string> = {
    ...opts.headers,
    Accept: 'application/json',
    'Accept-Language': currentLang(),
  };
  let body: BodyInit | undefined;
  if (opts.form) body = opts.form;
  else if (opts.body !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(opts.body);
  }
  if (method !== 'GET' && csrfToken) headers['X-CSRF-Token'] = csrfToken;
  let res: Response;
  try {
    res = await fetch(apiUrl(path, opts.query), {
      method,
      headers,
      body,
      credentials: 'same-origin',
      signal: opts.signal,
    });
  } catch (err) {
    if ((err as Error).name === 'AbortError') throw err;
    throw new ApiError({ code: 'NETWORK', status: 0, detail: translate(currentLang(), 'errors.network') });
  }
  if (res.status === 204) return undefined as T;
  const type = res.headers.get('content-type') ?? '';
  const isJson = type.includes('json');
  const data: unknown = isJson ? await res.json().catch(() => null) : null;
  if (!res.ok) {
    const p = data as Partial<Problem> | null;
    if (p && typeof p.code === 'string')
      throw new ApiError({ ...p, status: res.status, detail: p.detail ?? p.code } as Problem);
    throw new ApiError({
      code: `HTTP_${res.status}`,
      status: res.status,
      detail: translate(currentLang(), 'errors.unexpected', { status: res.status }),
    });
  }
  if (!isJson) {
    throw new ApiError({
      code: 'NOT_JSON',
      status: res.status,
      detail: translate(currentLang(), 'errors.unexpected', { status: res.status }),
    });
  }
  return data as T;
}

/** `api.get<UnitView[]>('/units', { includeClosed: true })`, `api.post('/units', body)` … */
export const api = {
  get: <T>(path: string, query?: Query, signal?: AbortSignal) => request<T>(path, { query, signal }),
  post: <T>(path: string, body?: unknown) => request<T>(path, { method: 'POST', body: body ?? {} }),
  patch: <T>(path: string, body: unknown) => request<T>(path, { method: 'PATCH', body }),
  put: <T>(path: string, body: unknown) => request<T>(path, { method: 'PUT', body }),
  delete: <T = void>(path: string) => request<T>(path, { method: 'DELETE' }),
  upload: <T>(path: string, form: FormData) => request<T>(path, { method: 'POST', form }),
};
