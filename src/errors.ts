/**
 * One coded error for the whole product. Domain code returns or throws AppError with a code; the
 * adapters map the code to an HTTP status and a CLI exit code through the one table below.
 * Messages are in Chinese and name the field or clause.
 */
export const ERROR_CODES = {
  invalid_json: { status: 400, exit: 2 },
  missing_field: { status: 400, exit: 2 },
  invalid_field: { status: 400, exit: 2 },
  invalid_uscc: { status: 400, exit: 2 },
  unknown_county: { status: 400, exit: 2 },
  invalid_date: { status: 400, exit: 2 },
  duplicate_claim_id: { status: 400, exit: 2 },
  payload_too_large: { status: 413, exit: 2 },
  unsupported_file_type: { status: 415, exit: 2 },
  weak_password: { status: 400, exit: 2 },
  unauthenticated: { status: 401, exit: 1 },
  invalid_credentials: { status: 401, exit: 1 },
  account_locked: { status: 423, exit: 1 },
  csrf_failed: { status: 403, exit: 1 },
  password_expired: { status: 403, exit: 1 },
  forbidden: { status: 403, exit: 1 },
  not_found: { status: 404, exit: 1 },
  conflict: { status: 409, exit: 1 },
  invalid_state: { status: 409, exit: 1 },
  stale_version: { status: 409, exit: 1 },
  engine_refuses: { status: 409, exit: 1 },
  organization_excluded: { status: 409, exit: 1 },
  related_official: { status: 403, exit: 1 },
  rate_limited: { status: 429, exit: 1 },
  internal: { status: 500, exit: 1 },
} as const satisfies Record<string, { status: number; exit: number }>;

export type ErrorCode = keyof typeof ERROR_CODES;

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly field: string | null = null,
    /** Set on refusals of access, which the adapters write to the audit log. */
    readonly denial?: { action: string; targetType: string | null; targetId: string | null },
    /** Facts a client acts on (the current version of a record that changed meanwhile). */
    readonly details?: Readonly<Record<string, string | number>>,
  ) {
    super(message);
    this.name = "AppError";
  }

  get status(): number {
    return ERROR_CODES[this.code].status;
  }

  get exitCode(): number {
    return ERROR_CODES[this.code].exit;
  }

  toJSON(): {
    error: {
      code: ErrorCode;
      message: string;
      field: string | null;
      details?: Readonly<Record<string, string | number>>;
    };
  } {
    return {
      error: {
        code: this.code,
        message: this.message,
        field: this.field,
        ...(this.details ? { details: this.details } : {}),
      },
    };
  }
}
