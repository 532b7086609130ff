{{/* The release's prefix for every object. */}}
{{- define "identities.fullname" -}}
{{- if contains .Chart.Name .Release.Name -}}
{{- .Release.Name | trunc 40 | trimSuffix "-" -}}
{{- else -}}
{{- printf "%s-%s" .Release.Name .Chart.Name | trunc 40 | trimSuffix "-" -}}
{{- end -}}
{{- end -}}

{{/* A service's object name: identities-<service> for release "identities". */}}
{{- define "identities.name" -}}
{{- printf "%s-%s" (include "identities.fullname" .root) .service | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{- define "identities.labels" -}}
app.kubernetes.io/name: {{ .service }}
app.kubernetes.io/instance: {{ .root.Release.Name }}
app.kubernetes.io/part-of: identities
app.kubernetes.io/version: {{ .root.Values.image.tag | quote }}
app.kubernetes.io/managed-by: {{ .root.Release.Service }}
helm.sh/chart: {{ printf "%s-%s" .root.Chart.Name .root.Chart.Version }}
{{- end -}}

{{- define "identities.selector" -}}
app.kubernetes.io/name: {{ .service }}
app.kubernetes.io/instance: {{ .root.Release.Name }}
{{- end -}}

{{/* The namespace of the Gateway the routes attach to. */}}
{{- define "identities.gatewayNamespace" -}}
{{- .Values.gateway.namespace | default .Release.Namespace -}}
{{- end -}}

{{/* A NetworkPolicy peer from {namespace, podLabels}: those pods of that namespace. */}}
{{- define "identities.peer" -}}
- namespaceSelector:
    matchLabels:
      kubernetes.io/metadata.name: {{ .namespace }}
  {{- if .podLabels }}
  podSelector:
    matchLabels:
      {{- toYaml .podLabels | nindent 6 }}
  {{- end }}
{{- end -}}

{{/*
Where an external PostgreSQL or RabbitMQ is: its namespace when its host is a cluster Service
(<name>.<namespace>.svc...), else the addresses in `cidr`; with neither, any destination on its port.
*/}}
{{- define "identities.serverPeer" -}}
{{- $labels := splitList "." .host -}}
{{- if and (ge (len $labels) 3) (eq (index $labels 2) "svc") -}}
to: # its namespace
  - namespaceSelector:
      matchLabels:
        kubernetes.io/metadata.name: {{ index $labels 1 }}
{{- else if .cidr -}}
to:
  - ipBlock:
      cidr: {{ .cidr }}
{{- end -}}
{{- end -}}

{{/* Anywhere but the cluster's own private ranges. */}}
{{- define "identities.outsideWorld" -}}
- ipBlock:
    cidr: 0.0.0.0/0
    except: {{ toJson .Values.networkPolicy.privateRanges }}
{{- end -}}
