package de.gemeinwerk.sensorthings.visibility;

import de.gemeinwerk.platform.access.Access;
import de.gemeinwerk.platform.cache.ExpiringCache;
import de.gemeinwerk.platform.tenant.Tenants;
import de.gemeinwerk.sensorthings.changes.Change;
import de.gemeinwerk.sensorthings.changes.ChangeFeed;
import de.gemeinwerk.sensorthings.sql.ReadScope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.function.Consumer;

/**
 * Who reads what: the {@link ReadScope} of a request. A reader without a key of the tenant is kept from its private
 * entities only if the tenant has any — a flag cached per tenant, so that a tenant without private entities (the
 * usual case) reads with no visibility condition at all and pays one map look-up per request. The flag is forgotten
 * at once on this instance when {@link Visibility} changes something, and on every other instance when the change
 * feed announces the change (or after {@link Tenants#CACHE_TTL} at the latest, should the feed be disconnected).
 */
@Component
public class ReadScopes implements Consumer<List<Change>> {

    private final JdbcClient jdbc;
    private final ExpiringCache<Long, Boolean> hasPrivate = new ExpiringCache<>(Tenants.CACHE_TTL, 10_000);

    public ReadScopes(JdbcClient jdbc, ChangeFeed feed) {
        this.jdbc = jdbc;
        feed.subscribe(this);
    }

    /** The scope of a granted request. */
    public ReadScope of(Access access) {
        long tenantId = access.tenant().id();
        return access.seesPrivate() ? ReadScope.all(tenantId) : ofPublic(tenantId);
    }

    /** The scope of the public (no key): the portal's reads. */
    public ReadScope ofPublic(long tenantId) {
        return new ReadScope(tenantId, hasPrivate.get(tenantId, this::load));
    }

    /** After a visibility change of the tenant on this instance. */
    void forget(long tenantId) {
        hasPrivate.invalidate(tenantId);
    }

    /** On the change feed's thread: visibility changes made by any instance. */
    @Override
    public void accept(List<Change> changes) {
        for (Change change : changes) {
            if (change.kind() == Change.Kind.VISIBILITY) {
                forget(change.tenantId());
            }
        }
    }

    /** One probe of a partial index (only private rows are in it) per table. */
    private boolean load(long tenantId) {
        return jdbc.sql("select exists (select 1 from sta_thing where tenant_id = :t and not is_public)"
                        + " or exists (select 1 from sta_datastream where tenant_id = :t and not is_public)"
                        + " or exists (select 1 from sta_multi_datastream where tenant_id = :t and not is_public)")
                .param("t", tenantId).query(Boolean.class).single();
    }
}
