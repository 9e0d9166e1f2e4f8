import { createFormField } from '@backstage/plugin-scaffolder-react/alpha';
import {
  KafkaConnectOwnerPicker,
  KAFKA_CONNECT_OWNER_PICKER,
} from './KafkaConnectOwnerPicker';

/** The field for the new frontend system's scaffolder. */
export const kafkaConnectOwnerFormField = createFormField({
  name: KAFKA_CONNECT_OWNER_PICKER,
  component: KafkaConnectOwnerPicker as never,
});
