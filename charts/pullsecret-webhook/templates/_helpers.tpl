{{/* Chart name, truncated to the 63 characters a label value allows. */}}
{{- define "pullsecret-webhook.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/*
Full resource name. The release name is used alone when it already contains the chart name,
so "helm install pullsecret-webhook ." does not produce "pullsecret-webhook-pullsecret-webhook".
*/}}
{{- define "pullsecret-webhook.fullname" -}}
{{- if .Values.fullnameOverride }}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- $name := default .Chart.Name .Values.nameOverride }}
{{- if contains $name .Release.Name }}
{{- .Release.Name | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- printf "%s-%s" .Release.Name $name | trunc 63 | trimSuffix "-" }}
{{- end }}
{{- end }}
{{- end }}

{{- define "pullsecret-webhook.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/* Labels that never change for the life of a release: Deployment selectors are immutable. */}}
{{- define "pullsecret-webhook.selectorLabels" -}}
app.kubernetes.io/name: {{ include "pullsecret-webhook.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end }}

{{- define "pullsecret-webhook.labels" -}}
helm.sh/chart: {{ include "pullsecret-webhook.chart" . }}
{{ include "pullsecret-webhook.selectorLabels" . }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
app.kubernetes.io/component: admission-webhook
{{- end }}

{{- define "pullsecret-webhook.serviceAccountName" -}}
{{- if .Values.serviceAccount.create }}
{{- default (include "pullsecret-webhook.fullname" .) .Values.serviceAccount.name }}
{{- else }}
{{- required "serviceAccount.name is required when serviceAccount.create is false" .Values.serviceAccount.name }}
{{- end }}
{{- end }}

{{- define "pullsecret-webhook.image" -}}
{{- $tag := default .Chart.AppVersion .Values.image.tag }}
{{- if .Values.image.digest }}
{{- printf "%s:%s@%s" .Values.image.repository $tag .Values.image.digest }}
{{- else }}
{{- printf "%s:%s" .Values.image.repository $tag }}
{{- end }}
{{- end }}

{{/* Names shared by several objects; each is defined once so they cannot drift apart. */}}
{{- define "pullsecret-webhook.webhookConfigurationName" -}}
{{- include "pullsecret-webhook.fullname" . }}
{{- end }}

{{- define "pullsecret-webhook.tlsSecretName" -}}
{{- $mode := .Values.certificates.mode }}
{{- if eq $mode "existingSecret" }}
{{- required "certificates.existingSecret.name is required when certificates.mode is existingSecret: name a kubernetes.io/tls Secret in the release namespace holding tls.crt and tls.key" .Values.certificates.existingSecret.name }}
{{- else if eq $mode "selfManaged" }}
{{- default (printf "%s-tls" (include "pullsecret-webhook.fullname" .)) .Values.certificates.selfManaged.secretName }}
{{- else }}
{{- printf "%s-tls" (include "pullsecret-webhook.fullname" .) }}
{{- end }}
{{- end }}

{{- define "pullsecret-webhook.servingCertificateName" -}}
{{- printf "%s-serving" (include "pullsecret-webhook.fullname" .) }}
{{- end }}

{{/* Whether the pod reads its certificate from mounted files (every mode but selfManaged). */}}
{{- define "pullsecret-webhook.mountsTlsFiles" -}}
{{- if ne .Values.certificates.mode "selfManaged" }}true{{ end }}
{{- end }}

{{/*
Fixed paths and container ports. They are not values: the app's config file, the container
ports, the probes and the Service all refer to them and must agree.
*/}}
{{- define "pullsecret-webhook.configDir" -}}/etc/pullsecret-webhook{{- end }}
{{- define "pullsecret-webhook.tlsDir" -}}{{ include "pullsecret-webhook.configDir" . }}/tls{{- end }}
{{- define "pullsecret-webhook.webhookContainerPort" -}}8443{{- end }}
{{- define "pullsecret-webhook.healthContainerPort" -}}8080{{- end }}

{{/*
Kinds the webhook handles: a list of dicts with the kind, its API group, its resource and the
enabled operations. A kind set to [] or null is left out. Keys of .Values.kinds come out in
sorted order, so the rendering is stable.
*/}}
{{- define "pullsecret-webhook.enabledKinds" -}}
{{- $known := dict
  "Pod" (list "" "pods")
  "Deployment" (list "apps" "deployments")
  "StatefulSet" (list "apps" "statefulsets")
  "DaemonSet" (list "apps" "daemonsets")
  "ReplicaSet" (list "apps" "replicasets")
  "Job" (list "batch" "jobs")
  "CronJob" (list "batch" "cronjobs") }}
{{- $enabled := list }}
{{- range $kind, $operations := .Values.kinds }}
{{- if $operations }}
{{- $api := get $known $kind }}
{{- $enabled = append $enabled (dict "kind" $kind "group" (index $api 0) "resource" (index $api 1) "operations" (uniq $operations)) }}
{{- end }}
{{- end }}
{{- toJson $enabled }}
{{- end }}

{{/* The secret names of the rules, deduplicated and sorted. */}}
{{- define "pullsecret-webhook.ruleSecretNames" -}}
{{- $names := list }}
{{- range .Values.rules }}
{{- $names = append $names .secret }}
{{- end }}
{{- toJson ($names | uniq | sortAlpha) }}
{{- end }}

{{/* The audit CronJob's objects (its ServiceAccount, ClusterRole and binding) share one name. */}}
{{- define "pullsecret-webhook.auditName" -}}
{{- printf "%s-audit" (include "pullsecret-webhook.fullname" .) | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/*
The security context every pod of the chart runs with (Pod Security "restricted"), in one place
so that the webhook and the provisioner cannot drift apart.
*/}}
{{- define "pullsecret-webhook.podSecurityContext" -}}
runAsNonRoot: true
runAsUser: 65532
runAsGroup: 65532
# Makes the mounted files (mode 0440; the webhook's include its TLS key) readable by the
# pod's group without opening them to others.
fsGroup: 65532
seccompProfile:
  type: RuntimeDefault
{{- end }}

{{- define "pullsecret-webhook.containerSecurityContext" -}}
runAsNonRoot: true
runAsUser: 65532
runAsGroup: 65532
allowPrivilegeEscalation: false
readOnlyRootFilesystem: true
capabilities:
  drop:
    - ALL
seccompProfile:
  type: RuntimeDefault
{{- end }}

{{/*
The provisioner's objects share one name. Its pods get a name label of their own: the webhook's
Service, PodDisruptionBudget and Deployment select on name and instance, and must never count
or route to a provisioner pod.
*/}}
{{- define "pullsecret-webhook.provisionerName" -}}
{{- printf "%s-provisioner" (include "pullsecret-webhook.fullname" .) | trunc 63 | trimSuffix "-" }}
{{- end }}

{{- define "pullsecret-webhook.provisionerSelectorLabels" -}}
app.kubernetes.io/name: {{ printf "%s-provisioner" (include "pullsecret-webhook.name" .) | trunc 63 | trimSuffix "-" }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end }}

{{- define "pullsecret-webhook.provisionerLabels" -}}
helm.sh/chart: {{ include "pullsecret-webhook.chart" . }}
{{ include "pullsecret-webhook.provisionerSelectorLabels" . }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
app.kubernetes.io/component: provisioner
app.kubernetes.io/part-of: {{ include "pullsecret-webhook.name" . }}
{{- end }}

{{/*
The rules with a source, as a list of {secret, namespace, name}, after the checks across rules
that the schema cannot express. Fails when the provisioner would have nothing to do.
*/}}
{{- define "pullsecret-webhook.provisionedRules" -}}
{{- $provisioned := list }}
{{- $sourceBySecret := dict }}
{{- range $rule := .Values.rules }}
{{- $source := $rule.source | default "" }}
{{- if hasKey $sourceBySecret $rule.secret }}
{{- $earlier := get $sourceBySecret $rule.secret }}
{{- if ne $earlier $source }}
{{- fail (printf "rules: secret %s has two sources, %s and %s: every rule for one secret must name the same source (or none), as its copies can only follow one" $rule.secret (default "none" $earlier) (default "none" $source)) }}
{{- end }}
{{- else }}
{{- $_ := set $sourceBySecret $rule.secret $source }}
{{- if $source }}
{{- $parts := splitList "/" $source }}
{{- $provisioned = append $provisioned (dict "secret" $rule.secret "namespace" (index $parts 0) "name" (index $parts 1)) }}
{{- end }}
{{- end }}
{{- end }}
{{- if not $provisioned }}
{{- fail "provisioner.enabled needs at least one rule with a source (\"namespace/name\" of the Secret to copy)" }}
{{- end }}
{{- toJson $provisioned }}
{{- end }}

{{/* The source namespaces of the provisioned rules, sorted, each once. */}}
{{- define "pullsecret-webhook.sourceNamespaces" -}}
{{- $namespaces := list }}
{{- range (include "pullsecret-webhook.provisionedRules" . | fromJsonArray) }}
{{- $namespaces = append $namespaces .namespace }}
{{- end }}
{{- toJson ($namespaces | uniq | sortAlpha) }}
{{- end }}
