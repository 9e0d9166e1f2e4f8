export interface Config {
  /** Configuration of the Kafka Connect suite. */
  kafkaConnect?: {};
}
