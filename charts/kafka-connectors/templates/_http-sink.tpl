{{- /* HTTP sink posting records in batches; the suite's blueprint http-sink. */ -}}
{{- define "connector.httpSinkConnector" -}}
{{- $e := .entry -}}
{{- $s := required "connector.httpSinkConnector needs sink" $e.sink -}}
{{- $service := required "sink.service is required" $s.service -}}
{{- $endpoint := required "sink.endpoint is required" $s.endpoint -}}
{{- $topics := required "sink.topics is required" $s.topics -}}
{{- $batchSize := $s.batchSize | default 500 | int64 -}}
{{- $version := required "version is required" $e.version | toString -}}
{{- $name := printf "http-%s-%s-%s" $service $endpoint $version -}}
{{- $config := printf `topics: %s
http.url: ${secretManager:%s:%s_URL}
http.authorization.type: static
batching.enabled: true
batch.max.size: %s
max.retries: 5
retry.backoff.ms: 3000
key.converter: org.apache.kafka.connect.storage.StringConverter
value.converter: org.apache.kafka.connect.json.JsonConverter
value.converter.schemas.enable: false
errors.tolerance: all
errors.deadletterqueue.topic.name: %s
errors.deadletterqueue.topic.replication.factor: 3
http.headers.authorization: ${secretManager:%s:AUTHORIZATION_HEADER}`
  ($topics | quote) $service $endpoint ($batchSize | toString | quote)
  (printf "dlq.http-%s-%s" $service $endpoint | quote) $service -}}
{{- include "connector.resource" (dict "root" .root "entry" $e "name" $name
  "class" "io.aiven.kafka.connect.http.HttpSinkConnector"
  "blueprint" "http-sink" "tasksMax" 1 "config" $config
  "parameters" (dict "service" $service "endpoint" $endpoint "topics" $topics "batchSize" $batchSize "version" $version)) -}}
{{- end -}}
