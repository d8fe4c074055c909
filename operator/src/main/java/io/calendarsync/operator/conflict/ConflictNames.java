package io.calendarsync.operator.conflict;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The CalendarSyncConflict name for a provider's entry: the provider name plus a digest of the entry id, so the same
 * conflict always has the same name (a repeated report updates it) and any entry id yields a valid Kubernetes name.
 */
public final class ConflictNames {

  /** Label on every conflict naming its provider, for {@code kubectl get calendarsyncconflicts -l}. */
  public static final String PROVIDER_LABEL = "calendarsync.io/provider";

  private ConflictNames() {}

  public static String of(String providerName, String entryId) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(entryId.getBytes(StandardCharsets.UTF_8));
      String prefix = providerName.length() > 200 ? providerName.substring(0, 200) : providerName;
      return prefix + "-" + HexFormat.of().formatHex(digest, 0, 5);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JRE", e);
    }
  }
}
