package de.gemeinwerk.sensorthings.write;

import java.sql.Connection;
import java.time.OffsetDateTime;

/**
 * What every step of one write shares: the caller's transaction, the tenant every row must belong to,
 * and the request's "now" (one value, so a deep insert's defaults and HistoricalLocations agree).
 */
record WriteScope(Connection connection, long tenantId, OffsetDateTime now) {}
