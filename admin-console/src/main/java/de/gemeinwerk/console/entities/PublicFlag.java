package de.gemeinwerk.console.entities;

import de.gemeinwerk.sensorthings.model.EntityType;

/**
 * Whether a Thing or Datastream is public: what the edit pages' public/private field reads and sets. Implemented by
 * the SensorThings visibility service; without a bean of this type the field is not shown.
 */
public interface PublicFlag {

    /** 404 ApiException if the entity is not the tenant's. */
    boolean isPublic(long tenantId, EntityType type, long id);

    void setPublic(long tenantId, EntityType type, long id, boolean isPublic);
}
