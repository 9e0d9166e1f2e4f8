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
    /** Who may operate (pause, resume, stop, restart) connectors. */
    /** Clusters from the catalog (`kubernetes.clusterLocatorMethods` entry of type `catalog`). */
    catalogClusters?: {
      /** How often each replica reads the catalog's cluster entities again, in seconds. Default 60. */
      refreshSeconds?: number;
    };
    operations?: {
      /**
       * Set true once the permission policy handles kafka.connect.operate
       * (for example the owner policy in this package's README). Until then
       * the backend warns at start-up that anyone may operate any connector.
       */
      policyHandlesOperate?: boolean;
      /**
       * Refuse every operation while permissions are disabled or no policy is
       * declared to handle kafka.connect.operate. Default false (warn only).
       */
      requireOwnerPolicy?: boolean;
    };
    /** How health is judged. */
    health?: {
      /**
       * Minutes a state that should pass by itself (unassigned tasks, a change
       * the operator has not applied, no status yet) reads as `pending` before
       * it reads as `degraded` or `unknown`. Default 10.
       */
      settleMinutes?: number;
    };
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
    /**
     * Seconds an entity page view reuses the catalog entity the backend read
     * with its own credentials, for users whom the permission policy lets
     * read every catalog entity (others are looked up on their behalf every
     * time). Changes to an entity's links reach its connector card this much
     * later at most. 0 asks the catalog on every page view. Default 30.
     */
    catalogEntityCacheSeconds?: number;
    /** The health history the backend records in its database. */
    history?: {
      /** Days health transitions are kept before they are pruned. Default 14. */
      retentionDays?: number;
    };
  };
}
