import { applyFilters, filtersOf, TEMPLATE_FILTERS } from './template';
import type { ConnectorBlueprint, FieldError } from './types';

/**
 * A mark of a chart naming rule: a dotted path into the values entry and
 * optional filters, e.g. `{{source.database | lower | noUnderscores}}`.
 */
const ENTRY_MARK =
  /\{\{\s*([A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)*)((?:\s*\|\s*[A-Za-z]+)*)\s*\}\}/g;

interface EntryMark {
  path: string[];
  filters: string[];
}

function marksOf(rule: string): EntryMark[] {
  return [...rule.matchAll(ENTRY_MARK)].map(match => ({
    path: match[1].split('.'),
    filters: filtersOf(match[2]),
  }));
}

function valueAt(entry: unknown, path: string[]): unknown {
  let value = entry;
  for (const key of path) {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      return undefined;
    }
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}

/** Whether the blueprint's values entry is compact (a chart renders it). @public */
export function isCompact(blueprint: ConnectorBlueprint): boolean {
  return blueprint.helmValues.style === 'compact';
}

/**
 * The connector name a chart renders from a values entry by the naming rule
 * `rule`, or undefined when the entry lacks a field the rule needs (then it
 * is another kind of entry, not a clash). Numbers and booleans count as their
 * text, as Helm prints them.
 * @public
 */
export function entryConnectorName(
  rule: string,
  entry: unknown,
): string | undefined {
  let missing = false;
  const name = rule.replace(
    ENTRY_MARK,
    (_mark, dotted: string, filterText: string) => {
      const value = valueAt(entry, dotted.split('.'));
      if (
        typeof value !== 'string' &&
        typeof value !== 'number' &&
        typeof value !== 'boolean'
      ) {
        missing = true;
        return '';
      }
      return applyFilters(String(value), filtersOf(filterText));
    },
  );
  return missing ? undefined : name;
}

/**
 * How to tell the connector of a values entry: the chart's naming rule for a
 * compact entry, the `name` field for a full one.
 * @public
 */
export function valuesEntryNamer(
  blueprint: ConnectorBlueprint,
): (entry: unknown) => string | undefined {
  const rule = blueprint.helmValues.name;
  if (isCompact(blueprint) && rule) {
    return entry => entryConnectorName(rule, entry);
  }
  return entry => {
    const name = valueAt(entry, ['name']);
    return typeof name === 'string' ? name : undefined;
  };
}

function shapePaths(shape: unknown, prefix: string[] = []): string[] {
  if (typeof shape !== 'object' || shape === null || Array.isArray(shape)) {
    return [prefix.join('.')];
  }
  return Object.entries(shape).flatMap(([key, value]) =>
    shapePaths(value, [...prefix, key]),
  );
}

/**
 * Checks a blueprint's compact values settings: a compact entry needs the
 * chart's naming rule, whose marks must name fields of the entry and known
 * filters; a full entry must not carry one (it would be ignored).
 */
export function checkCompactSettings(
  blueprint: ConnectorBlueprint,
): Array<{ field: string; message: string }> {
  const { style, name } = blueprint.helmValues;
  if (style !== 'compact') {
    return name === undefined
      ? []
      : [
          {
            field: 'helmValues.name',
            message:
              "is only read for compact entries; add 'style: compact' or remove it",
          },
        ];
  }
  if (!name) {
    return [
      {
        field: 'helmValues.name',
        message:
          "is required for compact entries: the chart's naming rule, e.g. '{{source.instance | lower}}mysql-{{version}}'",
      },
    ];
  }
  const fields = new Set(shapePaths(blueprint.helmValues.entry));
  const problems: FieldError[] = [];
  const marks = marksOf(name);
  if (marks.length === 0) {
    problems.push({
      field: 'helmValues.name',
      message:
        'has no {{field}} mark; name the entry fields the chart builds the connector name from',
    });
  }
  for (const mark of marks) {
    const dotted = mark.path.join('.');
    if (!fields.has(dotted)) {
      problems.push({
        field: 'helmValues.name',
        message: `refers to '${dotted}', which is not a field of helmValues.entry; use one of ${[
          ...fields,
        ].join(', ')}`,
      });
    }
    for (const filter of mark.filters) {
      if (!(filter in TEMPLATE_FILTERS)) {
        problems.push({
          field: 'helmValues.name',
          message: `uses unknown filter '${filter}'; use ${Object.keys(
            TEMPLATE_FILTERS,
          ).join(' or ')}`,
        });
      }
    }
  }
  return problems;
}

/**
 * A compact entry leaves out what the chart defaults: `tasksMax` and `state`
 * equal to the blueprint's defaults (the chart's named template must default
 * to the same), so the entry holds only what differs.
 */
export function dropChartDefaults(
  blueprint: ConnectorBlueprint,
  entry: Record<string, unknown>,
): Record<string, unknown> {
  if (!isCompact(blueprint)) {
    return entry;
  }
  const result = { ...entry };
  const shape = blueprint.helmValues.entry;
  for (const key of ['tasksMax', 'state'] as const) {
    if (
      typeof shape[key] === 'string' &&
      /^\{\{\s*(tasksMax|state)\s*\}\}$/.test(shape[key] as string) &&
      result[key] === blueprint.defaults[key]
    ) {
      delete result[key];
    }
  }
  return result;
}
