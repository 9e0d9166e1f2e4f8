export { connectClusterOf } from './connectClusterOf';
export { detectGitOps } from './detectGitOps';
export { lastTransitionTime } from './lastTransitionTime';
export { summarizeConnectCluster } from './summarizeConnectCluster';
export { blueprintOrigin } from './blueprintOrigin';
