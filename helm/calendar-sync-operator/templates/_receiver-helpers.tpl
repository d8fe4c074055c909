{{/*
Name prefix of the webhook receiver's objects.
*/}}
{{- define "calendar-sync-operator.receiverName" -}}
{{- printf "%s-receiver" (include "calendar-sync-operator.fullname" .) | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/*
Labels of the receiver's objects: the chart's labels with their own component, so neither the operator's selectors
nor the receiver's ever match the other's pods.
*/}}
{{- define "calendar-sync-operator.receiverLabels" -}}
{{ include "calendar-sync-operator.labels" . }}
app.kubernetes.io/component: webhook-receiver
{{- end }}

{{/*
Selector labels of the receiver pods. Immutable once installed: never add to them.
*/}}
{{- define "calendar-sync-operator.receiverSelectorLabels" -}}
app.kubernetes.io/name: {{ include "calendar-sync-operator.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/component: webhook-receiver
{{- end }}

{{/*
Receiver image reference: a digest pins it, otherwise the tag, defaulting to the appVersion.
*/}}
{{- define "calendar-sync-operator.receiverImage" -}}
{{- with .Values.receiver.image }}
{{- if .digest }}
{{- printf "%s@%s" .repository .digest }}
{{- else }}
{{- printf "%s:%s" .repository (default $.Chart.AppVersion .tag) }}
{{- end }}
{{- end }}
{{- end }}

{{/*
Host the receiver's Ingress serves: receiver.ingress.host, or else the host of receiver.publicUrl.
*/}}
{{- define "calendar-sync-operator.receiverHost" -}}
{{- if .Values.receiver.ingress.host }}
{{- .Values.receiver.ingress.host }}
{{- else if .Values.receiver.publicUrl }}
{{- (urlParse .Values.receiver.publicUrl).hostname }}
{{- end }}
{{- end }}
