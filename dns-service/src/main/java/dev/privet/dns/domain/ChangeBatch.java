package dev.privet.dns.domain;

import dev.privet.contracts.errors.ErrorCode;
import dev.privet.contracts.errors.Rejection;
import dev.privet.contracts.events.Values.RecordSet;
import dev.privet.contracts.events.Values.RecordSetChange;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The changes of one ChangeResourceRecordSets request, each checked alone as it is added: a known action, a domain
 * name, a type a provider may change, a TTL, and values valid for the type. What a change means for the zone (in it,
 * there or not, beside a CNAME) is the decider's to check. Every refusal is {@code InvalidChangeBatch} naming the
 * change's field, as Route 53 refuses the whole batch for one bad change.
 */
public final class ChangeBatch {
    /** Route 53's limits on one batch. */
    public static final int MAX_CHANGES = 1000;
    public static final int MAX_VALUES = 1000;
    /** Route 53's limit on one value's length (a TXT value of several strings, say). */
    public static final int MAX_VALUE_LENGTH = 4000;
    /** Route 53's limit on the characters of all the values of one batch. */
    public static final int MAX_VALUE_CHARACTERS = 32_000;
    public static final long MAX_TTL = 2_147_483_647L;
    public static final Set<String> ACTIONS = Set.of("CREATE", "UPSERT", "DELETE");

    private final List<RecordSetChange> changes = new ArrayList<>();
    private int values;
    private int characters;

    /** Refuses a batch of more changes than Route 53 takes, before any is looked at. */
    public static ChangeBatch ofSize(int size) {
        if (size == 0) {
            throw Rejection.missing("changes");
        }
        if (size > MAX_CHANGES) {
            throw refused("changes", "at most " + MAX_CHANGES + " changes per batch, got " + size);
        }
        return new ChangeBatch();
    }

    /** Adds change {@code changes[index]}; throws naming its field at fault. */
    public void add(String action, String name, String type, Long ttl, List<String> recordValues) {
        String field = "changes[" + changes.size() + "]";
        if (action == null || !ACTIONS.contains(action)) {
            throw refused(field + ".action", "the action is CREATE, UPSERT or DELETE, got " + quoted(action));
        }
        String set = field + ".resourceRecordSet";
        String normalizedName = DnsName.normalized(name).orElseThrow(() -> refused(set + ".name",
                "not a domain name of labels of 1 to 63 letters, digits, hyphens or underscores, at most "
                        + DnsName.MAX_LENGTH + " characters: " + quoted(name)));
        RecordType recordType = RecordType.named(type).orElseThrow(() -> refused(set + ".type",
                "the type is A, AAAA, CNAME or TXT, got " + quoted(type)));
        if (!recordType.changeable()) {
            throw refused(set + ".type", "the zone's " + type + " record set is Privet's and cannot be changed");
        }
        if (ttl == null || ttl < 0 || ttl > MAX_TTL) {
            throw refused(set + ".ttl", "the TTL is 0 to " + MAX_TTL + " seconds, got " + ttl);
        }
        if (recordValues == null || recordValues.isEmpty()) {
            throw refused(set + ".resourceRecords", "a record set has at least one value");
        }
        values += recordValues.size();
        if (values > MAX_VALUES) {
            throw refused(set + ".resourceRecords", "at most " + MAX_VALUES + " values per batch");
        }
        if (recordType == RecordType.CNAME && recordValues.size() > 1) {
            throw refused(set + ".resourceRecords", "a CNAME record set has exactly one value");
        }
        List<String> normalized = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < recordValues.size(); i++) {
            String valueField = set + ".resourceRecords[" + i + "].value";
            String value = recordValues.get(i);
            if (value == null || value.length() > MAX_VALUE_LENGTH) {
                throw refused(valueField, "a value of 1 to " + MAX_VALUE_LENGTH + " characters is required");
            }
            characters += value.length();
            if (characters > MAX_VALUE_CHARACTERS) {
                throw refused(valueField, "at most " + MAX_VALUE_CHARACTERS + " characters of values per batch");
            }
            String served = recordType.normalized(value).orElseThrow(() -> refused(valueField,
                    "not " + recordType.valueShape() + ": " + quoted(value)));
            if (!seen.add(served)) {
                throw refused(valueField, "the value is given twice: " + quoted(value));
            }
            normalized.add(served);
        }
        changes.add(new RecordSetChange(action, new RecordSet(normalizedName, type, ttl, normalized)));
    }

    /** The changes added, in order. */
    public List<RecordSetChange> changes() {
        return List.copyOf(changes);
    }

    static Rejection refused(String field, String detail) {
        return Rejection.invalid(ErrorCode.INVALID_CHANGE_BATCH, field, detail);
    }

    /** Echoes at most the start of a value: a huge one must not come back whole in the error. */
    private static String quoted(String value) {
        if (value == null) {
            return "nothing";
        }
        return "'" + (value.length() <= 64 ? value : value.substring(0, 64) + "...") + "'";
    }
}
