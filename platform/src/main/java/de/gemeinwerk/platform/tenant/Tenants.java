package de.gemeinwerk.platform.tenant;

import de.gemeinwerk.platform.cache.ExpiringCache;
import de.gemeinwerk.platform.error.ApiException;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import java.sql.Types;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The tenants of this installation (table {@code tenant}). Look-ups by slug happen on every request and are cached for
 * a few seconds; on a change, this instance forgets at once, other instances after at most {@link #CACHE_TTL}.
 */
@Service
public class Tenants {

    public static final Duration CACHE_TTL = Duration.ofSeconds(5);

    private static final Pattern SLUG = Pattern.compile("[a-z0-9-]{2,40}");
    // first path segments of the platform's own URLs; a tenant of that name could not be reached
    private static final Set<String> RESERVED_SLUGS = Set.of("admin", "actuator", "error");
    private static final int MAX_NAME_LENGTH = 200;
    private static final RowMapper<Tenant> TENANT = (rs, row) -> new Tenant(
            rs.getLong("id"), rs.getString("slug"), rs.getString("name"), rs.getBoolean("private_reads"));

    private final JdbcClient jdbc;
    private final ExpiringCache<String, Optional<Tenant>> bySlug = new ExpiringCache<>(CACHE_TTL, 10_000);

    public Tenants(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Creates a tenant; 400 for an invalid slug or name, 409 if the slug is taken. */
    public Tenant create(String slug, String name, boolean privateReads) {
        validateSlug(slug);
        validateName(name);
        Optional<Tenant> created = jdbc.sql("""
                        insert into tenant (slug, name, private_reads) values (:slug, :name, :privateReads)
                        on conflict (slug) do nothing
                        returning id, slug, name, private_reads""")
                .param("slug", slug).param("name", name.strip()).param("privateReads", privateReads)
                .query(TENANT).optional();
        bySlug.invalidate(slug);
        return created.orElseThrow(() -> ApiException.conflict("A tenant '" + slug + "' already exists."));
    }

    /** The tenant with this slug, if there is one (cached briefly). */
    public Optional<Tenant> find(String slug) {
        if (slug == null || !SLUG.matcher(slug).matches()) {
            return Optional.empty();
        }
        return bySlug.get(slug, s -> jdbc.sql("select id, slug, name, private_reads from tenant where slug = :slug")
                .param("slug", s).query(TENANT).optional());
    }

    /** The tenant with this slug; 404 if there is none. */
    public Tenant require(String slug) {
        return find(slug).orElseThrow(() -> ApiException.notFound("There is no tenant '" + slug + "'."));
    }

    public List<Tenant> list() {
        return jdbc.sql("select id, slug, name, private_reads from tenant order by slug").query(TENANT).list();
    }

    /**
     * Changes a tenant's name and/or whether its reads are private; a null argument leaves that value as it is.
     * 404 if there is no such tenant.
     */
    public Tenant update(String slug, String name, Boolean privateReads) {
        if (name != null) {
            validateName(name);
        }
        Optional<Tenant> updated = jdbc.sql("""
                        update tenant set name = coalesce(:name, name),
                                          private_reads = coalesce(:privateReads, private_reads)
                        where slug = :slug
                        returning id, slug, name, private_reads""")
                .param("slug", slug)
                .param("name", name == null ? null : name.strip(), Types.VARCHAR)
                .param("privateReads", privateReads, Types.BOOLEAN)
                .query(TENANT).optional();
        bySlug.invalidate(slug);
        return updated.orElseThrow(() -> ApiException.notFound("There is no tenant '" + slug + "'."));
    }

    private static void validateSlug(String slug) {
        if (slug == null || !SLUG.matcher(slug).matches()) {
            throw ApiException.badRequest(
                    "A tenant slug must be 2 to 40 lowercase letters (a-z), digits or '-'.", "slug");
        }
        if (RESERVED_SLUGS.contains(slug)) {
            throw ApiException.badRequest("The slug '" + slug + "' is reserved.", "slug");
        }
    }

    /** 400 (where {@code name}) unless the name is 1 to 200 characters. */
    public static void validateName(String name) {
        if (name == null || name.isBlank() || name.length() > MAX_NAME_LENGTH) {
            throw ApiException.badRequest("A tenant name must be 1 to " + MAX_NAME_LENGTH + " characters.", "name");
        }
    }
}
