{{- /* Debezium PostgreSQL CDC of one table (pgoutput); the suite's blueprint debezium-postgres-source. */ -}}
{{- define "connector.debeziumPostgresSourceConnector" -}}
{{- $e := .entry -}}
{{- $s := required "connector.debeziumPostgresSourceConnector needs source" $e.source -}}
{{- $instance := required "source.instance is required" $s.instance -}}
{{- $database := required "source.database is required" $s.database -}}
{{- $schema := $s.schema | default "public" -}}
{{- $table := required "source.table is required" $s.table -}}
{{- $version := required "version is required" $e.version | toString -}}
{{- $name := printf "%spostgres-%s-%s-%s" (include "connector.slug" $instance) (include "connector.slug" $database) (include "connector.slug" $table) $version -}}
{{- $config := printf `database.hostname: ${secretManager:%s:HOST}
database.port: ${secretManager:%s:PORT}
database.dbname: %s
plugin.name: pgoutput
slot.name: %s
publication.name: %s
publication.autocreate.mode: filtered
table.include.list: %s
topic.prefix: %s
snapshot.mode: initial
key.converter: org.apache.kafka.connect.json.JsonConverter
key.converter.schemas.enable: false
value.converter: org.apache.kafka.connect.json.JsonConverter
value.converter.schemas.enable: false
transforms: unwrap
transforms.unwrap.type: io.debezium.transforms.ExtractNewRecordState
transforms.unwrap.delete.handling.mode: rewrite
topic.creation.default.replication.factor: 3
topic.creation.default.partitions: 6
database.user: ${secretManager:%s:USER}
database.password: ${secretManager:%s:PASSWORD}`
  $instance $instance ($database | quote)
  (printf "%s_%s_%s_%s" $instance $database $table $version | quote)
  (printf "dbz_%s_%s" $table $version | quote) (printf "%s.%s" $schema $table | quote)
  (printf "%spostgres" $instance | quote) $instance $instance -}}
{{- include "connector.resource" (dict "root" .root "entry" $e "name" $name
  "class" "io.debezium.connector.postgresql.PostgresConnector"
  "blueprint" "debezium-postgres-source" "tasksMax" 1 "config" $config
  "parameters" (dict "instance" $instance "database" $database "schema" $schema "table" $table "version" $version)) -}}
{{- end -}}
