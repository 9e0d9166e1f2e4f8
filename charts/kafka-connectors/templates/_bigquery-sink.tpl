{{- /* BigQuery sink of topics into one dataset; the suite's blueprint bigquery-sink. */ -}}
{{- define "connector.bigquerySinkConnector" -}}
{{- $e := .entry -}}
{{- $s := required "connector.bigquerySinkConnector needs sink" $e.sink -}}
{{- $project := required "sink.project is required" $s.project -}}
{{- $dataset := required "sink.dataset is required" $s.dataset -}}
{{- $topics := required "sink.topics is required" $s.topics -}}
{{- $version := required "version is required" $e.version | toString -}}
{{- $name := printf "bq-%s-%s-%s" $project (include "connector.slug" $dataset) $version -}}
{{- $config := printf `project: %s
defaultDataset: %s
topics: %s
keySource: JSON
autoCreateTables: true
allowNewBigQueryFields: true
sanitizeTopics: true
bigQueryRetry: 3
key.converter: org.apache.kafka.connect.json.JsonConverter
key.converter.schemas.enable: false
value.converter: org.apache.kafka.connect.json.JsonConverter
value.converter.schemas.enable: false
errors.tolerance: all
errors.deadletterqueue.topic.name: %s
errors.deadletterqueue.topic.replication.factor: 3
keyfile: ${secretManager:%s:BIGQUERY_KEYFILE}`
  ($project | quote) ($dataset | quote) ($topics | quote)
  (printf "dlq.bq-%s-%s" $project $dataset | quote) $project -}}
{{- include "connector.resource" (dict "root" .root "entry" $e "name" $name
  "class" "com.wepay.kafka.connect.bigquery.BigQuerySinkConnector"
  "blueprint" "bigquery-sink" "tasksMax" 2 "config" $config
  "parameters" (dict "project" $project "dataset" $dataset "topics" $topics "version" $version)) -}}
{{- end -}}
