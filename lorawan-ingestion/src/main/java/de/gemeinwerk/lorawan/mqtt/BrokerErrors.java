package de.gemeinwerk.lorawan.mqtt;

import de.gemeinwerk.platform.error.ApiException;
import org.eclipse.paho.client.mqttv3.MqttException;

import javax.net.ssl.SSLException;
import java.security.cert.CertificateException;
import java.util.concurrent.CompletionException;

/**
 * What went wrong with a broker, in words an admin can act on: the admin API shows it as {@code lastError}, so it
 * names causes (refused password, untrusted certificate, refused connection), not Java classes.
 */
final class BrokerErrors {

    private BrokerErrors() {
    }

    /** Refusals that will not go away by themselves: credentials, authorisation, certificates. */
    static boolean permanent(MqttException e) {
        int code = e.getReasonCode();
        return code == MqttException.REASON_CODE_FAILED_AUTHENTICATION
                || code == MqttException.REASON_CODE_NOT_AUTHORIZED
                || code == MqttException.REASON_CODE_INVALID_CLIENT_ID
                || tlsFailure(e) != null;
    }

    /**
     * Whether the sink refused an uplink for what it is (a 4xx {@link ApiException}), not for the state of the database
     * (a 503, or any other failure): only the latter may succeed when the broker redelivers it.
     */
    static boolean refusedForGood(Throwable error) {
        return unwrap(error) instanceof ApiException refusal && refusal.status().is4xxClientError();
    }

    static String describe(Throwable error) {
        Throwable e = unwrap(error);
        if (e instanceof MqttException mqtt) {
            if (mqtt.getReasonCode() == MqttException.REASON_CODE_FAILED_AUTHENTICATION) {
                return "the broker refused the username or password";
            }
            if (mqtt.getReasonCode() == MqttException.REASON_CODE_NOT_AUTHORIZED) {
                // Mosquitto, for one, answers a wrong password so
                return "the broker refused the connection: not authorized (wrong username or password?)";
            }
            Throwable tls = tlsFailure(e);
            if (tls != null) {
                return "TLS handshake failed: " + tls.getMessage();
            }
        }
        String message = e.getMessage() == null ? "no details" : e.getMessage();
        Throwable cause = e.getCause();
        return cause == null || cause.getMessage() == null ? message : message + " (" + cause.getMessage() + ")";
    }

    /** The failure itself, not the wrapper a dependent {@link java.util.concurrent.CompletableFuture} adds. */
    private static Throwable unwrap(Throwable error) {
        return error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
    }

    private static Throwable tlsFailure(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SSLException || t instanceof CertificateException) {
                return t;
            }
        }
        return null;
    }
}
