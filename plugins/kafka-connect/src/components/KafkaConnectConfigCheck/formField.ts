import { createFormField } from '@backstage/plugin-scaffolder-react/alpha';
import {
  KafkaConnectConfigCheck,
  KAFKA_CONNECT_CONFIG_CHECK,
  validateKafkaConnectConfig,
} from './KafkaConnectConfigCheck';

/** The field for the new frontend system's scaffolder. */
export const kafkaConnectConfigCheckFormField = createFormField({
  name: KAFKA_CONNECT_CONFIG_CHECK,
  component: KafkaConnectConfigCheck as never,
  validation: validateKafkaConnectConfig as never,
});
