import type { GitOpsManagement } from '../api';
import {
  ARGOCD_INSTANCE_LABEL,
  ARGOCD_TRACKING_ANNOTATION,
  FLUX_HELM_NAME_LABEL,
  FLUX_KUSTOMIZE_NAME_LABEL,
} from '../names';
import type { ObjectMeta } from '../strimzi';

/**
 * Which GitOps tool applies a resource, so the portal can say "change it in
 * Git" rather than offer edits the tool would revert. Evidence, strongest
 * first: Argo CD's tracking annotation (`<app>:<group>/<kind>:<ns>/<name>`),
 * Flux's kustomize or helm labels, then Argo CD's default instance label,
 * which is last because Helm charts set the same label without Argo CD.
 * @public
 */
export function detectGitOps(
  resource: { metadata?: ObjectMeta } | undefined,
): GitOpsManagement | undefined {
  const labels = resource?.metadata?.labels ?? {};
  const annotations = resource?.metadata?.annotations ?? {};
  const tracking = annotations[ARGOCD_TRACKING_ANNOTATION];
  if (typeof tracking === 'string' && tracking.trim()) {
    const app = tracking.split(':')[0].trim();
    return {
      tool: 'argocd',
      ...(app ? { name: app } : {}),
      source: ARGOCD_TRACKING_ANNOTATION,
    };
  }
  for (const label of [FLUX_KUSTOMIZE_NAME_LABEL, FLUX_HELM_NAME_LABEL]) {
    if (labels[label]) {
      return { tool: 'flux', name: labels[label], source: label };
    }
  }
  if (labels[ARGOCD_INSTANCE_LABEL]) {
    return {
      tool: 'argocd',
      name: labels[ARGOCD_INSTANCE_LABEL],
      source: ARGOCD_INSTANCE_LABEL,
    };
  }
  return undefined;
}
