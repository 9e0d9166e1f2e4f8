{{- /*
A value of a connector name: lowercased, underscores removed (Kubernetes names
allow neither). The suite's compact blueprints name connectors by the same rule.
*/ -}}
{{- define "connector.slug" -}}
{{- . | toString | lower | replace "_" "" -}}
{{- end -}}

{{- /*
The KafkaConnector of one entry. Takes a dict: root (the chart's top scope),
entry, name, class, blueprint (the suite's blueprint id), parameters (the
blueprint parameters, for the change forms), tasksMax (the type's default)
and config (YAML text of the connector config).
*/ -}}
{{- define "connector.resource" -}}
{{- $entry := .entry -}}
{{- $values := .root.Values -}}
{{- $cluster := required (printf "connector %s needs connectCluster (in the entry or the chart values)" .name) ($entry.connectCluster | default $values.connectCluster) -}}
apiVersion: kafka.strimzi.io/{{ $values.strimziApiVersion | default "v1" }}
kind: KafkaConnector
metadata:
  name: {{ .name }}
  namespace: {{ .root.Release.Namespace }}
  labels:
    strimzi.io/cluster: {{ $cluster | quote }}
    backstage.io/kubernetes-id: {{ .name | quote }}
  annotations:
    kafka-connect.dev/owner: {{ required (printf "connector %s needs an owner (in the entry or the chart values)" .name) ($entry.owner | default $values.owner) | quote }}
    kafka-connect.dev/blueprint: {{ .blueprint | quote }}
    kafka-connect.dev/blueprint-parameters: {{ .parameters | toJson | quote }}
    {{- with ($entry.system | default $values.system) }}
    kafka-connect.dev/system: {{ . | quote }}
    {{- end }}
spec:
  class: {{ .class }}
  tasksMax: {{ $entry.tasksMax | default .tasksMax | int64 }}
  state: {{ $entry.state | default "running" }}
  autoRestart:
    enabled: true
  config:
{{ .config | indent 4 }}
{{- end -}}
