package dev.privet.provider.api;

import dev.privet.provider.domain.PrincipalType;

import java.util.Collection;
import java.util.List;

/** The principals allowed to connect to a service. */
public record PermissionsResponse(List<AllowedPrincipal> allowedPrincipals) {

    /** One allowed principal and what it stands for. */
    public record AllowedPrincipal(String principal, String principalType) {
    }

    static PermissionsResponse of(Collection<String> principals) {
        return new PermissionsResponse(principals.stream().sorted()
                .map(p -> new AllowedPrincipal(p, PrincipalType.of(p).name())).toList());
    }
}
