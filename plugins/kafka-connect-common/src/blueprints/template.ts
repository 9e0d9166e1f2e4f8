/**
 * A `{{name}}` mark, optionally with filters: `{{table | lower | noUnderscores}}`.
 * Group 1 is the name, group 2 the filter text.
 */
const PLACEHOLDER =
  /\{\{\s*([A-Za-z_][A-Za-z0-9_]*)((?:\s*\|\s*[A-Za-z]+)*)\s*\}\}/g;

/**
 * The filters a mark may apply: the two a connectors chart uses to make a
 * Kubernetes name of database names (Helm's `lower` and `replace "_" ""`).
 * @public
 */
export const TEMPLATE_FILTERS: Record<string, (value: string) => string> = {
  lower: value => value.toLocaleLowerCase('en-US'),
  noUnderscores: value => value.replaceAll('_', ''),
};

/** The filter names of a mark's filter text (`| lower | x` → `['lower', 'x']`). */
export function filtersOf(filterText: string): string[] {
  return filterText
    .split('|')
    .map(part => part.trim())
    .filter(Boolean);
}

/** Applies known filters in order; callers check the names first. */
export function applyFilters(value: string, filters: string[]): string {
  return filters.reduce(
    (text, filter) => TEMPLATE_FILTERS[filter]?.(text) ?? text,
    value,
  );
}

/** The placeholder names a template string refers to. */
export function placeholdersOf(template: string): string[] {
  return [...template.matchAll(PLACEHOLDER)].map(match => match[1]);
}

/** The filter names a template string uses that are not known filters. */
export function unknownFiltersOf(template: string): string[] {
  return [...template.matchAll(PLACEHOLDER)]
    .flatMap(match => filtersOf(match[2]))
    .filter(filter => !(filter in TEMPLATE_FILTERS));
}

/**
 * Fills `{{name}}` marks from `values`. Only plain substitution and the two
 * filters: no expressions, so a value can never run or reach anything but
 * its own place; callers serialize the result with a YAML library, never by
 * text.
 */
export function fillTemplate(
  template: string,
  values: Record<string, unknown>,
): string {
  return template.replace(
    PLACEHOLDER,
    (_mark, key: string, filterText: string) => {
      const value = values[key];
      if (value === undefined || value === null) {
        return '';
      }
      return applyFilters(String(value), filtersOf(filterText));
    },
  );
}

/** When the whole template is one placeholder without filters, its name. */
export function wholePlaceholder(template: string): string | undefined {
  const match = /^\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}$/.exec(template);
  return match?.[1];
}
