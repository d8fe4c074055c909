/**
 * The Redis contract between the operator and the webhook receiver (docs/redis-contract.md): key names
 * ({@link io.calendarsync.api.redis.RedisKeys}), the channel registry, the notification stream and its
 * de-duplication, and the OAuth consent hand-off. Both sides read and write Redis only through these classes, so the
 * two cannot drift apart. Nothing here talks to Redis: the codecs turn records into the hash and stream fields and
 * back.
 */
package io.calendarsync.api.redis;
