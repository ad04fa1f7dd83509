/**
 * A failed FIS call as the log shows it: the service's error name and reason when the
 * gateway gave them (`FisCallError`), else whatever the error says of itself.
 */
export function describeFailure(error: unknown): { code: string; reason: string } {
  const failure = (typeof error === 'object' && error !== null ? error : {}) as {
    code?: unknown;
    reason?: unknown;
    name?: unknown;
    message?: unknown;
  };
  const code =
    typeof failure.code === 'string'
      ? failure.code
      : typeof failure.name === 'string'
        ? failure.name
        : 'Error';
  const reason =
    typeof failure.reason === 'string'
      ? failure.reason
      : typeof failure.message === 'string'
        ? failure.message
        : String(error);
  return { code, reason };
}
