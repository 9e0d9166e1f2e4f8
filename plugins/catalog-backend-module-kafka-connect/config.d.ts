import type { SchedulerServiceTaskScheduleDefinitionConfig } from '@backstage/backend-plugin-api';

export interface Config {
  kafkaConnect?: {
    /**
     * How connectors and Connect clusters become catalog entities. The owner
     * keys (`defaultOwner`, `namespaceOwners`, `namespaceSystems`) are read
     * and declared by `@kcs/plugin-kafka-connect-node`.
     */
    catalog?: {
      /** Schedule of the full refresh (default: every 10 minutes). */
      schedule?: SchedulerServiceTaskScheduleDefinitionConfig;
    };
  };
}
