package dev.privet.contracts.ids;

import java.util.regex.Pattern;

/** A 12-digit AWS account id, the owner of every resource and the actor of every request. */
public record AccountId(String value) {
    private static final Pattern FORMAT = Pattern.compile("\\d{12}");

    public AccountId {
        if (!isValid(value)) {
            throw new IllegalArgumentException("an account id is 12 digits, got '" + value + "'");
        }
    }

    public static boolean isValid(String value) {
        return value != null && FORMAT.matcher(value).matches();
    }

    /** The principal ARN that stands for the whole account, {@code arn:aws:iam::<account>:root}. */
    public String rootArn() {
        return "arn:aws:iam::" + value + ":root";
    }

    @Override
    public String toString() {
        return value;
    }
}
