import fs from 'node:fs/promises';
import path from 'node:path';
import type {
  AuditorService,
  BackstageCredentials,
} from '@backstage/backend-plugin-api';
import { InputError } from '@backstage/errors';
import {
  type ActionContext,
  createTemplateAction,
} from '@backstage/plugin-scaffolder-node';
import {
  appendValuesEntry,
  connectorManifestYaml,
  type ConnectorRequest,
  type FieldError,
  isCompact,
  planConnector,
  STRIMZI_API_VERSIONS,
  toInputError,
  valuesEntryNamer,
} from '@kcs/plugin-kafka-connect-common';
import { isDeepStrictEqual } from 'node:util';
import { parse } from 'yaml';
import { z } from 'zod';
import type { BlueprintRegistry } from '../services/BlueprintRegistry';
import {
  checkConnectCluster,
  type ConnectClusterDirectory,
} from '../services/ConnectClusterDirectory';
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
import { applyCreate } from './createApply';
import { examples } from './createConnector.examples';
import { validateBeforeWriting } from './validateBeforeWriting';
import {
  filePathSchema,
  fromZod,
  readIfExists,
  valuesPathSchema,
  workspaceFile,
} from './workspace';

/** Id of the action. */
export const CREATE_CONNECTOR_ACTION_ID = 'kafka-connect:connector:create';

const inputSchema = z.object({
  blueprint: z
    .string()
    .describe('Id of the connector blueprint, e.g. debezium-mysql-source'),
  parameters: z
    .record(z.unknown())
    .default({})
    .describe("The blueprint's parameters, checked against its JSON schema"),
  cluster: z
    .string()
    .describe('Kubernetes cluster name as configured for the suite'),
  namespace: z.string().describe('Namespace of the KafkaConnector'),
  connectCluster: z
    .string()
    .describe('Name of the KafkaConnect resource (strimzi.io/cluster)'),
  owner: z.string().describe('Entity ref of the owning group or user'),
  system: z.string().optional().describe('Entity ref of the System'),
  tasksMax: z
    // a form's empty optional field arrives as '' or null
    .preprocess(
      value => (value === '' || value === null ? undefined : value),
      z.number().optional(),
    )
    .describe('1..1000; default from the blueprint'),
  state: z.enum(['running', 'paused', 'stopped']).optional(),
  autoRestart: z
    .object({
      enabled: z.boolean().optional(),
      maxRestarts: z.number().optional(),
    })
    .optional()
    .describe(
      "Strimzi's automatic restart of failed connectors and tasks; enabled by default, maxRestarts unlimited when absent",
    ),
  kubernetesId: z
    .string()
    .optional()
    .describe(
      'Value of the backstage.io/kubernetes-id label; default the connector name',
    ),
  configOverrides: z
    .record(z.string())
    .optional()
    .describe(
      'Extra config keys; credentials only as ${provider:...} references',
    ),
  apiVersion: z
    .enum(STRIMZI_API_VERSIONS)
    .optional()
    .describe("Strimzi API version; default the cluster's, else v1"),
  output: z
    .enum(['manifest', 'helm-values', 'apply'])
    .default('manifest')
    .describe('manifest file, Helm values entry, or server-side apply'),
  filePath: filePathSchema
    .optional()
    .describe('Workspace path of the manifest or values file'),
  valuesPath: valuesPathSchema
    .optional()
    .describe(
      "Key path of the list in the values file; default the blueprint's",
    ),
  valuesStyle: z
    .enum(['full', 'compact'])
    .optional()
    .describe(
      'helm-values: the entry style the values file takes; refused when the blueprint writes the other',
    ),
  overwrite: z
    .boolean()
    .default(false)
    .describe('apply: take over an existing connector of the same name'),
  checkCluster: z
    .boolean()
    .default(true)
    .describe('Check the Connect cluster through the kafka-connect backend'),
});

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type OpaqueSchema = (zImpl: any) => any;

type CreateConnectorInput = z.infer<typeof inputSchema>;

/**
 * Creates a KafkaConnector from a blueprint: as a manifest file or a Helm
 * values entry in the workspace (for a pull request), or applied to a
 * cluster. Everything is validated before anything is written.
 */
export function createConnectorAction(options: {
  blueprints: BlueprintRegistry;
  directory: ConnectClusterDirectory;
  applier: ConnectorApplier;
  guard: SelfServiceGuard;
  auditor: AuditorService;
  targets?: SelfServiceTarget[];
  /** Kafka Connect's own check of the config, where kafkaConnect.validation covers the target. */
  validator?: ConnectorValidator;
}) {
  const { blueprints, directory, applier } = options;
  const action = createTemplateAction({
    id: CREATE_CONNECTOR_ACTION_ID,
    description:
      'Renders a KafkaConnector from a blueprint and writes it as a manifest, appends it to a Helm values file, or applies it to a cluster.',
    examples,
    supportsDryRun: true,
    schema: {
      // The scaffolder brings its own zod; handing it ours through an opaque
      // callback keeps the compiler from comparing the two copies' types
      // (which exhausts its memory). The handler parses with ours anyway.
      input: (() => inputSchema) as unknown as OpaqueSchema,
      output: (() =>
        z.object({
          name: z.string().describe('Connector name'),
          namespace: z.string(),
          cluster: z.string(),
          manifest: z.string().describe('The KafkaConnector as YAML'),
          filePath: z.string().optional().describe('Workspace path written'),
          entityRef: z.string().describe("The connector's catalog entity ref"),
          changed: z
            .boolean()
            .describe('False when the run found it already done'),
        })) as unknown as OpaqueSchema,
    },
    async handler(ctx) {
      const parsed = inputSchema.safeParse(ctx.input as unknown);
      if (!parsed.success) {
        throw fromZod(parsed.error);
      }
      const input: CreateConnectorInput = parsed.data;
      const credentials = await ctx.getInitiatorCredentials();
      await audited(
        options.auditor,
        {
          eventId: 'connector-create',
          credentials,
          meta: connectorTargetMeta(input, ctx.isDryRun),
        },
        note => create(ctx, input, credentials, note),
      );
    },
  });

  async function create(
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    ctx: ActionContext<any, any, any>,
    input: CreateConnectorInput,
    credentials: BackstageCredentials,
    note: AuditNote,
  ) {
    // Template forms send '' (or null) for optional fields left empty.
    if (input.filePath === '') input.filePath = undefined;
    if (input.system === '') input.system = undefined;
    input.parameters = Object.fromEntries(
      Object.entries(input.parameters).filter(
        ([, value]) => value !== '' && value !== null && value !== undefined,
      ),
    );
    const blueprint = blueprints.get(input.blueprint);
    const request: ConnectorRequest = {
      blueprintId: input.blueprint,
      parameters: input.parameters,
      cluster: input.cluster,
      namespace: input.namespace,
      connectCluster: input.connectCluster,
      owner: input.owner,
      system: input.system,
      template: ctx.templateInfo?.entityRef,
      tasksMax: input.tasksMax,
      state: input.state,
      autoRestart: input.autoRestart,
      kubernetesId: input.kubernetesId,
      configOverrides: input.configOverrides,
      apiVersion: input.apiVersion,
    };
    let plan = planConnector(blueprint, request);
    if (plan.errors) {
      throw toInputError(plan.errors);
    }
    note({ connector: plan.name });
    const style = isCompact(blueprint!) ? 'compact' : 'full';
    if (
      input.output === 'helm-values' &&
      input.valuesStyle &&
      input.valuesStyle !== style
    ) {
      throw toInputError([
        {
          field: 'valuesStyle',
          message: `blueprint '${input.blueprint}' writes ${style} values entries, not ${input.valuesStyle}; for a connectors chart, add the chart's compact blueprints to kafkaConnect.scaffolder.blueprintLocations`,
        },
      ]);
    }
    const refused = checkSelfServiceTarget(options.targets, input);
    if (refused.length) throw toInputError(refused);
    if (input.output === 'apply') {
      await options.guard.mayCreate(credentials, {
        cluster: input.cluster,
        namespace: input.namespace,
        owner: input.owner,
      });
    }
    if (input.checkCluster || input.output === 'apply') {
      const check = checkConnectCluster(
        await directory.listClusters(),
        input,
        blueprint!,
      );
      if (check.errors.length) {
        throw toInputError(check.errors);
      }
      if (!input.apiVersion && check.strimziApiVersion) {
        plan = planConnector(blueprint, {
          ...request,
          apiVersion: check.strimziApiVersion,
        });
        if (plan.errors) throw toInputError(plan.errors);
      }
    }
    if (
      await validateBeforeWriting(options.validator, credentials, {
        blueprint: input.blueprint,
        parameters: input.parameters,
        cluster: input.cluster,
        namespace: input.namespace,
        connectCluster: input.connectCluster,
        owner: input.owner,
        tasksMax: input.tasksMax,
        configOverrides: input.configOverrides,
      })
    ) {
      ctx.logger.info(
        `Kafka Connect ${input.namespace}/${input.connectCluster} accepts the config of ${plan.name}`,
      );
    }
    const manifest = connectorManifestYaml(plan.connector);
    let changed = true;
    let filePath: string | undefined;
    const errors: FieldError[] = [];

    if (input.output === 'manifest') {
      filePath =
        input.filePath ??
        `kafka-connectors/${plan.namespace}/${plan.name}.yaml`;
      const target = workspaceFile(ctx.workspacePath, filePath);
      const existing = await readIfExists(target, filePath);
      if (existing !== undefined) {
        if (existing !== manifest) {
          errors.push({
            field: 'filePath',
            message: `'${filePath}' already exists with other content; choose another path or remove it`,
          });
        }
        changed = false;
      }
      if (errors.length) throw toInputError(errors);
      if (changed && !ctx.isDryRun) {
        await fs.mkdir(path.dirname(target), { recursive: true });
        await fs.writeFile(target, manifest, 'utf8');
      }
    } else if (input.output === 'helm-values') {
      filePath = input.filePath ?? 'values.yaml';
      const target = workspaceFile(ctx.workspacePath, filePath);
      const valuesPath = input.valuesPath ?? blueprint!.helmValues.path;
      const text = (await readIfExists(target, filePath)) ?? '';
      let updated: string | undefined;
      try {
        updated = appendValuesEntry(text, valuesPath, plan.valuesEntry, {
          file: `filePath '${filePath}'`,
          // a compact entry has no name: it is the one the chart renders
          nameOf: isCompact(blueprint!)
            ? valuesEntryNamer(blueprint!)
            : undefined,
        });
      } catch (error) {
        // A retry finds its own entry: same name and same content is done.
        if (!(error instanceof InputError)) throw error;
        let list: unknown;
        try {
          list = parse(text, { merge: true });
        } catch {
          throw error;
        }
        for (const key of valuesPath) list = (list as any)?.[key];
        const same =
          Array.isArray(list) &&
          list.some(item => isDeepStrictEqual(item, plan.valuesEntry));
        if (!same) throw error;
        changed = false;
      }
      if (changed && !ctx.isDryRun && updated !== undefined) {
        await fs.mkdir(path.dirname(target), { recursive: true });
        await fs.writeFile(target, updated, 'utf8');
      }
    } else {
      ({ changed } = await applyCreate({
        ctx,
        applier,
        guard: options.guard,
        credentials,
        plan,
        overwrite: input.overwrite,
      }));
    }
    const output = ctx.output as (name: string, value: unknown) => void;
    let outcome = 'Created';
    if (ctx.isDryRun) outcome = 'Dry run: would create';
    else if (!changed) outcome = 'Already present:';
    ctx.logger.info(
      `${outcome} KafkaConnector ${plan.cluster}/${plan.namespace}/${plan.name} (${input.output})`,
    );
    output('name', plan.name);
    output('namespace', plan.namespace);
    output('cluster', plan.cluster);
    output('manifest', manifest);
    if (filePath) output('filePath', filePath);
    output('entityRef', plan.entityRef);
    output('changed', changed);
    note({ changed });
  }
  return action;
}
