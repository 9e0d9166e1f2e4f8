import type { SchedulerServiceTaskScheduleDefinitionConfig } from '@backstage/backend-plugin-api';

export interface Config {
  kafkaConnect?: {
    /** How connectors and Connect clusters become catalog entities. */
    catalog?: {
      /** Owner of resources no annotation or namespace map claims, e.g. `group:default/platform`. */
      defaultOwner?: string;
      /** Namespace name to owner entity ref, used when neither the resource nor its Namespace is annotated. */
      namespaceOwners?: { [namespace: string]: string };
      /** Namespace name to System entity ref. */
      namespaceSystems?: { [namespace: string]: string };
      /** Schedule of the full refresh (default: every 10 minutes). */
      schedule?: SchedulerServiceTaskScheduleDefinitionConfig;
    };
  };
}
