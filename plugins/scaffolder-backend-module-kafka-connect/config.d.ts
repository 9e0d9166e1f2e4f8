export interface Config {
  kafkaConnect?: {
    /**
     * Self-service settings. `blueprintLocations` is read (by the backend's
     * validation too) and declared by `@kcs/plugin-kafka-connect-node`.
     */
    scaffolder?: {
      /** Field manager of server-side apply. Default `backstage-kafka-connect`. */
      fieldManager?: string;
      /**
       * Where self-service may put connectors. Absent: every configured
       * cluster, namespace and Connect cluster. When given, clusters not
       * listed are closed; within a listed cluster, `namespaces` and
       * `connectClusters` (each absent: all) close the ones they do not name.
       * Checked for every delivery of `kafka-connect:connector:create` and for
       * applied changes of `kafka-connect:connector:change`.
       */
      targets?: Array<{
        /** Name of a cluster in `kafkaConnect.clusters`. */
        cluster: string;
        /** Namespaces open to self-service. */
        namespaces?: string[];
        /** KafkaConnect resources open to self-service: `name` or `namespace/name`. */
        connectClusters?: string[];
      }>;
    };
  };
}
