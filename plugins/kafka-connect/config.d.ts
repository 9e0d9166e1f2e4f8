export interface Config {
  kafkaConnect?: {
    /** Settings of the Kafka Connect card and tab. */
    frontend?: {
      /**
       * Seconds between refreshes of the connectors shown on an entity page
       * (default 10; 0 turns automatic refresh off).
       * @visibility frontend
       */
      refreshIntervalSeconds?: number;
    };
  };
}
