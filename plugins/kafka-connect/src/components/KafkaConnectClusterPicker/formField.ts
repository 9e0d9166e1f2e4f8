import { createFormField } from '@backstage/plugin-scaffolder-react/alpha';
import {
  KafkaConnectClusterPicker,
  KAFKA_CONNECT_CLUSTER_PICKER,
  validateKafkaConnectClusterChoice,
} from './KafkaConnectClusterPicker';

/** The field for the new frontend system's scaffolder. */
export const kafkaConnectClusterFormField = createFormField({
  name: KAFKA_CONNECT_CLUSTER_PICKER,
  component: KafkaConnectClusterPicker as never,
  validation: validateKafkaConnectClusterChoice as never,
});
