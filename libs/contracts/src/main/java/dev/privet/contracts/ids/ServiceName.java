package dev.privet.contracts.ids;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The name consumers use to find an endpoint service: {@code com.amazonaws.vpce.<region>.vpce-svc-<17 hex>}.
 */
public record ServiceName(Region region, String serviceId) {
    private static final Pattern FORMAT = Pattern.compile("com\\.amazonaws\\.vpce\\.([a-z0-9-]+)\\.(vpce-svc-[0-9a-f]{17})");

    public ServiceName {
        if (!IdFormat.ENDPOINT_SERVICE.matches(serviceId)) {
            throw new IllegalArgumentException("not an endpoint service id: '" + serviceId + "'");
        }
    }

    public static Optional<ServiceName> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher m = FORMAT.matcher(text);
        if (!m.matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new ServiceName(new Region(m.group(1)), m.group(2)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    public String value() {
        return "com.amazonaws.vpce." + region.name() + "." + serviceId;
    }

    @Override
    public String toString() {
        return value();
    }
}
