{{/*
The release's prefix for every object: fullnameOverride, else the release name when it names the
chart, else <release>-identities. Never truncated (two long releases would share names): a prefix
too long for the names made of it is refused. 44 characters at most: <prefix>-identities-service,
a Service, must fit 63; with an operator 36: <prefix>-identities-db, a CloudNativePG Cluster, must
fit 50, and <prefix>-rabbitmq, a RabbitmqCluster, 45.
*/}}
{{- define "identities.fullname" -}}
{{- $name := .Values.fullnameOverride -}}
{{- if not $name -}}
{{- $name = ternary .Release.Name (printf "%s-%s" .Release.Name .Chart.Name) (contains .Chart.Name .Release.Name) -}}
{{- end -}}
{{- $operator := or (eq .Values.postgresql.mode "operator") (eq .Values.rabbitmq.mode "operator") -}}
{{- $max := ternary 36 44 $operator -}}
{{- if gt (len $name) $max -}}
{{- fail (printf "the prefix of the release's names, %q, has %d characters; at most %d fit the names made of it (%s): install with a shorter release name, or set fullnameOverride" $name (len $name) $max (ternary "a CloudNativePG Cluster's 50, a RabbitmqCluster's 45" "a Service's 63" $operator)) -}}
{{- end -}}
{{- $name -}}
{{- end -}}

{{/*
A name, if it is a DNS-1035 label of at most `limit` characters (what a Service's name must be,
and what CloudNativePG and the RabbitMQ Cluster Operator build their objects' names from); else
the install fails saying which name, and what to do.
*/}}
{{- define "identities.fit" -}}
{{- if or (gt (len .name) (int .limit)) (not (regexMatch "^[a-z]([-a-z0-9]*[a-z0-9])?$" .name)) -}}
{{- fail (printf "the %s name %q (%d characters) must be a DNS-1035 label (a-z, 0-9 and '-', a letter first) of at most %d characters: install under another release name, or set fullnameOverride" .what .name (len .name) (int .limit)) -}}
{{- end -}}
{{- .name -}}
{{- end -}}

{{/* A service's object name: identities-<service> for release "identities". */}}
{{- define "identities.name" -}}
{{- include "identities.fit" (dict "what" "Service" "limit" 63 "name" (printf "%s-%s" (include "identities.fullname" .root) .service)) -}}
{{- end -}}

{{/*
A service's CloudNativePG Cluster: <fullname>-identities-db, -linkedin-db, -email-db, -warmup-db.
Named apart from the service's own objects: CloudNativePG names a ServiceAccount, a
PodDisruptionBudget, a Role and a RoleBinding after its Cluster, and Services, Secrets, pods and
volumes after it with a suffix (-rw, -ro, -r, -any, -app, -superuser, -ca, -server, -replication,
-primary, -<n>). CloudNativePG refuses a Cluster name over 50 characters.
*/}}
{{- define "identities.databaseCluster" -}}
{{- $name := printf "%s-%s-db" (include "identities.fullname" .root) (first (splitList "-" .service)) -}}
{{- include "identities.fit" (dict "what" "CloudNativePG Cluster" "limit" 50 "name" $name) -}}
{{- end -}}

{{/*
The RabbitmqCluster: <fullname>-rabbitmq. Its operator makes the Service <name>, the Services and
Secrets <name>-nodes, -default-user, -erlang-cookie, the ConfigMaps -plugins-conf, -server-conf, the
ServiceAccount and RoleBinding -server, the Role -peer-discovery, and the StatefulSet -server, whose
pods' controller-revision-hash label (<statefulset>-<hash of up to 10>) must fit 63: so 45 at most.
*/}}
{{- define "identities.rabbitmqCluster" -}}
{{- include "identities.fit" (dict "what" "RabbitmqCluster" "limit" 45 "name" (printf "%s-rabbitmq" (include "identities.fullname" .))) -}}
{{- end -}}

{{/*
The services whose pages spend share links at identities-service (POST /share-links/spending,
inside the cluster: no route leads there).
*/}}
{{- define "identities.shareLinkPages" -}}
linkedin-gateway email-gateway
{{- end -}}

{{/*
The workloads, by name, as JSON (fromJson): the services and, when enabled, the console.
*/}}
{{- define "identities.workloads" -}}
{{- $workloads := deepCopy .Values.services -}}
{{- if .Values.console.enabled -}}
{{- $_ := set $workloads "console" .Values.console -}}
{{- end -}}
{{- toJson $workloads -}}
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

{{/*
Where the routes attach: the https listener of the Gateway the chart creates, or the listener
gateway.listener of an existing Gateway (empty: each of its listeners).
*/}}
{{- define "identities.parentRef" -}}
{{- $listener := ternary "https" .Values.gateway.listener .Values.gateway.create -}}
- name: {{ .Values.gateway.name }}
  namespace: {{ include "identities.gatewayNamespace" . }}
  {{- if $listener }}
  sectionName: {{ $listener }}
  {{- end }}
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

{{/*
Where the JWT issuer is (networkPolicy.jwks.to), as NetworkPolicy peers: by default anywhere
outside the cluster.
*/}}
{{- define "identities.issuer" -}}
{{- if .Values.networkPolicy.jwks.to -}}
{{- toYaml .Values.networkPolicy.jwks.to -}}
{{- else -}}
{{- include "identities.outsideWorld" . -}}
{{- end -}}
{{- end -}}
