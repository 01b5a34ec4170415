/**
 * The one HTTP client of the UI. Every call goes to the same origin under /api/v1, sends the session cookie,
 * adds the CSRF token on mutating requests and turns every failure into an ApiError.
 *
 * Personal data must never reach a URL: callers put it in JSON bodies, and only ids and cursors go into paths
 * and query strings.
 */
import type { z } from 'zod';

export const API_BASE = '/api/v1';

export type FieldErrors = Record<string, string>;

/** A failed API call. `status` is 0 when the server could not be reached at all. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly fields: FieldErrors;
  /** Seconds the client should wait, from `Retry-After` (429 answers). */
  readonly retryAfterSeconds: number | null;
  /** The record's version on the server, on a 409 caused by a stale `version`. */
  readonly currentVersion: number | null;
  /** The server's request id, shown to users so support can find the log line. */
  readonly requestId: string | null;

  constructor(init: {
    status: number;
    code: string;
    message: string;
    fields?: FieldErrors;
    retryAfterSeconds?: number | null;
    currentVersion?: number | null;
    requestId?: string | null;
  }) {
    super(init.message);
    this.name = 'ApiError';
    this.status = init.status;
    this.code = init.code;
    this.fields = init.fields ?? {};
    this.retryAfterSeconds = init.retryAfterSeconds ?? null;
    this.currentVersion = init.currentVersion ?? null;
    this.requestId = init.requestId ?? null;
  }

  /** True for a 409 caused by a stale `version` (someone else saved first), not by a duplicate. */
  get isStaleVersion(): boolean {
    return this.status === 409 && this.currentVersion !== null;
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}

// The CSRF token lives in memory only: it comes back with every login and every GET /me, so a reload
// restores it without ever writing it to storage.
let csrfToken: string | null = null;

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

export type ApiEvent = { type: 'unauthorized' } | { type: 'totp_enrolment_required' };
type ApiEventListener = (event: ApiEvent) => void;
const listeners = new Set<ApiEventListener>();

/** Subscribes to session-level events (expired session, second factor required). Returns the unsubscriber. */
export function onApiEvent(listener: ApiEventListener): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

function emit(event: ApiEvent): void {
  for (const listener of listeners) listener(event);
}

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
export type QueryParams = Record<string, string | number | boolean | null | undefined>;

export interface RequestOptions<T> {
  method?: Method;
  body?: unknown;
  query?: QueryParams;
  /** Validates the JSON answer; without it the answer body is ignored. */
  schema?: z.ZodType<T>;
  /**
   * When false, a 401 is returned to the caller as an ApiError without ending the session in the UI.
   * Only the login call and the session probe on page load use this.
   */
  handleUnauthorized?: boolean;
  signal?: AbortSignal;
}

export function buildUrl(path: string, query?: QueryParams): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const qs = params.toString();
  return `${API_BASE}${path}${qs ? `?${qs}` : ''}`;
}

function parseRetryAfter(value: string | null): number | null {
  if (!value) return null;
  const seconds = Number(value);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds;
  const date = Date.parse(value);
  if (Number.isNaN(date)) return null;
  return Math.max(0, Math.round((date - Date.now()) / 1000));
}

interface ErrorBody {
  error?: {
    code?: unknown;
    message?: unknown;
    fields?: unknown;
    current_version?: unknown;
  };
  current_version?: unknown;
}

async function toApiError(response: Response): Promise<ApiError> {
  let body: ErrorBody = {};
  try {
    body = (await response.json()) as ErrorBody;
  } catch {
    // Not JSON (a proxy page, an empty body): keep the status only.
  }
  const error = body.error ?? {};
  const fields: FieldErrors = {};
  if (error.fields && typeof error.fields === 'object') {
    for (const [name, message] of Object.entries(error.fields as Record<string, unknown>)) {
      fields[name] = typeof message === 'string' ? message : String(message);
    }
  }
  const version = error.current_version ?? body.current_version;
  return new ApiError({
    status: response.status,
    code: typeof error.code === 'string' ? error.code : `http_${response.status}`,
    message: typeof error.message === 'string' ? error.message : response.statusText,
    fields,
    retryAfterSeconds: parseRetryAfter(response.headers.get('Retry-After')),
    currentVersion: typeof version === 'number' ? version : null,
    requestId: response.headers.get('X-Request-Id'),
  });
}

export async function apiRequest<T = void>(
  path: string,
  options: RequestOptions<T> = {},
): Promise<T> {
  const method = options.method ?? 'GET';
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['X-CSRF-Token'] = csrfToken;

  let response: Response;
  try {
    response = await fetch(buildUrl(path, options.query), {
      method,
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      credentials: 'same-origin',
      cache: 'no-store',
      signal: options.signal,
    });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    throw new ApiError({ status: 0, code: 'network', message: 'network error' });
  }

  if (!response.ok) {
    const error = await toApiError(response);
    if (error.status === 401 && options.handleUnauthorized !== false)
      emit({ type: 'unauthorized' });
    if (error.status === 403 && error.code === 'totp_enrolment_required') {
      emit({ type: 'totp_enrolment_required' });
    }
    throw error;
  }

  if (!options.schema || response.status === 204) return undefined as T;

  let json: unknown;
  try {
    json = await response.json();
  } catch {
    throw new ApiError({ status: response.status, code: 'invalid_response', message: 'not JSON' });
  }
  const parsed = options.schema.safeParse(json);
  if (!parsed.success) {
    // A contract mismatch between UI and server: say where, but never log the values (they may be personal).
    console.error(
      `Unexpected answer from ${method} ${path}:`,
      parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`),
    );
    throw new ApiError({ status: response.status, code: 'invalid_response', message: 'bad shape' });
  }
  return parsed.data;
}

/** What saving one record of a collection takes: no `id` for a new record, else its id and the version read. */
export interface SaveRecordArgs<Input extends object> {
  /** Absent for a new record. */
  id?: string;
  version?: number;
  input: Input;
}

/**
 * POSTs a new record to `collection`, or PATCHes the one named by `id` with the version read (stale → 409), and
 * validates the saved record the server answers with.
 */
export function saveRecord<T, Input extends object>(
  collection: string,
  schema: z.ZodType<T>,
  { id, version, input }: SaveRecordArgs<Input>,
): Promise<T> {
  return id
    ? apiRequest(`${collection}/${encodeURIComponent(id)}`, {
        method: 'PATCH',
        body: { ...input, version },
        schema,
      })
    : apiRequest(collection, { method: 'POST', body: input, schema });
}
