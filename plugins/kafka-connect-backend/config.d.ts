export interface Config {
  /** Configuration of the Kafka Connect suite. */
  kafkaConnect?: {
    /** Clusters from the catalog (`kubernetes.clusterLocatorMethods` entry of type `catalog`). */
    catalogClusters?: {
      /** How often each replica reads the catalog's cluster entities again, in seconds. Default 60. */
      refreshSeconds?: number;
    };
    /** Who may operate (pause, resume, stop, restart) connectors. */
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
