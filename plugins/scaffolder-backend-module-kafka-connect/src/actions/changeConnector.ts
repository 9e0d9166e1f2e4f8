import fs from 'node:fs/promises';
import path from 'node:path';
import {
  type ActionContext,
  createTemplateAction,
} from '@backstage/plugin-scaffolder-node';
import type {
  AuditorService,
  BackstageCredentials,
} from '@backstage/backend-plugin-api';
import {
  changeValuesEntry,
  connectorManifestYaml,
  findValuesEntry,
  isCompact,
  type KafkaConnectorResource,
  planConnectorEdit,
  toInputError,
  valuesEntryNamer,
} from '@kcs/plugin-kafka-connect-common';
import { parseAllDocuments } from 'yaml';
import { z } from 'zod';
import type { BlueprintRegistry } from '../services/BlueprintRegistry';
import type { ConnectorApplier } from '../services/ConnectorApplier';
import type { SelfServiceGuard } from '../services/SelfServiceGuard';
import type { ConnectorValidator } from '../services/ConnectorValidator';
import {
  audited,
  connectorTargetMeta,
  type AuditNote,
} from '../services/audit';
import type { SelfServiceTarget } from '../config';
import { checkSelfServiceTarget } from '../targets';
import { applyChange } from './changeApply';
import { keepIdentity } from './identity';
import { changeExamples } from './changeConnector.examples';
import {
  changedInputField,
  validateBeforeWriting,
} from './validateBeforeWriting';
import {
  filePathSchema,
  fromZod,
  readIfExists,
  valuesPathSchema,
  workspaceFile,
} from './workspace';

/** Id of the action. */
export const CHANGE_CONNECTOR_ACTION_ID = 'kafka-connect:connector:change';

const stateSchema = z.enum(['running', 'paused', 'stopped']);

const inputSchema = z.object({
  blueprint: z.string().describe('Id of the blueprint the connector came from'),
  parameters: z
    .record(z.unknown())
    .describe("The connector's current blueprint parameters"),
  cluster: z.string(),
  namespace: z.string(),
  connectCluster: z.string(),
  owner: z.string(),
  system: z.string().optional(),
  tasksMax: z.number().optional().describe('Current tasksMax'),
  state: stateSchema.optional().describe('Current state'),
  change: z
    .object({
      tasksMax: z.number().optional(),
      state: stateSchema.optional(),
      version: z.string().optional().describe('New version: renames it'),
      parameters: z.record(z.unknown()).optional(),
    })
    .describe('What to change; absent fields stay as they are'),
  output: z
    .enum(['manifest', 'helm-values', 'apply'])
    .default('helm-values')
    .describe('Helm values entry, manifest file, or apply to the cluster'),
  filePath: filePathSchema.optional(),
  valuesPath: valuesPathSchema.optional(),
});

type ChangeInput = z.infer<typeof inputSchema>;

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type OpaqueSchema = (zImpl: any) => any;

/**
 * The input field an error of the edit plan comes from. The plan checks the
 * changed request as a whole (`tasksMax`, `parameters.version`, ...) once the
 * current one has passed, so those errors belong to `change`; errors of the
 * current request already say `current.`.
 */
export function changeField(
  field: string,
  change: { version?: string },
): string {
  if (field === 'tasksMax' || field === 'state') {
    return `change.${field}`;
  }
  if (
    field === 'version' ||
    (field === 'parameters.version' && change.version !== undefined)
  ) {
    return 'change.version';
  }
  if (field === 'parameters' || field.startsWith('parameters.')) {
    return `change.${field}`;
  }
  return field;
}

/** The file's KafkaConnector when it is exactly this connector's manifest. */
function manifestOf(
  text: string,
  name: string,
  namespace: string,
): KafkaConnectorResource | undefined {
  const docs = parseAllDocuments(text);
  if (!Array.isArray(docs) || docs.length !== 1 || docs[0].errors.length) {
    return undefined;
  }
  const manifest = docs[0].toJS() as KafkaConnectorResource | null;
  return manifest?.kind === 'KafkaConnector' &&
    manifest.metadata?.name === name &&
    (manifest.metadata.namespace ?? namespace) === namespace
    ? manifest
    : undefined;
}

/**
 * Changes an existing connector for a pull request: edits its Helm values
 * entry in place (only the changed keys) or rewrites its manifest file; a
 * version roll renames the entry, or writes the new manifest and removes the
 * old one. Or applies the change to the cluster: tasksMax alone through the
 * scale subresource, other changes by server-side apply, a version roll by
 * creating the new resource and then deleting the old one. A missing entry,
 * manifest or resource is an InputError.
 */
export function changeConnectorAction(options: {
  blueprints: BlueprintRegistry;
  applier: ConnectorApplier;
  guard: SelfServiceGuard;
  auditor: AuditorService;
  targets?: SelfServiceTarget[];
  /** Kafka Connect's own check of the changed config, where kafkaConnect.validation covers it. */
  validator?: ConnectorValidator;
}) {
  const { applier } = options;
  const action = createTemplateAction({
    id: CHANGE_CONNECTOR_ACTION_ID,
    description:
      "Changes an existing KafkaConnector's tasksMax, state, version or parameters in a Helm values file or manifest in the workspace.",
    examples: changeExamples,
    supportsDryRun: true,
    schema: {
      input: (() => inputSchema) as unknown as OpaqueSchema,
    },
    async handler(ctx) {
      const parsed = inputSchema.safeParse(ctx.input as unknown);
      if (!parsed.success) {
        throw fromZod(parsed.error);
      }
      const input = parsed.data;
      const credentials = await ctx.getInitiatorCredentials();
      await audited(
        options.auditor,
        {
          eventId: 'connector-change',
          credentials,
          meta: {
            ...connectorTargetMeta(input, ctx.isDryRun),
            changes: Object.keys(input.change).filter(
              field =>
                input.change[field as keyof typeof input.change] !== undefined,
            ),
          },
        },
        note => change(ctx, input, credentials, note),
      );
    },
  });

  async function change(
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    ctx: ActionContext<any, any, any>,
    input: ChangeInput,
    credentials: BackstageCredentials,
    note: AuditNote,
  ) {
    const blueprint = options.blueprints.get(input.blueprint);
    const edit = planConnectorEdit(
      blueprint,
      {
        blueprintId: input.blueprint,
        parameters: input.parameters,
        cluster: input.cluster,
        namespace: input.namespace,
        connectCluster: input.connectCluster,
        owner: input.owner,
        system: input.system || undefined,
        tasksMax: input.tasksMax,
        state: input.state,
      },
      input.change,
    );
    if (edit.errors) {
      throw toInputError(
        edit.errors.map(error => ({
          ...error,
          field: changeField(error.field, input.change),
        })),
      );
    }
    const { previousName } = edit;
    note({ connector: previousName, newName: edit.plan.name });
    // A new state alone changes no config: only config changes go to Connect.
    const { parameters: changedParameters, version, tasksMax } = input.change;
    if (changedParameters || version !== undefined || tasksMax !== undefined) {
      await validateBeforeWriting(
        options.validator,
        credentials,
        {
          blueprint: input.blueprint,
          parameters: {
            ...input.parameters,
            ...changedParameters,
            ...(version !== undefined ? { version } : {}),
          },
          cluster: input.cluster,
          namespace: input.namespace,
          connectCluster: input.connectCluster,
          owner: input.owner,
          tasksMax: tasksMax ?? input.tasksMax,
        },
        field => changedInputField(field, input.change),
      );
    }
    let { plan } = edit;
    let changed = true;
    // a rename comes from a new version or from a parameter in the name
    const renameField =
      input.change.version !== undefined
        ? 'change.version'
        : 'change.parameters';
    let filePath: string | undefined;
    if (input.output === 'apply') {
      const refused = checkSelfServiceTarget(options.targets, input);
      if (refused.length) throw toInputError(refused);
      ({ plan, changed } = await applyChange({
        ctx,
        applier,
        guard: options.guard,
        credentials,
        edit,
        change: input.change,
        owner: input.owner,
        renameField,
      }));
    } else if (input.output === 'helm-values') {
      filePath = input.filePath || 'values.yaml';
      const target = workspaceFile(ctx.workspacePath, filePath);
      const text = await readIfExists(target, filePath);
      if (text === undefined) {
        throw toInputError([
          {
            field: 'filePath',
            message: `'${filePath}' does not exist in the workspace; point filePath at the values file holding the connector`,
          },
        ]);
      }
      const valuesPath = input.valuesPath ?? blueprint!.helmValues.path;
      // a compact entry is found by the name the chart renders from it
      const naming = {
        file: `filePath '${filePath}'`,
        nameOf: isCompact(blueprint!)
          ? valuesEntryNamer(blueprint!)
          : undefined,
      };
      const { file } = naming;
      if (findValuesEntry(text, valuesPath, previousName, naming) < 0) {
        throw toInputError([
          {
            field: 'name',
            message: `${file} has no entry named '${previousName}' under '${valuesPath.join(
              '.',
            )}'; check the current parameters (the name comes from them), filePath and valuesPath`,
          },
        ]);
      }
      if (
        edit.renamed &&
        findValuesEntry(text, valuesPath, plan.name, naming) >= 0
      ) {
        throw toInputError([
          {
            field: renameField,
            message: `${file} already has an entry named '${
              plan.name
            }' under '${valuesPath.join('.')}'; choose another version`,
          },
        ]);
      }
      const updated = changeValuesEntry(
        text,
        valuesPath,
        previousName,
        edit.valuesChanges,
        naming,
      );
      if (!ctx.isDryRun) await fs.writeFile(target, updated, 'utf8');
    } else {
      const dir = `kafka-connectors/${plan.namespace}`;
      const oldPath = input.filePath || `${dir}/${previousName}.yaml`;
      const oldTarget = workspaceFile(ctx.workspacePath, oldPath);
      const oldText = await readIfExists(oldTarget, oldPath);
      if (oldText === undefined) {
        throw toInputError([
          {
            field: 'filePath',
            message: `'${oldPath}' does not exist in the workspace; point filePath at the connector's manifest, or check namespace and the current parameters (the name comes from them)`,
          },
        ]);
      }
      // Rewriting any other file (a values file, another connector) would lose it.
      const existing = manifestOf(oldText, previousName, plan.namespace);
      if (!existing) {
        throw toInputError([
          {
            field: 'filePath',
            message: `'${oldPath}' is not the manifest of KafkaConnector '${previousName}' in namespace '${plan.namespace}'; point filePath at the connector's manifest`,
          },
        ]);
      }
      plan = { ...plan, connector: keepIdentity(plan.connector, existing) };
      filePath = edit.renamed
        ? path.posix.join(path.posix.dirname(oldPath), `${plan.name}.yaml`)
        : oldPath;
      const target = workspaceFile(ctx.workspacePath, filePath);
      if (
        edit.renamed &&
        (await readIfExists(target, filePath)) !== undefined
      ) {
        throw toInputError([
          {
            field: renameField,
            message: `'${filePath}' already exists in the workspace; choose another version`,
          },
        ]);
      }
      if (!ctx.isDryRun) {
        await fs.writeFile(
          target,
          connectorManifestYaml(plan.connector),
          'utf8',
        );
        if (edit.renamed) await fs.rm(oldTarget);
      }
    }
    let outcome = 'Changed';
    if (!changed) outcome = 'Already done:';
    else if (ctx.isDryRun) outcome = 'Dry run: would change';
    ctx.logger.info(
      `${outcome} KafkaConnector ${plan.cluster}/${
        plan.namespace
      }/${previousName}${edit.renamed ? ` to ${plan.name}` : ''} (${
        input.output
      })`,
    );
    note({ changed });
    const output = ctx.output as (name: string, value: unknown) => void;
    output('name', plan.name);
    output('previousName', previousName);
    if (filePath) output('filePath', filePath);
    output('entityRef', plan.entityRef);
    output('changed', changed);
  }
  return action;
}
