/** The kube-apiserver release the dev cluster builds (see go/go.mod). */
export const KUBERNETES_VERSION = 'v1.37.2';

/** The etcd release kube-apiserver's module graph selects (see go/go.mod). */
export const ETCD_VERSION = 'v3.7.0';

/** The Apache Kafka release of the broker and the Connect workers (see maven/pom.xml). */
export const KAFKA_VERSION = '4.3.1';

/** The Debezium release whose PostgreSQL connector the workers offer (see maven/pom.xml). */
export const DEBEZIUM_VERSION = '3.6.1.Final';

/** The helm release the chart tests render with (see helm/go.mod). */
export const HELM_VERSION = 'v3.22.0';
