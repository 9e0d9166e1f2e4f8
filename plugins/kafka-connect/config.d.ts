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
      /**
       * Path of the "Change a Kafka connector" template page, which the card
       * opens prefilled for connectors a GitOps tool manages (default
       * /create/templates/default/change-kafka-connector).
       * @visibility frontend
       */
      changeTemplatePath?: string;
    };
  };
}
