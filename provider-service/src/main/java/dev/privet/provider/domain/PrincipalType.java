package dev.privet.provider.domain;

/** What an allowed principal stands for, as AWS reports it in {@code PrincipalType}. */
public enum PrincipalType {
    All, Account, User, Role;

    /** The type of a valid principal: {@code *}, {@code ...:root}, {@code ...:user/...} or {@code ...:role/...}. */
    public static PrincipalType of(String principal) {
        if ("*".equals(principal)) {
            return All;
        }
        if (principal.endsWith(":root")) {
            return Account;
        }
        return principal.contains(":user/") ? User : Role;
    }
}
