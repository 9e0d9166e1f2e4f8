{{- /* Debezium MongoDB change streams of one collection; the suite's blueprint debezium-mongodb-source. */ -}}
{{- define "connector.debeziumMongodbSourceConnector" -}}
{{- $e := .entry -}}
{{- $s := required "connector.debeziumMongodbSourceConnector needs source" $e.source -}}
{{- $instance := required "source.instance is required" $s.instance -}}
{{- $database := required "source.database is required" $s.database -}}
{{- $collection := required "source.collection is required" $s.collection -}}
{{- $version := required "version is required" $e.version | toString -}}
{{- $name := printf "%smongo-%s-%s-%s" (include "connector.slug" $instance) (include "connector.slug" $database) (include "connector.slug" $collection) $version -}}
{{- $config := printf `mongodb.connection.string: ${secretManager:%s:CONNECTION_STRING}
capture.mode: change_streams_update_full
database.include.list: %s
collection.include.list: %s
topic.prefix: %s
key.converter: org.apache.kafka.connect.json.JsonConverter
key.converter.schemas.enable: false
value.converter: org.apache.kafka.connect.json.JsonConverter
value.converter.schemas.enable: false
transforms: unwrap
transforms.unwrap.type: io.debezium.connector.mongodb.transforms.ExtractNewDocumentState
topic.creation.default.replication.factor: 3
topic.creation.default.partitions: 6
mongodb.password: ${secretManager:%s:PASSWORD}`
  $instance ($database | quote) (printf "%s.%s" $database $collection | quote)
  (printf "%smongo" $instance | quote) $instance -}}
{{- include "connector.resource" (dict "root" .root "entry" $e "name" $name
  "class" "io.debezium.connector.mongodb.MongoDbConnector"
  "blueprint" "debezium-mongodb-source" "tasksMax" 1 "config" $config
  "parameters" (dict "instance" $instance "database" $database "collection" $collection "version" $version)) -}}
{{- end -}}
