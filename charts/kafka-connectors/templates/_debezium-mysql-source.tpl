{{- /* Debezium MySQL CDC of one table; the suite's blueprint debezium-mysql-source. */ -}}
{{- define "connector.debeziumMysqlSourceConnector" -}}
{{- $e := .entry -}}
{{- $s := required "connector.debeziumMysqlSourceConnector needs source" $e.source -}}
{{- $instance := required "source.instance is required" $s.instance -}}
{{- $database := required "source.database is required" $s.database -}}
{{- $table := required "source.table is required" $s.table -}}
{{- $version := required "version is required" $e.version | toString -}}
{{- $serverId := required "source.serverId is required" $s.serverId | int64 -}}
{{- $snapshotMode := $s.snapshotMode | default "initial" -}}
{{- $name := printf "%smysql-%s-%s-%s" (include "connector.slug" $instance) (include "connector.slug" $database) (include "connector.slug" $table) $version -}}
{{- $config := printf `database.hostname: ${secretManager:%s:HOST}
database.port: ${secretManager:%s:PORT}
database.server.id: %s
database.include.list: %s
table.include.list: %s
topic.prefix: %s
snapshot.mode: %s
snapshot.locking.mode: minimal
schema.history.internal.kafka.bootstrap.servers: ${env:KAFKA_BOOTSTRAP_SERVERS}
schema.history.internal.kafka.topic: %s
key.converter: org.apache.kafka.connect.json.JsonConverter
key.converter.schemas.enable: false
value.converter: org.apache.kafka.connect.json.JsonConverter
value.converter.schemas.enable: false
transforms: unwrap
transforms.unwrap.type: io.debezium.transforms.ExtractNewRecordState
transforms.unwrap.drop.tombstones: false
topic.creation.default.replication.factor: 3
topic.creation.default.partitions: 6
topic.creation.default.cleanup.policy: compact
database.user: ${secretManager:%s:USER}
database.password: ${secretManager:%s:PASSWORD}`
  $instance $instance ($serverId | toString | quote) ($database | quote)
  (printf "%s.%s" $database $table | quote) (printf "%smysql" $instance | quote)
  ($snapshotMode | quote) (printf "schema-history.%smysql.%s" $instance $database | quote)
  $instance $instance -}}
{{- include "connector.resource" (dict "root" .root "entry" $e "name" $name
  "class" "io.debezium.connector.mysql.MySqlConnector"
  "blueprint" "debezium-mysql-source" "tasksMax" 1 "config" $config
  "parameters" (dict "instance" $instance "database" $database "table" $table "version" $version "serverId" $serverId "snapshotMode" $snapshotMode)) -}}
{{- end -}}
