package de.gemeinwerk.platform.access;

import com.fasterxml.jackson.annotation.JsonValue;
import de.gemeinwerk.platform.error.ApiException;

import java.util.Locale;

/** What an API key may do. Each role includes the ones before it: ADMIN ⊇ WRITE ⊇ READ. */
public enum Role {
    READ, WRITE, ADMIN;

    /** Whether this role may do what {@code needed} allows. */
    public boolean includes(Role needed) {
        return compareTo(needed) >= 0;
    }

    /** The name in the database, the API and the command line: {@code read}, {@code write} or {@code admin}. */
    @JsonValue
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The role named {@code value} (case-insensitive); 400 for anything else. */
    public static Role parse(String value) {
        for (Role role : values()) {
            if (role.value().equalsIgnoreCase(value)) {
                return role;
            }
        }
        throw ApiException.badRequest("A role must be 'read', 'write' or 'admin'.", "role");
    }
}
