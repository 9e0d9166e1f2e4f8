import { InputError } from '@backstage/errors';
import { isMap, isScalar, parseDocument, type YAMLMap } from 'yaml';
import {
  entryName,
  invalidYamlError,
  type ValuesEntryNaming,
} from './valuesFile';

/** Keys of a values entry to change; `undefined` removes a key. @public */
export type ValuesEntryChanges = Record<string, unknown>;

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

// Scalars are changed in place so their quoting and trailing comments stay;
// nested objects (such as `config`) are merged key by key for the same reason.
function applyChanges(
  map: YAMLMap,
  changes: ValuesEntryChanges,
  createNode: (value: unknown) => unknown,
): void {
  for (const [key, value] of Object.entries(changes)) {
    if (value === undefined) {
      map.delete(key);
      continue;
    }
    const node = map.get(key, true);
    if (isScalar(node) && !isPlainObject(value) && !Array.isArray(value)) {
      node.value = value;
    } else if (isMap(node) && isPlainObject(value)) {
      applyChanges(node, value, createNode);
    } else {
      map.set(key, createNode(value));
    }
  }
}

/**
 * Changes only the given keys of the entry named `name` in the list at `path`
 * of a Helm values file and returns the new text. The entry stays where it
 * is; comments, anchors, quoting and every other entry are kept. A missing
 * list or entry is an InputError naming the entry.
 * @public
 */
export function changeValuesEntry(
  text: string,
  path: string[],
  name: string,
  changes: ValuesEntryChanges,
  options: ValuesEntryNaming = {},
): string {
  const file = options.file ?? 'values file';
  const nameField = options.nameField ?? 'name';
  const doc = parseDocument(text);
  if (doc.errors.length) {
    throw invalidYamlError(file, doc.errors);
  }
  const list = doc.getIn(path, true) as { items?: unknown[] } | undefined;
  const item = Array.isArray(list?.items)
    ? list!.items.find(candidate => entryName(candidate, options) === name)
    : undefined;
  if (!isMap(item)) {
    throw new InputError(
      `${file} has no entry named '${name}' under '${path.join(
        '.',
      )}'; check the connector name and valuesPath`,
    );
  }
  if (
    !options.nameOf &&
    nameField in changes &&
    typeof changes[nameField] !== 'string'
  ) {
    throw new InputError(`${nameField} must be a connector name`);
  }
  applyChanges(item, changes, value => doc.createNode(value));
  return doc.toString({ lineWidth: 0 });
}
