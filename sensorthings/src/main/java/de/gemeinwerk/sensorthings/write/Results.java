package de.gemeinwerk.sensorthings.write;

import de.gemeinwerk.platform.error.ApiException;
import de.gemeinwerk.sensorthings.sql.PropertyColumns.Result;
import tools.jackson.databind.JsonNode;

import java.math.BigInteger;

/** Sorts an Observation's result into the typed columns described at the sta_observation table. */
final class Results {

    static final int NULL = 0;
    static final int NUMBER = 1;
    static final int INTEGER = 2;
    static final int STRING = 3;
    static final int BOOLEAN = 4;
    static final int OTHER_JSON = 5;

    static final Result NULL_RESULT = new Result(NULL, 0, null, false, null);

    /** Integers up to this magnitude are exact in a double. */
    private static final BigInteger EXACT_IN_DOUBLE = BigInteger.ONE.shiftLeft(53);

    private Results() {}

    static Result of(JsonNode value, Pointer at) {
        if (value.isNull()) {
            return NULL_RESULT;
        }
        if (value.isIntegralNumber()) {
            BigInteger integer = value.bigIntegerValue();
            return integer.abs().compareTo(EXACT_IN_DOUBLE) <= 0
                    ? new Result(INTEGER, integer.doubleValue(), null, false, null)
                    : json(value);
        }
        if (value.isNumber()) {
            double number = value.doubleValue();
            if (!Double.isFinite(number)) {
                throw ApiException.badRequest("the result " + value + " is out of the range of a number", at.where());
            }
            return new Result(NUMBER, number, null, false, null);
        }
        if (value.isString()) {
            return new Result(STRING, 0, value.stringValue(), false, null);
        }
        if (value.isBoolean()) {
            return new Result(BOOLEAN, 0, null, value.booleanValue(), null);
        }
        return json(value);
    }

    private static Result json(JsonNode value) {
        return new Result(OTHER_JSON, 0, null, false, value.toString());
    }
}
