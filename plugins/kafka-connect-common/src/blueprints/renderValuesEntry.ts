import { fillTemplate, wholePlaceholder } from './template';

/**
 * Fills the blueprint's Helm values entry shape. A string that is exactly one
 * placeholder naming a rendered value (`{{config}}`, `{{tasksMax}}`,
 * `{{autoRestart}}`…) takes
 * that value itself, so maps and numbers keep their type; any other string is
 * filled as text.
 */
export function renderValuesEntry(
  shape: unknown,
  values: Record<string, unknown>,
  placeholders: Record<string, unknown>,
): unknown {
  if (typeof shape === 'string') {
    const whole = wholePlaceholder(shape);
    if (whole && whole in values) {
      return values[whole];
    }
    return fillTemplate(shape, placeholders);
  }
  if (Array.isArray(shape)) {
    return shape.map(item => renderValuesEntry(item, values, placeholders));
  }
  if (shape && typeof shape === 'object') {
    return Object.fromEntries(
      Object.entries(shape).map(([key, value]) => [
        key,
        renderValuesEntry(value, values, placeholders),
      ]),
    );
  }
  return shape;
}
