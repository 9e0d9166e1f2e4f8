/** The kube-apiserver release the dev cluster builds (see go/go.mod). */
export const KUBERNETES_VERSION = 'v1.37.2';

/** The etcd release kube-apiserver's module graph selects (see go/go.mod). */
export const ETCD_VERSION = 'v3.7.0';
