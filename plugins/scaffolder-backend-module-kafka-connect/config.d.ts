export interface Config {
  kafkaConnect?: {
    scaffolder?: {
      /**
       * Files or folders of connector blueprint YAML, read after the built-in
       * blueprints; a blueprint with a built-in's id replaces it. Relative
       * paths are relative to the backend's working directory.
       */
      blueprintLocations?: string[];
      /** Field manager of server-side apply. Default `backstage-kafka-connect`. */
      fieldManager?: string;
    };
  };
}
