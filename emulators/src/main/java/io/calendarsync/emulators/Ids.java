package io.calendarsync.emulators;

import java.security.SecureRandom;

/** Random identifiers and secrets in the alphabets the vendors use. */
public final class Ids {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String ALPHANUMERIC = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private static final String BASE32HEX = "0123456789abcdefghijklmnopqrstuv";

    private Ids() {
    }

    public static String alphanumeric(int length) {
        return from(ALPHANUMERIC, length);
    }

    /** Google event ids: lowercase base32hex. */
    public static String base32hex(int length) {
        return from(BASE32HEX, length);
    }

    private static String from(String alphabet, int length) {
        StringBuilder sb = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            sb.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
        }
        return sb.toString();
    }
}
