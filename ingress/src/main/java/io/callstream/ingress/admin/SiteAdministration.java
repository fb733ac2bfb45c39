package io.callstream.ingress.admin;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

import io.callstream.sites.TokenDigest;
import io.callstream.sites.store.SiteConfigs;
import io.callstream.sites.store.SiteStore;
import io.callstream.sites.store.SiteWriter;
import io.callstream.schema.BlockEntry;
import io.callstream.schema.PhoneNumbers;
import io.callstream.schema.RoutingRow;
import io.callstream.schema.SiteConfig;
import io.callstream.web.api.Violation;

/**
 * What the admin API does: validates, then applies each change to the latest committed version of
 * the site under the writer lease, so concurrent changes from several instances never undo each
 * other. Blocking (it waits for Kafka); call it off the event loop.
 */
public final class SiteAdministration {

    private final SiteStore store;
    private final SiteWriter writer;

    public SiteAdministration(SiteStore store, SiteWriter writer) {
        this.store = store;
        this.writer = writer;
    }

    public List<AdminApi.SiteView> sites() {
        return store.sites().stream().map(SiteAdministration::view).toList();
    }

    public AdminApi.SiteView site(String siteId) {
        return view(existing(store.site(siteId), siteId));
    }

    public AdminApi.SiteWithToken create(AdminApi.NewSite request) {
        RuleValidation validation = new RuleValidation();
        validation.siteId("id", request.id());
        String displayName = request.displayName() == null ? request.id() : request.displayName();
        validation.displayName("display_name", displayName);
        validation.countryCode("country_code", request.countryCode());
        validation.timeZone("time_zone", request.timeZone());
        validation.serviceLevelThreshold("service_level_threshold_seconds", request.serviceLevelThresholdSeconds());
        validation.abandonedShort("abandoned_short_seconds", request.abandonedShortSeconds());
        validation.throwIfInvalid();
        String token = TokenDigest.newToken();
        SiteConfig created = writer.write(request.id(), current -> {
            if (current.isPresent()) {
                throw new SiteConflictException("Site " + request.id() + " exists already.");
            }
            return Optional.of(SiteConfig.newBuilder()
                    .setSiteId(request.id())
                    .setDisplayName(displayName)
                    .setEnabled(request.enabled() == null || request.enabled())
                    .setCountryCode(request.countryCode())
                    .setTimeZone(orDefault(request.timeZone(), SiteConfigs.DEFAULT_TIME_ZONE))
                    .setServiceLevelThresholdSeconds(orDefault(request.serviceLevelThresholdSeconds(),
                            SiteConfigs.DEFAULT_SERVICE_LEVEL_THRESHOLD_SECONDS))
                    .setAbandonedShortSeconds(orDefault(request.abandonedShortSeconds(),
                            SiteConfigs.DEFAULT_ABANDONED_SHORT_SECONDS))
                    .setTokenSha256(TokenDigest.of(token)));
        }).orElseThrow();
        return new AdminApi.SiteWithToken(view(created), token);
    }

    public AdminApi.SiteView updateSettings(String siteId, AdminApi.SiteSettings settings) {
        RuleValidation validation = new RuleValidation();
        validation.displayName("display_name", settings.displayName());
        validation.countryCode("country_code", settings.countryCode());
        validation.timeZone("time_zone", settings.timeZone());
        validation.serviceLevelThreshold("service_level_threshold_seconds", settings.serviceLevelThresholdSeconds());
        validation.abandonedShort("abandoned_short_seconds", settings.abandonedShortSeconds());
        if (settings.enabled() == null) {
            validation.add("enabled", "is required");
        }
        validation.throwIfInvalid();
        return view(change(siteId, site -> site
                .setDisplayName(settings.displayName())
                .setEnabled(settings.enabled())
                .setCountryCode(settings.countryCode())
                .setTimeZone(orDefault(settings.timeZone(), SiteConfigs.DEFAULT_TIME_ZONE))
                .setServiceLevelThresholdSeconds(orDefault(settings.serviceLevelThresholdSeconds(),
                        SiteConfigs.DEFAULT_SERVICE_LEVEL_THRESHOLD_SECONDS))
                .setAbandonedShortSeconds(orDefault(settings.abandonedShortSeconds(),
                        SiteConfigs.DEFAULT_ABANDONED_SHORT_SECONDS))));
    }

    public AdminApi.SiteView setEnabled(String siteId, boolean enabled) {
        return view(change(siteId, site -> site.setEnabled(enabled)));
    }

    /** A new token replaces the old one at once, on every instance. */
    public AdminApi.SiteWithToken rotateToken(String siteId) {
        String token = TokenDigest.newToken();
        SiteConfig changed = change(siteId, site -> site.setTokenSha256(TokenDigest.of(token)));
        return new AdminApi.SiteWithToken(view(changed), token);
    }

    public List<AdminApi.BlockEntry> blockList(String siteId) {
        return existing(store.site(siteId), siteId).getBlockList().stream()
                .map(entry -> new AdminApi.BlockEntry(entry.getCallerId(), entry.getNote()))
                .toList();
    }

    public List<AdminApi.BlockEntry> replaceBlockList(String siteId, List<AdminApi.BlockEntry> entries) {
        List<BlockEntry> stored = entries.stream().map(SiteAdministration::stored).toList();
        change(siteId, site -> {
            RuleValidation validation = new RuleValidation();
            validation.size("block_list", entries.size(), RuleValidation.MAX_BLOCK_LIST_SIZE);
            for (int i = 0; i < entries.size(); i++) {
                validation.blockEntry("block_list[" + i + "]", entries.get(i).callerId(), entries.get(i).note());
            }
            validation.noDuplicates("block_list", "caller_id",
                    entries.stream().map(AdminApi.BlockEntry::callerId).toList(), site.getCountryCode());
            validation.throwIfInvalid();
            return site.setBlockList(stored);
        });
        return entries;
    }

    public AdminApi.BlockEntry addBlockEntry(String siteId, AdminApi.BlockEntry entry) {
        RuleValidation validation = new RuleValidation();
        validation.blockEntry("block_entry", entry.callerId(), entry.note());
        validation.throwIfInvalid();
        change(siteId, site -> {
            if (indexOf(site.getBlockList().stream().map(BlockEntry::getCallerId).toList(), entry.callerId(),
                    site.getCountryCode()) >= 0) {
                throw new SiteConflictException(entry.callerId() + " is on the block list already.");
            }
            List<BlockEntry> list = new ArrayList<>(site.getBlockList());
            list.add(stored(entry));
            validationOfSize("block_list", list.size(), RuleValidation.MAX_BLOCK_LIST_SIZE);
            return site.setBlockList(list);
        });
        return entry;
    }

    public void removeBlockEntry(String siteId, String callerId) {
        change(siteId, site -> {
            List<BlockEntry> list = new ArrayList<>(site.getBlockList());
            int index = indexOf(list.stream().map(BlockEntry::getCallerId).toList(), callerId, site.getCountryCode());
            if (index < 0) {
                throw new SiteNotFoundException(callerId + " is not on the block list of site " + siteId + ".");
            }
            list.remove(index);
            return site.setBlockList(list);
        });
    }

    public List<AdminApi.RoutingRow> routing(String siteId) {
        return existing(store.site(siteId), siteId).getRouting().stream()
                .map(row -> new AdminApi.RoutingRow(row.getDest(), row.getCallerId(), row.getNote()))
                .toList();
    }

    public List<AdminApi.RoutingRow> replaceRouting(String siteId, List<AdminApi.RoutingRow> rows) {
        List<RoutingRow> stored = rows.stream().map(SiteAdministration::stored).toList();
        change(siteId, site -> {
            RuleValidation validation = new RuleValidation();
            validation.size("routing", rows.size(), RuleValidation.MAX_ROUTING_SIZE);
            for (int i = 0; i < rows.size(); i++) {
                AdminApi.RoutingRow row = rows.get(i);
                validation.route("routing[" + i + "]", row.dest(), row.callerId(), row.note());
            }
            validation.noDuplicates("routing", "dest", rows.stream().map(AdminApi.RoutingRow::dest).toList(),
                    site.getCountryCode());
            validation.throwIfInvalid();
            return site.setRouting(stored);
        });
        return rows;
    }

    /** @param position where the row goes (0 = first); {@code null} appends it */
    public AdminApi.RoutingRow addRoute(String siteId, AdminApi.RoutingRow row, Integer position) {
        RuleValidation validation = new RuleValidation();
        validation.route("routing_row", row.dest(), row.callerId(), row.note());
        validation.throwIfInvalid();
        change(siteId, site -> {
            List<RoutingRow> rows = new ArrayList<>(site.getRouting());
            if (indexOf(rows.stream().map(RoutingRow::getDest).toList(), row.dest(), site.getCountryCode()) >= 0) {
                throw new SiteConflictException("The routing table has a row for " + row.dest() + " already.");
            }
            if (position != null && (position < 0 || position > rows.size())) {
                throw new InvalidSiteChangeException(List.of(new Violation("position",
                        "must be between 0 and " + rows.size())));
            }
            rows.add(position == null ? rows.size() : position, stored(row));
            validationOfSize("routing", rows.size(), RuleValidation.MAX_ROUTING_SIZE);
            return site.setRouting(rows);
        });
        return row;
    }

    public void removeRoute(String siteId, String destination) {
        change(siteId, site -> {
            List<RoutingRow> rows = new ArrayList<>(site.getRouting());
            int index = indexOf(rows.stream().map(RoutingRow::getDest).toList(), destination, site.getCountryCode());
            if (index < 0) {
                throw new SiteNotFoundException("The routing table of site " + siteId + " has no row for "
                        + destination + ".");
            }
            rows.remove(index);
            return site.setRouting(rows);
        });
    }

    public AdminApi.DefaultCallerId defaultCallerId(String siteId) {
        return new AdminApi.DefaultCallerId(existing(store.site(siteId), siteId).getDefaultCallerId());
    }

    public AdminApi.DefaultCallerId setDefaultCallerId(String siteId, AdminApi.DefaultCallerId callerId) {
        RuleValidation validation = new RuleValidation();
        validation.optionalCallerId("caller_id", callerId.callerId());
        validation.throwIfInvalid();
        String value = callerId.callerId() == null || callerId.callerId().isEmpty() ? null : callerId.callerId();
        change(siteId, site -> site.setDefaultCallerId(value));
        return new AdminApi.DefaultCallerId(value);
    }

    /** Applies {@code edit} to a copy of the latest version of an existing site and writes it. */
    private SiteConfig change(String siteId, UnaryOperator<SiteConfig.Builder> edit) {
        return writer.write(siteId, current -> Optional.of(edit.apply(SiteConfig.newBuilder(existing(current, siteId)))))
                .orElseThrow();
    }

    /** The site, or the admin API's 404 when there is none: for every handler of a site's change. */
    static SiteConfig existing(Optional<SiteConfig> site, String siteId) {
        return site.orElseThrow(() -> new SiteNotFoundException("There is no site " + siteId + "."));
    }

    private static int indexOf(List<String> numbers, String wanted, String countryCode) {
        String normalized = PhoneNumbers.normalize(wanted, countryCode);
        for (int i = 0; i < numbers.size(); i++) {
            if (PhoneNumbers.normalize(numbers.get(i), countryCode).equals(normalized)) {
                return i;
            }
        }
        return -1;
    }

    private static void validationOfSize(String field, int size, int max) {
        RuleValidation validation = new RuleValidation();
        validation.size(field, size, max);
        validation.throwIfInvalid();
    }

    private static BlockEntry stored(AdminApi.BlockEntry entry) {
        return new BlockEntry(entry.callerId(), entry.note());
    }

    private static RoutingRow stored(AdminApi.RoutingRow row) {
        return new RoutingRow(row.dest(), row.callerId(), row.note());
    }

    private static <T> T orDefault(T value, T fallback) {
        return value == null ? fallback : value;
    }

    static AdminApi.SiteView view(SiteConfig site) {
        return new AdminApi.SiteView(site.getSiteId(), site.getDisplayName(), site.getEnabled(), site.getCountryCode(),
                site.getTimeZone(), site.getServiceLevelThresholdSeconds(), site.getAbandonedShortSeconds(),
                site.getDefaultCallerId(), site.getBlockList().size(), site.getRouting().size(), site.getUpdatedAt());
    }
}
