/**
 * The line of a Java stack trace (or an operator message that holds one) that
 * says what went wrong at the bottom: the last `Caused by:`, else the first
 * non-empty line. The first line of a Connect trace is usually a wrapper such
 * as "org.apache.kafka.connect.errors.ConnectException: ...".
 * @public
 */
export function rootCause(trace: string | undefined): string {
  const lines = (typeof trace === 'string' ? trace : '')
    .split('\n')
    .map(line => line.trim())
    .filter(line => line.length > 0);
  const causes = lines.filter(line => line.startsWith('Caused by:'));
  if (causes.length > 0) {
    return causes[causes.length - 1].slice('Caused by:'.length).trim();
  }
  return lines[0] ?? '';
}
