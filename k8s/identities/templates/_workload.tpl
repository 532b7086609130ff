{{/*
A workload of the platform, a service or the console: its ServiceAccount, Service (port 8080,
http) and Deployment (hardened pods, probes on /q/health/*, spread over zones and hosts, a writable
/tmp, rolled when the configuration changes), image <registry>/<service>:<tag>. Given root,
service (its name), spec (replicas, resources, autoscaling, env), envFrom (the container's
sources) and env (the template of its own variables, given this context).
*/}}
{{- define "identities.workload" }}
{{- $root := .root }}
{{- $service := .service }}
{{- $spec := .spec }}
{{- $ctx := dict "root" $root "service" $service }}
{{- $name := include "identities.name" $ctx }}
---
apiVersion: v1
kind: ServiceAccount
metadata:
  name: {{ $name }}
  labels:
    {{- include "identities.labels" $ctx | nindent 4 }}
# {{ $service }} never calls the Kubernetes API
automountServiceAccountToken: false
---
apiVersion: v1
kind: Service
metadata:
  name: {{ $name }}
  labels:
    {{- include "identities.labels" $ctx | nindent 4 }}
spec:
  type: ClusterIP
  selector:
    {{- include "identities.selector" $ctx | nindent 4 }}
  ports:
    - name: http
      port: 8080
      targetPort: http
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: {{ $name }}
  labels:
    {{- include "identities.labels" $ctx | nindent 4 }}
spec:
  {{- if not $spec.autoscaling.enabled }}
  replicas: {{ $spec.replicas }}
  {{- end }}
  revisionHistoryLimit: 5
  selector:
    matchLabels:
      {{- include "identities.selector" $ctx | nindent 6 }}
  strategy:
    type: RollingUpdate
    rollingUpdate: {maxSurge: 1, maxUnavailable: 0}
  template:
    metadata:
      labels:
        {{- include "identities.labels" $ctx | nindent 8 }}
      annotations:
        # a changed configuration rolls the pods
        checksum/config: {{ include (print $root.Template.BasePath "/configmap.yaml") $root | sha256sum }}
        checksum/service: {{ toJson $spec | sha256sum }}
        {{- if $root.Values.metrics.scrape }}
        prometheus.io/scrape: "true"
        prometheus.io/port: "8080"
        prometheus.io/path: /q/metrics
        {{- end }}
    spec:
      serviceAccountName: {{ $name }}
      automountServiceAccountToken: false
      terminationGracePeriodSeconds: {{ $root.Values.terminationGracePeriodSeconds }}
      securityContext:
        {{- toYaml $root.Values.podSecurityContext | nindent 8 }}
      topologySpreadConstraints:
        - maxSkew: 1
          topologyKey: topology.kubernetes.io/zone
          whenUnsatisfiable: ScheduleAnyway
          labelSelector:
            matchLabels:
              {{- include "identities.selector" $ctx | nindent 14 }}
        - maxSkew: 1
          topologyKey: kubernetes.io/hostname
          whenUnsatisfiable: ScheduleAnyway
          labelSelector:
            matchLabels:
              {{- include "identities.selector" $ctx | nindent 14 }}
      containers:
        - name: {{ $service }}
          image: {{ printf "%s/%s:%s" $root.Values.image.registry $service $root.Values.image.tag | quote }}
          imagePullPolicy: {{ $root.Values.image.pullPolicy }}
          ports:
            - name: http
              containerPort: 8080
          envFrom:
            {{- toYaml .envFrom | nindent 12 }}
          env:
            - name: QUARKUS_APPLICATION_NAME
              value: {{ $service }}
            {{- include .env . | trim | nindent 12 }}
            {{- range $key, $value := $spec.env }}
            - name: {{ $key }}
              value: {{ $value | quote }}
            {{- end }}
          startupProbe:
            httpGet: {path: /q/health/started, port: http}
            periodSeconds: 2
            failureThreshold: 60
          livenessProbe:
            httpGet: {path: /q/health/live, port: http}
            periodSeconds: 10
            failureThreshold: 3
          readinessProbe:
            httpGet: {path: /q/health/ready, port: http}
            periodSeconds: 5
            failureThreshold: 3
          resources:
            {{- toYaml $spec.resources | nindent 12 }}
          securityContext:
            {{- toYaml $root.Values.securityContext | nindent 12 }}
          volumeMounts:
            - name: tmp
              mountPath: /tmp
      volumes:
        - name: tmp
          emptyDir: {sizeLimit: 256Mi}
{{- end }}
