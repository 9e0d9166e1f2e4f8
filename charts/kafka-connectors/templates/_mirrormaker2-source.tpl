{{- /* MirrorMaker 2 source as a plain KafkaConnector; the suite's blueprint mirrormaker2-source. */ -}}
{{- define "connector.mirrorMaker2SourceConnector" -}}
{{- $e := .entry -}}
{{- $s := required "connector.mirrorMaker2SourceConnector needs source" $e.source -}}
{{- $sourceAlias := required "source.sourceAlias is required" $s.sourceAlias -}}
{{- $targetAlias := required "source.targetAlias is required" $s.targetAlias -}}
{{- $topics := required "source.topics is required" $s.topics -}}
{{- $topicGroup := required "topicGroup is required" $e.topicGroup -}}
{{- $name := printf "%s-%s-mirror-%s" $sourceAlias $targetAlias $topicGroup -}}
{{- $config := printf `source.cluster.alias: %s
target.cluster.alias: %s
source.cluster.bootstrap.servers: ${secretManager:%s:BOOTSTRAP_SERVERS}
target.cluster.bootstrap.servers: ${env:KAFKA_BOOTSTRAP_SERVERS}
source.cluster.security.protocol: SASL_SSL
source.cluster.sasl.mechanism: SCRAM-SHA-512
topics: %s
replication.policy.class: org.apache.kafka.connect.mirror.IdentityReplicationPolicy
replication.factor: 3
offset-syncs.topic.replication.factor: 3
sync.topic.acls.enabled: false
refresh.topics.interval.seconds: 60
key.converter: org.apache.kafka.connect.converters.ByteArrayConverter
value.converter: org.apache.kafka.connect.converters.ByteArrayConverter
source.cluster.sasl.jaas.config: ${secretManager:%s:JAAS_CONFIG}`
  ($sourceAlias | quote) ($targetAlias | quote) $sourceAlias ($topics | quote) $sourceAlias -}}
{{- include "connector.resource" (dict "root" .root "entry" $e "name" $name
  "class" "org.apache.kafka.connect.mirror.MirrorSourceConnector"
  "blueprint" "mirrormaker2-source" "tasksMax" 2 "config" $config
  "parameters" (dict "sourceAlias" $sourceAlias "targetAlias" $targetAlias "topicGroup" $topicGroup "topics" $topics)) -}}
{{- end -}}
