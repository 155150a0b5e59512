package dev.privet.testkit;

/** Reads and rewrites the database part of a {@code jdbc:postgresql://host:port/db?params} URL. */
final class JdbcUrl {

    private static final String PREFIX = "jdbc:postgresql://";

    private JdbcUrl() {
    }

    /** @return the URL with its database replaced by {@code database}, query parameters kept */
    static String withDatabase(String url, String database) {
        int pathStart = pathStart(url);
        int queryStart = url.indexOf('?', pathStart);
        String query = queryStart < 0 ? "" : url.substring(queryStart);
        return url.substring(0, pathStart) + "/" + database + query;
    }

    /** @return the database named in the URL, or "" when it names none */
    static String databaseOf(String url) {
        int pathStart = pathStart(url);
        int queryStart = url.indexOf('?', pathStart);
        String path = queryStart < 0 ? url.substring(pathStart) : url.substring(pathStart, queryStart);
        return path.startsWith("/") ? path.substring(1) : path;
    }

    private static int pathStart(String url) {
        if (!url.startsWith(PREFIX)) {
            throw new IllegalArgumentException("Not a PostgreSQL JDBC URL: " + url);
        }
        int hostStart = PREFIX.length();
        for (int i = hostStart; i < url.length(); i++) {
            char c = url.charAt(i);
            if (c == '/' || c == '?') {
                return i;
            }
        }
        return url.length();
    }
}
