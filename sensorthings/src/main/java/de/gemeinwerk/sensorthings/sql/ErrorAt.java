package de.gemeinwerk.sensorthings.sql;

import de.gemeinwerk.sensorthings.query.QuerySyntaxException;

/** Makes the error for one place in the expression text, so helpers need not know positions. */
@FunctionalInterface
interface ErrorAt {
    QuerySyntaxException at(String message);
}
