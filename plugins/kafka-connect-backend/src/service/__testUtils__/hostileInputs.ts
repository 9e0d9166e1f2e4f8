import fc from 'fast-check';

/**
 * Hostile values, named, for every surface that takes input from people: the
 * REST API here, and the scaffolder actions' fields (self-service table) when
 * those land. Each surface maps a value into its own request and checks the
 * answer with {@link cleanRejectionProblems} or its own equivalent.
 */
export const HOSTILE_VALUES: Record<string, string> = {
  'path traversal': '../../etc/passwd',
  'encoded path traversal': '..%2F..%2Fetc%2Fpasswd',
  'double-encoded traversal': '%252e%252e%252fetc',
  'absolute path': '/etc/shadow',
  'windows traversal': '..\\..\\windows\\system32',
  'null byte': 'orders\u0000.yaml',
  'newline (header or log injection)': 'orders\r\nX-Injected: 1',
  'shell metacharacters': '$(rm -rf /); `id` | cat',
  'YAML document break': 'a\n---\nkind: Secret',
  'template expression': '${{ secrets.token }}',
  'config provider lookalike': '${file:/etc/passwd:x}',
  'prototype pollution': '__proto__',
  'constructor key': 'constructor',
  'unicode look-alike': 'оrders', // Cyrillic "о"
  'right-to-left override': 'orders\u202Egnp.exe',
  'empty string': '',
  'only spaces': '   ',
  'very long name': 'a'.repeat(5000),
  'malformed percent encoding': '%E0%A4%A',
  'entity ref without kind': 'default/orders',
  'entity ref with extra parts': 'component:default/orders/extra:x',
};

/** Any of the named values, or a random string (unicode included). */
export function hostileString(): fc.Arbitrary<string> {
  return fc.oneof(
    fc.constantFrom(...Object.values(HOSTILE_VALUES)),
    fc.string({ unit: 'binary', maxLength: 200 }),
    fc
      .array(fc.constantFrom('..', '/', '%2F', '%00', '\\', 'a', ':', '#', '?'))
      .map(parts => parts.join('')),
  );
}

/** A response as supertest and fetch both can give it. */
export interface ReceivedResponse {
  status: number;
  text: string;
}

/**
 * The bar every hostile request must clear: a 4xx (never a 5xx, never a
 * silent 2xx), a message that says what is wrong, and no stack trace or
 * source path in the body.
 */
export function cleanRejectionProblems(response: ReceivedResponse): string[] {
  const problems: string[] = [];
  if (response.status < 400 || response.status >= 500) {
    problems.push(`status ${response.status}, expected 4xx`);
  }
  let message: unknown;
  try {
    message = JSON.parse(response.text)?.error?.message;
  } catch {
    problems.push(`body is not JSON: ${response.text.slice(0, 200)}`);
  }
  if (typeof message !== 'string' || message.trim().length === 0) {
    problems.push('no error.message in the body');
  }
  if (/"stack"|\n\s+at |\.ts:\d+|\.js:\d+|node_modules/.test(response.text)) {
    problems.push(`stack trace or source path in the body`);
  }
  return problems;
}

/** No 5xx and no stack for any input; 4xx answers carry a message. */
export function neverLeaksProblems(response: ReceivedResponse): string[] {
  if (response.status < 400) {
    return [];
  }
  return cleanRejectionProblems(response);
}
