// The registry lives in the node library, where the backend's validation
// route loads the same blueprints.
export {
  BlueprintRegistry,
  builtInBlueprintDir,
} from '@kcs/plugin-kafka-connect-node';
