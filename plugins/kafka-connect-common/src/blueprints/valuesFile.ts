import { InputError } from '@backstage/errors';
import {
  type Document,
  isMap,
  isScalar,
  isSeq,
  parseDocument,
  stringify,
  type YAMLSeq,
} from 'yaml';
import type { KafkaConnectorResource } from '../strimzi';
import { appendByLines } from './appendByLines';

/** A KafkaConnector as one YAML document, ready for a GitOps repository. @public */
export function connectorManifestYaml(
  connector: KafkaConnectorResource,
): string {
  return stringify(connector, { lineWidth: 0 });
}

/**
 * The InputError for a values file that does not parse: the parser's first
 * message up to its position, without the quoted source lines that follow,
 * which would put line breaks and the file's content into the message.
 */
export function invalidYamlError(
  file: string,
  errors: ReadonlyArray<{ message: string }>,
): InputError {
  const problem = errors[0].message.split('\n')[0].replace(/:$/, '');
  return new InputError(
    `${file} is not valid YAML: ${problem}; fix the file first`,
  );
}

function parseValues(text: string, file: string): Document.Parsed {
  const doc = parseDocument(text, { keepSourceTokens: false });
  if (doc.errors.length) {
    throw invalidYamlError(file, doc.errors);
  }
  return doc;
}

function listAt(
  doc: Document.Parsed,
  path: string[],
  file: string,
): YAMLSeq | undefined {
  const node = doc.getIn(path, true);
  if (
    node === undefined ||
    node === null ||
    (isScalar(node) && node.value === null)
  ) {
    return undefined;
  }
  if (!isSeq(node)) {
    throw new InputError(
      `${file}: '${path.join(
        '.',
      )}' is not a list; point valuesPath at the list of connectors`,
    );
  }
  return node;
}

/**
 * How the list entries are told apart: by a name field (full entries), or by
 * a function of the whole entry, such as the connector name a chart renders
 * from a compact entry.
 * @public
 */
export interface ValuesEntryNaming {
  /** The field holding an entry's name (default `name`). */
  nameField?: string;
  /** The name of a whole entry; when given, `nameField` is not read. */
  nameOf?: (entry: unknown) => string | undefined;
  /** How error messages call the file, e.g. `filePath 'values.yaml'`. */
  file?: string;
}

/** The name of a list item by the given naming, or undefined. */
export function entryName(item: unknown, naming: ValuesEntryNaming): unknown {
  if (!isMap(item)) return undefined;
  return naming.nameOf
    ? naming.nameOf(item.toJSON())
    : item.get(naming.nameField ?? 'name');
}

/**
 * The index of the list entry whose `nameField` equals `name`, or -1.
 * @public
 */
export function findValuesEntry(
  text: string,
  path: string[],
  name: string,
  options: ValuesEntryNaming = {},
): number {
  const file = options.file ?? 'values file';
  const list = listAt(parseValues(text, file), path, file);
  return list
    ? list.items.findIndex(item => entryName(item, options) === name)
    : -1;
}

/** Indentation of a block list: the column of its `-` and the step inside an item. */
function blockIndent(
  text: string,
  list: YAMLSeq,
): { dash: number; step: number } {
  const first = list.items[0] as { range?: [number, number, number] };
  const start = first.range![0];
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  const prefix = text.slice(lineStart, start);
  const dash = prefix.indexOf('-');
  return { dash, step: Math.max(2, start - lineStart - dash) };
}

/**
 * Appends `entry` to the list at `path` of a Helm values file and returns the
 * new text. A block list gets the new item spliced in as text after its last
 * item, so every other byte (comments, anchors, order, odd indentation) stays
 * as it was; the new item follows the list's own indentation. A missing list
 * is created. A second entry with the same name is refused.
 * @public
 */
export function appendValuesEntry(
  text: string,
  path: string[],
  entry: Record<string, unknown>,
  options: ValuesEntryNaming = {},
): string {
  const file = options.file ?? 'values file';
  const nameField = options.nameField ?? 'name';
  // The line scan recognizes entries by a name field only.
  const fast = options.nameOf
    ? undefined
    : appendByLines(text, path, entry, nameField, file);
  if (fast !== undefined) {
    return fast;
  }
  const doc = parseValues(text, file);
  const list = listAt(doc, path, file);
  const name = options.nameOf ? options.nameOf(entry) : entry[nameField];
  if (list?.items.some(item => entryName(item, options) === name)) {
    throw new InputError(
      `${file} already has an entry ${
        options.nameOf ? 'the chart names' : 'named'
      } '${String(name)}' under '${path.join(
        '.',
      )}'; choose another name or change that entry`,
    );
  }
  if (list && !list.flow && list.items.length > 0) {
    const { dash, step } = blockIndent(text, list);
    const last = list.items[list.items.length - 1] as {
      range?: [number, number, number];
    };
    const valueEnd = last.range![1];
    const lineEnd = text.indexOf('\n', valueEnd - 1);
    const insertAt = lineEnd === -1 ? text.length : lineEnd + 1;
    // The item's first line takes the list's own `-` column and gap; the
    // rest of it sits at the item's content column.
    const rendered = stringify(entry, { indent: step, lineWidth: 0 })
      .split('\n')
      .filter(line => line !== '')
      .map((line, index) =>
        index === 0
          ? `${' '.repeat(dash)}-${' '.repeat(step - 1)}${line}`
          : `${' '.repeat(dash + step)}${line}`,
      )
      .join('\n');
    const before = text.slice(0, insertAt);
    return `${before}${
      before.endsWith('\n') ? '' : '\n'
    }${rendered}\n${text.slice(insertAt)}`;
  }
  if (list) {
    if (list.items.length === 0) {
      // `connectors: []` is a placeholder, not a style choice: grow a block list
      list.flow = false;
    }
    list.add(doc.createNode(entry));
  } else if (
    doc.contents === null ||
    (isScalar(doc.contents) && doc.contents.value === null)
  ) {
    doc.contents = doc.createNode({}) as never;
    doc.setIn(path, doc.createNode([entry]));
  } else {
    if (!isMap(doc.contents)) {
      throw new InputError(
        `${file} is not a map of values; fix the file first`,
      );
    }
    doc.setIn(path, doc.createNode([entry]));
  }
  return doc.toString({ lineWidth: 0 });
}
