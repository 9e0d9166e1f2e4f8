import type { DesiredConnectorState } from '../api';
import type { StrimziApiVersion } from '../names';

/** A JSON schema object, as blueprints and template forms use it. @public */
export type JsonSchemaObject = Record<string, unknown>;

/**
 * A connector blueprint: what a Helm named template used to hold (class,
 * converters, SMTs, naming rule, secret references) as data. Strings may hold
 * `{{placeholder}}` marks naming a parameter or one of `name`, `namespace`,
 * `cluster`, `connectCluster`; nothing else is evaluated.
 * @public
 */
export interface ConnectorBlueprint {
  id: string;
  title: string;
  description: string;
  connector: {
    class: string;
    type: 'source' | 'sink';
    /** The connector plugin class the Connect cluster must have installed. */
    plugin: string;
  };
  /** JSON schema of the form parameters (type `object`). */
  parameters: JsonSchemaObject & {
    properties?: Record<string, JsonSchemaObject>;
    required?: string[];
  };
  /** The connector name, e.g. `{{instance}}mysql-{{database}}-{{table}}-{{version}}`. */
  naming: string;
  /** Connector config; values are templates or plain scalars. */
  config: Record<string, string | number | boolean>;
  /** Config keys whose values are config-provider references, e.g. `${secretManager:{{instance}}:PASSWORD}`. */
  secrets: Record<string, string>;
  defaults: { tasksMax: number; state: DesiredConnectorState };
  /**
   * The shape of one entry of a Helm values list. Values that are exactly
   * `{{name}}`, `{{class}}`, `{{tasksMax}}`, `{{state}}`, `{{config}}`,
   * `{{namespace}}`, `{{connectCluster}}` take the rendered value itself.
   */
  helmValues: {
    path: string[];
    entry: Record<string, unknown>;
    /**
     * `full` (the default): the entry holds the whole connector, `name` to
     * `config`. `compact`: the entry holds what a chart's named template needs
     * (`connectorTemplate`, `version`, the source fields, and `tasksMax` or
     * `state` only when they differ from `defaults`); the chart renders the rest.
     */
    style?: 'full' | 'compact';
    /**
     * Compact entries: how the chart names the connector from the entry, with
     * dotted paths and the filters `lower` and `noUnderscores`, e.g.
     * `{{source.instance | lower | noUnderscores}}mysql-{{version}}`. The
     * actions find an existing entry by this name.
     */
    name?: string;
  };
}

/** Where a blueprint came from, for error messages and overrides. @public */
export interface LoadedBlueprint {
  blueprint: ConnectorBlueprint;
  source: string;
}

/** A problem with a blueprint file, naming the file and the field. @public */
export interface BlueprintProblem {
  source: string;
  field: string;
  message: string;
}

/** What a user asks for: the blueprint's parameters and where the connector goes. @public */
export interface ConnectorRequest {
  blueprintId: string;
  parameters: Record<string, unknown>;
  /** The Kubernetes cluster name as configured in the suite. */
  cluster: string;
  namespace: string;
  /** The KafkaConnect resource (the value of `strimzi.io/cluster`). */
  connectCluster: string;
  /** Entity ref of the owner, e.g. `group:default/team-orders`. */
  owner: string;
  system?: string;
  /** Entity ref of the template that created the connector. */
  template?: string;
  tasksMax?: number;
  state?: DesiredConnectorState;
  /**
   * Strimzi's automatic restart of failed connectors and tasks
   * (`spec.autoRestart`): enabled unless `enabled: false`; `maxRestarts`
   * limits the attempts (unlimited when absent).
   */
  autoRestart?: { enabled?: boolean; maxRestarts?: number };
  /** Value of the `backstage.io/kubernetes-id` label; the connector name when absent. */
  kubernetesId?: string;
  /** Extra connector config keys; credential-like keys must be provider references. */
  configOverrides?: Record<string, string>;
  apiVersion?: StrimziApiVersion;
}

/** One validation error: the input field at fault and how to fix it. @public */
export interface FieldError {
  field: string;
  message: string;
}
