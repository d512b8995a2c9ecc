package de.gemeinwerk.lorawan.mqtt;

import de.gemeinwerk.lorawan.registry.NetworkServerNames;
import de.gemeinwerk.lorawan.uplink.NetworkServer;
import de.gemeinwerk.platform.error.ApiException;

import java.net.URI;
import java.net.URISyntaxException;
import java.security.cert.CertificateException;
import java.util.regex.Pattern;

/**
 * The body of {@code POST …/mqtt-connections}, and its rules. Everything that would only fail later, at connect time
 * (a URI Paho cannot use, a PEM that is no certificate, a username that does not name the TTS topic tree), is a 400
 * here, naming the field.
 */
public record MqttConnectionRequest(String name, String networkServer, String uri, String username, String password,
                             String applicationId, String caCertificate) {

    private static final int MAX_NAME_LENGTH = 200;
    private static final Pattern CHIRPSTACK_APPLICATION = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    // The Things Stack's identifiers: lowercase letters, digits and single dashes, 2 to 36 characters
    private static final String TTS_ID = "[a-z0-9](?:-?[a-z0-9]){1,35}";
    private static final Pattern TTS_APPLICATION = Pattern.compile(TTS_ID);

    /** The request as a connection to store, checked; throws a 400 naming the first wrong field. */
    public NewMqttConnection validate() {
        String validName = required(name, "name").strip();
        if (validName.isEmpty() || validName.length() > MAX_NAME_LENGTH) {
            throw invalid("name must have 1 to " + MAX_NAME_LENGTH + " characters.", "name");
        }
        NetworkServer server = NetworkServerNames.parse(required(networkServer, "networkServer"),
                "body: /networkServer");
        String application = required(applicationId, "applicationId");
        if (server == NetworkServer.CHIRPSTACK && !CHIRPSTACK_APPLICATION.matcher(application).matches()) {
            throw invalid("applicationId must be the ChirpStack application's UUID.", "applicationId");
        }
        if (server == NetworkServer.THE_THINGS_STACK) {
            checkTtsIdentity(application);
        }
        if ((username == null) != (password == null)) {
            throw invalid("username and password go together: give both or neither.",
                    username == null ? "username" : "password");
        }
        URI brokerUri = brokerUri(required(uri, "uri"));
        if (caCertificate != null) {
            checkCaCertificate(brokerUri);
        }
        return new NewMqttConnection(validName, server, brokerUri.toString(), username, password,
                server == NetworkServer.CHIRPSTACK ? application.toLowerCase() : application, caCertificate);
    }

    /** A connection that passed {@link #validate}. */
    public record NewMqttConnection(String name, NetworkServer networkServer, String uri, String username, String password,
                             String applicationId, String caCertificate) {
    }

    /**
     * The TTS MQTT server takes {@code app@tenant} (The Things Stack Cloud, TTN: {@code app@ttn}) or the bare
     * application id (Open Source) as username, and the topics begin with exactly that username.
     */
    private void checkTtsIdentity(String application) {
        if (!TTS_APPLICATION.matcher(application).matches()) {
            throw invalid("applicationId must be The Things Stack application id (lowercase letters, digits, dashes).",
                    "applicationId");
        }
        if (username == null) {
            throw invalid("The Things Stack's MQTT server needs a username ({application id}@{tenant id}) and an API key "
                    + "as password.", "username");
        }
        if (!username.matches(Pattern.quote(application) + "(@" + TTS_ID + ")?")) {
            throw invalid("username must be '" + application + "@{tenant id}' (or '" + application
                    + "' on The Things Stack Open Source): it names the topics of the application's uplinks.", "username");
        }
    }

    private URI brokerUri(String text) {
        URI parsed;
        try {
            parsed = new URI(text);
        } catch (URISyntaxException e) {
            throw invalid("uri is not a URI: " + e.getReason() + ".", "uri");
        }
        if (!"tcp".equals(parsed.getScheme()) && !"ssl".equals(parsed.getScheme())) {
            throw invalid("uri must begin with ssl:// (TLS) or tcp://, e.g. ssl://broker.example.org:8883.", "uri");
        }
        boolean onlyHostAndPort = parsed.getRawUserInfo() == null && parsed.getRawQuery() == null
                && parsed.getRawFragment() == null && (parsed.getRawPath() == null || parsed.getRawPath().isEmpty());
        if (parsed.getHost() == null || !onlyHostAndPort) {
            throw invalid("uri must be scheme://host or scheme://host:port, without user, path or query.", "uri");
        }
        return parsed;
    }

    private void checkCaCertificate(URI brokerUri) {
        if (!"ssl".equals(brokerUri.getScheme())) {
            throw invalid("caCertificate needs an ssl:// uri: over tcp:// nothing is verified.", "caCertificate");
        }
        try {
            BrokerTls.certificates(caCertificate);
        } catch (CertificateException e) {
            // the parser's own message names Java internals, not what the admin can fix
            throw invalid("caCertificate must be a PEM certificate (-----BEGIN CERTIFICATE----- …).", "caCertificate");
        }
    }

    private static String required(String value, String field) {
        if (value == null || value.isBlank()) {
            throw invalid(field + " is missing.", field);
        }
        return value;
    }

    private static ApiException invalid(String message, String field) {
        return ApiException.badRequest(message, "body: /" + field);
    }
}
