package io.calendarsync.operator.provider;

/** Why a provider cannot sync until someone changes its spec, its Secret or its namespace. */
public record Problem(String reason, String message) {}
