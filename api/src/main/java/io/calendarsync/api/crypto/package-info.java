/**
 * The cryptography operator and receiver share: the configured {@link io.calendarsync.api.crypto.EncryptionKey},
 * {@link io.calendarsync.api.crypto.SecretBox} (AES-256-GCM for values kept in Redis),
 * {@link io.calendarsync.api.crypto.SigningKey} (HMAC-SHA256) and {@link io.calendarsync.api.crypto.TokenDigest}
 * (how channel tokens are stored without being stored).
 */
package io.calendarsync.api.crypto;
