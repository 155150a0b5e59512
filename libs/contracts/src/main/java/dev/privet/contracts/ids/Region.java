package dev.privet.contracts.ids;

import java.util.regex.Pattern;

/** An AWS region name such as {@code us-east-1}; availability zones are the region plus a letter. */
public record Region(String name) {
    private static final Pattern FORMAT = Pattern.compile("[a-z]{2}(-gov)?-[a-z]+-\\d");

    public static final Region DEFAULT = new Region("us-east-1");

    public Region {
        if (name == null || !FORMAT.matcher(name).matches()) {
            throw new IllegalArgumentException("not a region name: '" + name + "'");
        }
    }

    /** Whether {@code zone} is one of this region's availability zones ({@code us-east-1a}). */
    public boolean hasZone(String zone) {
        return zone != null && zone.length() == name.length() + 1 && zone.startsWith(name)
                && Character.isLowerCase(zone.charAt(name.length()));
    }

    @Override
    public String toString() {
        return name;
    }
}
