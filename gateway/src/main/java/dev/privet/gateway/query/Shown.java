package dev.privet.gateway.query;

/** A client's value quoted for an error message, cut short: an answer must not echo a megabyte back. */
public final class Shown {
    static final int MAX = 64;

    private Shown() {
    }

    public static String of(String value) {
        return "'" + (value.length() <= MAX ? value : value.substring(0, MAX) + "...") + "'";
    }
}
