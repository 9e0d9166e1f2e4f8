/** One line for a log or a cluster's state: status code (list or watch) and message. */
export function describeError(error: unknown): string {
  const { code, statusCode } = (error ?? {}) as {
    code?: unknown;
    statusCode?: unknown;
  };
  const status = typeof code === 'number' ? code : statusCode;
  const message =
    error instanceof Error ? error.message.split('\n')[0] : String(error);
  return typeof status === 'number' ? `HTTP ${status}: ${message}` : message;
}

/** The HTTP status of a failed list (ApiException `code`) or watch (`statusCode`). */
export function statusOf(error: unknown): number | undefined {
  const { code, statusCode } = (error ?? {}) as {
    code?: unknown;
    statusCode?: unknown;
  };
  if (typeof code === 'number') {
    return code;
  }
  return typeof statusCode === 'number' ? statusCode : undefined;
}
