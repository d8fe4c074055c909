{{/*
Chart name, truncated to the 63 characters a label value allows.
*/}}
{{- define "calendar-sync-operator.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/*
Fully qualified name; also the prefix of every resource and the default Lease name.
*/}}
{{- define "calendar-sync-operator.fullname" -}}
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

{{/*
Chart label value.
*/}}
{{- define "calendar-sync-operator.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/*
Labels on every object of the chart.
*/}}
{{- define "calendar-sync-operator.labels" -}}
helm.sh/chart: {{ include "calendar-sync-operator.chart" . }}
app.kubernetes.io/name: {{ include "calendar-sync-operator.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
app.kubernetes.io/part-of: calendar-sync
{{- end }}

{{/*
Labels of the operator's own objects. The component label keeps the operator's selectors from matching the
webhook receiver's pods, which will live in the same release.
*/}}
{{- define "calendar-sync-operator.operatorLabels" -}}
{{ include "calendar-sync-operator.labels" . }}
app.kubernetes.io/component: operator
{{- end }}

{{/*
Selector labels of the operator pods. Immutable once installed: never add to them.
*/}}
{{- define "calendar-sync-operator.selectorLabels" -}}
app.kubernetes.io/name: {{ include "calendar-sync-operator.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/component: operator
{{- end }}

{{/*
ServiceAccount the operator runs as.
*/}}
{{- define "calendar-sync-operator.serviceAccountName" -}}
{{- if .Values.serviceAccount.create }}
{{- default (include "calendar-sync-operator.fullname" .) .Values.serviceAccount.name }}
{{- else }}
{{- default "default" .Values.serviceAccount.name }}
{{- end }}
{{- end }}

{{/*
Operator image reference: a digest pins it, otherwise the tag, defaulting to the appVersion.
*/}}
{{- define "calendar-sync-operator.image" -}}
{{- if .Values.image.digest }}
{{- printf "%s@%s" .Values.image.repository .Values.image.digest }}
{{- else }}
{{- printf "%s:%s" .Values.image.repository (default .Chart.AppVersion .Values.image.tag) }}
{{- end }}
{{- end }}

{{/*
Lease the operator replicas compete for.
*/}}
{{- define "calendar-sync-operator.leaseName" -}}
{{- default (include "calendar-sync-operator.fullname" .) .Values.leaderElection.leaseName }}
{{- end }}

{{/*
Secret holding the OAuth/Redis encryption key: the user's, or the one this chart generates.
*/}}
{{- define "calendar-sync-operator.encryptionSecretName" -}}
{{- if .Values.encryption.existingSecret }}
{{- .Values.encryption.existingSecret }}
{{- else }}
{{- printf "%s-encryption" (include "calendar-sync-operator.fullname" .) }}
{{- end }}
{{- end }}

{{/*
Key of the encryption key inside that Secret. The generated Secret always uses "encryption-key".
*/}}
{{- define "calendar-sync-operator.encryptionSecretKey" -}}
{{- if .Values.encryption.existingSecret }}
{{- .Values.encryption.existingSecretKey }}
{{- else -}}
encryption-key
{{- end }}
{{- end }}

{{/*
Rules for the namespaced resources the operator reconciles and reads. Rendered into one ClusterRole when all
namespaces are watched, or into one Role per watched namespace. Exactly what the code calls, nothing more.
*/}}
{{- define "calendar-sync-operator.namespacedRules" -}}
- apiGroups: ["calendarsync.io"]
  resources: ["calendarproviders"]
  verbs: ["get", "list", "watch", "patch", "update"]
- apiGroups: ["calendarsync.io"]
  resources: ["calendarsyncconflicts"]
  verbs: ["get", "list", "watch", "create", "patch", "update", "delete"]
- apiGroups: ["calendarsync.io"]
  resources: ["calendarproviders/status", "calendarsyncconflicts/status"]
  verbs: ["get", "patch", "update"]
- apiGroups: ["calendarsync.io"]
  resources: ["calendarproviders/finalizers", "calendarsyncconflicts/finalizers"]
  verbs: ["update"]
# RBAC cannot narrow by label; the operator itself only reads Secrets labelled calendarsync.io/credentials.
# It writes only its own token Secrets (<provider>-calendarsync-tokens, owned by their provider): create cannot be
# narrowed by name, and update/patch by name would need one rule per provider. No delete: the garbage collector
# removes a token Secret with its provider.
- apiGroups: [""]
  resources: ["secrets"]
  verbs: ["get", "list", "watch", "create", "update", "patch"]
- apiGroups: [""]
  resources: ["events"]
  verbs: ["create", "patch"]
{{- end }}
