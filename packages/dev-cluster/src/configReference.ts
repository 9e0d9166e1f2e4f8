import fs from 'node:fs';
import ts from 'typescript';

/** One configuration key of a package, as its `config.d.ts` declares it. */
export interface ConfigKey {
  /** Dotted path; `[]` marks the items of a list. */
  key: string;
  type: string;
  required: boolean;
  description: string;
  /** The `@visibility` tag: `frontend` or `secret`; `backend` when absent. */
  visibility: string;
}

const START = '<!-- config-reference:start -->';
const END = '<!-- config-reference:end -->';

function docOf(node: ts.Node): { description: string; visibility: string } {
  let description = '';
  let visibility = 'backend';
  for (const doc of ts.getJSDocCommentsAndTags(node)) {
    if (!ts.isJSDoc(doc)) continue;
    description = (ts.getTextOfJSDocComment(doc.comment) ?? '')
      .replace(/\s+/g, ' ')
      .trim();
    for (const tag of doc.tags ?? []) {
      if (tag.tagName.text === 'visibility') {
        visibility = (ts.getTextOfJSDocComment(tag.comment) ?? '').trim();
      }
    }
  }
  return { description, visibility };
}

/** The object type whose members are keys of their own: a literal, or a list of literals. */
function nestedMembers(
  type: ts.TypeNode,
): { members: ts.NodeArray<ts.TypeElement>; list: boolean } | undefined {
  if (
    ts.isTypeLiteralNode(type) &&
    !type.members.some(member => ts.isIndexSignatureDeclaration(member))
  ) {
    return { members: type.members, list: false };
  }
  if (ts.isArrayTypeNode(type) && ts.isTypeLiteralNode(type.elementType)) {
    return { members: type.elementType.members, list: true };
  }
  if (
    ts.isTypeReferenceNode(type) &&
    type.typeName.getText() === 'Array' &&
    type.typeArguments?.length === 1 &&
    ts.isTypeLiteralNode(type.typeArguments[0])
  ) {
    return { members: type.typeArguments[0].members, list: true };
  }
  return undefined;
}

function collect(
  members: ts.NodeArray<ts.TypeElement>,
  prefix: string,
  source: ts.SourceFile,
  keys: ConfigKey[],
) {
  for (const member of members) {
    if (!ts.isPropertySignature(member) || !member.type) continue;
    const key = `${prefix}${member.name.getText(source)}`;
    const nested = nestedMembers(member.type);
    if (nested) {
      collect(
        nested.members,
        `${key}${nested.list ? '[]' : ''}.`,
        source,
        keys,
      );
      continue;
    }
    keys.push({
      key,
      type: member.type.getText(source).replace(/\s+/g, ' '),
      required: !member.questionToken,
      ...docOf(member),
    });
  }
}

/** Every leaf key that `interface Config` of a `config.d.ts` declares, in declaration order. */
export function readConfigKeys(configDtsPath: string): ConfigKey[] {
  const source = ts.createSourceFile(
    configDtsPath,
    fs.readFileSync(configDtsPath, 'utf8'),
    ts.ScriptTarget.Latest,
    true,
  );
  const keys: ConfigKey[] = [];
  for (const statement of source.statements) {
    if (
      ts.isInterfaceDeclaration(statement) &&
      statement.name.text === 'Config'
    ) {
      collect(statement.members, '', source, keys);
    }
  }
  return keys;
}

const cell = (text: string) => text.replace(/\|/g, '\\|');

/** The Markdown table of a package's configuration, between its markers. */
export function renderConfigReference(keys: ConfigKey[]): string {
  const rows = keys.map(
    key =>
      `| \`${key.key}\` | \`${cell(key.type)}\`${
        key.required ? ' (required)' : ''
      } | ${key.visibility} | ${cell(key.description)} |`,
  );
  return [
    START,
    '',
    '<!-- Generated from config.d.ts; regenerate with: KC_WRITE_CONFIG_REFERENCE=1 yarn backstage-cli repo test packages/dev-cluster/src/configReference.test.ts -->',
    '',
    '| Key | Type | Visibility | Description |',
    '| --- | ---- | ---------- | ----------- |',
    ...rows,
    '',
    END,
  ].join('\n');
}

/**
 * The README's text with its config reference section replaced by `section`,
 * or undefined when the README has no markers.
 */
export function withConfigReference(
  readme: string,
  section: string,
): string | undefined {
  const start = readme.indexOf(START);
  const end = readme.indexOf(END);
  if (start < 0 || end < start) return undefined;
  return `${readme.slice(0, start)}${section}${readme.slice(end + END.length)}`;
}
