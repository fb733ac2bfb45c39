package io.callstream.sites.rules;

import java.util.Collection;
import java.util.HashSet;
import java.util.Set;

import io.callstream.schema.PhoneNumbers;

/**
 * A site's inbound block list, normalised: an entry blocks exactly its number, or, when it ends in
 * {@code *}, every longer number that starts with it ({@code 1234*} blocks {@code 12345} but not
 * {@code 1234}; {@code 1234} blocks neither {@code 12345} nor {@code 123}). A lookup costs one hash
 * probe per prefix length in use, whatever the size of the list.
 */
public final class BlockList {

    private static final String WILDCARD = "*";

    private final Set<String> numbers;
    private final Set<String> prefixes;
    private final int shortestPrefix;
    private final int longestPrefix;

    private BlockList(Set<String> numbers, Set<String> prefixes) {
        this.numbers = numbers;
        this.prefixes = prefixes;
        this.shortestPrefix = prefixes.stream().mapToInt(String::length).min().orElse(Integer.MAX_VALUE);
        this.longestPrefix = prefixes.stream().mapToInt(String::length).max().orElse(-1);
    }

    /**
     * @param entries     caller ids as an operator wrote them; a {@code *} may only end an entry
     * @param countryCode the site's country code for national numbers, or {@code null}
     */
    public static BlockList of(Collection<String> entries, String countryCode) {
        Set<String> numbers = new HashSet<>();
        Set<String> prefixes = new HashSet<>();
        for (String entry : entries) {
            boolean prefix = entry.endsWith(WILDCARD);
            String number = prefix ? entry.substring(0, entry.length() - 1) : entry;
            if (number.contains(WILDCARD)) {
                throw new IllegalArgumentException("'*' may only end a block list entry: " + entry);
            }
            (prefix ? prefixes : numbers).add(PhoneNumbers.normalize(number, countryCode));
        }
        return new BlockList(Set.copyOf(numbers), Set.copyOf(prefixes));
    }

    /** @param caller a caller id already normalised with {@link PhoneNumbers} */
    public boolean blocks(String caller) {
        if (numbers.contains(caller)) {
            return true;
        }
        // A prefix entry needs at least one more character, so the caller itself is never probed.
        int longest = Math.min(longestPrefix, caller.length() - 1);
        for (int length = shortestPrefix; length <= longest; length++) {
            if (prefixes.contains(caller.substring(0, length))) {
                return true;
            }
        }
        return false;
    }
}
