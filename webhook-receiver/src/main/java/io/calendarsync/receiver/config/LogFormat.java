package io.calendarsync.receiver.config;

/** How the receiver writes its logs: lines for people, or one JSON object per line for log pipelines. */
public enum LogFormat { text, json }
