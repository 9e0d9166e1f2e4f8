export interface Config {
  /** Configuration of the Kafka Connect suite. */
  kafkaConnect?: {
    /**
     * Kubernetes clusters that run Strimzi. When absent, the clusters of
     * Backstage's Kubernetes plugin (`kubernetes.clusterLocatorMethods` of type
     * `config`) are used.
     */
    clusters?: Array<{
      /** Unique cluster name: lower-case letters, digits and '-'. It appears in URLs and entity names. */
      name: string;
      /** API server URL, e.g. https://kubernetes.example.com:6443. */
      url?: string;
      /**
       * serviceAccount (default), kubeconfig, inCluster, or a strategy of
       * Backstage's Kubernetes plugin: aws, azure, googleServiceAccount,
       * localKubectlProxy, or a key added with kafkaConnectAuthStrategyExtensionPoint.
       * oidc, google and aks need the signed-in user and are refused.
       */
      authProvider?: string;
      /**
       * Metadata for the strategy, as in the Kubernetes plugin, e.g.
       * kubernetes.io/x-k8s-aws-id, kubernetes.io/aws-assume-role.
       */
      authMetadata?: { [key: string]: string };
      /** AWS role to assume for authProvider aws. */
      assumeRole?: string;
      /** External id when assuming that role. */
      externalId?: string;
      /**
       * Bearer token of the service account the portal uses.
       * @visibility secret
       */
      serviceAccountToken?: string;
      /** Kubeconfig file for authProvider kubeconfig (default: the usual lookup). */
      kubeconfigFile?: string;
      /** Context in that kubeconfig. */
      kubeconfigContext?: string;
      /** Base64 PEM of the cluster CA. */
      caData?: string;
      /** Path of a PEM file with the cluster CA. */
      caFile?: string;
      /** Skip TLS verification (never in production). */
      skipTLSVerify?: boolean;
      /** Namespaces to watch; all namespaces when absent. */
      namespaces?: string[];
      /**
       * The Strimzi release the cluster runs, e.g. 0.48.0. Needed only for a
       * cluster that serves kafka.strimzi.io/v1beta2 alone and runs 0.48:
       * then restarts use includeTasks/onlyFailed instead of task by task.
       */
      strimziVersion?: string;
    }>;
    /**
     * Checking connector configs with Kafka Connect's
     * `PUT /connector-plugins/<class>/config/validate` before the scaffolder
     * writes anything (`POST /api/kafka-connect/validate`). Off when absent.
     */
    validation?: {
      /** How the backend reaches Connect's REST API; the first entry that covers a Connect cluster wins. */
      targets: Array<{
        /** Name of a cluster in kafkaConnect.clusters. */
        cluster: string;
        /** KafkaConnects this entry covers, `name` or `namespace/name`; all of the cluster when absent. */
        connectClusters?: string[];
        /**
         * URL template with {name}, {namespace} and {cluster}: an http(s) URL
         * such as `http://{name}-connect-api.{namespace}.svc:8083` (a portal
         * inside the cluster), or a path on the cluster's API server such as
         * `/api/v1/namespaces/{namespace}/services/{name}-connect-api:8083/proxy`
         * (the service proxy, with the cluster's credentials).
         */
        url: string;
        /** Seconds to wait for Connect (Debezium's checks connect to the database). Default 30. */
        timeoutSeconds?: number;
      }>;
    };
    /** How connectors and Connect clusters get owners (the watch cache and the catalog module). */
    catalog?: {
      /** Owner of resources no annotation or namespace map claims, e.g. `group:default/platform`. */
      defaultOwner?: string;
      /** Namespace name to owner entity ref, used when neither the resource nor its Namespace is annotated. */
      namespaceOwners?: { [namespace: string]: string };
      /** Namespace name to System entity ref. */
      namespaceSystems?: { [namespace: string]: string };
    };
    scaffolder?: {
      /**
       * Files or folders of connector blueprint YAML, read after the built-in
       * blueprints; a blueprint with a built-in's id replaces it. Relative
       * paths are relative to the backend's working directory.
       */
      blueprintLocations?: string[];
    };
  };
}
