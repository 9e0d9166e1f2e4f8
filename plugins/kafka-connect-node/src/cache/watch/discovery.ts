import { ApisApi, KubeConfig } from '@kubernetes/client-node';
import {
  STRIMZI_API_GROUP,
  STRIMZI_API_VERSIONS,
  StrimziApiVersion,
} from '@kcs/plugin-kafka-connect-common';

/** The newest Strimzi API version the cluster serves, or null without Strimzi CRDs. */
export async function discoverStrimziVersion(
  kubeConfig: KubeConfig,
): Promise<StrimziApiVersion | null> {
  const groups = await kubeConfig.makeApiClient(ApisApi).getAPIVersions();
  const group = groups.groups.find(
    candidate => candidate.name === STRIMZI_API_GROUP,
  );
  const served = group?.versions.map(version => version.version) ?? [];
  return STRIMZI_API_VERSIONS.find(version => served.includes(version)) ?? null;
}
