const PLACEHOLDER = /\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g;

/** The placeholder names a template string refers to. */
export function placeholdersOf(template: string): string[] {
  return [...template.matchAll(PLACEHOLDER)].map(match => match[1]);
}

/**
 * Fills `{{name}}` marks from `values`. Only plain substitution: no
 * expressions, so a value can never run or reach anything but its own place;
 * callers serialize the result with a YAML library, never by text.
 */
export function fillTemplate(
  template: string,
  values: Record<string, unknown>,
): string {
  return template.replace(PLACEHOLDER, (_mark, key: string) => {
    const value = values[key];
    if (value === undefined || value === null) {
      return '';
    }
    return String(value);
  });
}

/** When the whole template is one placeholder, its name. */
export function wholePlaceholder(template: string): string | undefined {
  const match = /^\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}$/.exec(template);
  return match?.[1];
}
