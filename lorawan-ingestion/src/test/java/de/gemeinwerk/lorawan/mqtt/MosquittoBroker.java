package de.gemeinwerk.lorawan.mqtt;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real Mosquitto (Debian's {@code mosquitto}, which {@code ./gemeinwerk test} installs) in a temporary directory:
 * a plain listener and a TLS listener on free ports of 127.0.0.1, user names and passwords only, persistence on —
 * so persistent sessions and their queued messages survive {@link #restart()}, as on a network server's broker.
 * The TLS listener's certificate is issued by a CA generated here ({@link #caCertificate()}).
 * <p>
 * A JUnit extension: {@code @RegisterExtension static final MosquittoBroker broker = MosquittoBroker.withUsers(…)}
 * starts it before the class's tests and stops it (and deletes its directory) after them.
 */
final class MosquittoBroker implements BeforeAllCallback, AfterAllCallback {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(15);
    private static final String STORE_PASSWORD = "test-store";

    private final Map<String, String> users;
    private final int port = freePort();
    private final int tlsPort = freePort();
    private Path dir;
    private Process process;

    private MosquittoBroker(Map<String, String> users) {
        this.users = users;
    }

    /** A broker that accepts these users (name → password). */
    static MosquittoBroker withUsers(Map<String, String> users) {
        return new MosquittoBroker(users);
    }

    @Override
    public void beforeAll(ExtensionContext context) throws IOException, InterruptedException {
        dir = Files.createTempDirectory("mosquitto");
        configure();
        startProcess();
    }

    @Override
    public void afterAll(ExtensionContext context) throws IOException, InterruptedException {
        if (process != null && process.isAlive()) {
            stop();
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
        }
    }

    String uri() {
        return "tcp://127.0.0.1:" + port;
    }

    String tlsUri() {
        return "ssl://127.0.0.1:" + tlsPort;
    }

    String caCertificate() throws IOException {
        return Files.readString(dir.resolve("ca.crt"));
    }

    /** Stops the broker (it saves its sessions, as on a shutdown) and starts it again on the same ports. */
    void restart() throws IOException, InterruptedException {
        stop();
        startProcess();
    }

    void stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }

    private void configure() throws IOException, InterruptedException {
        Path passwords = dir.resolve("passwd");
        Files.createFile(passwords);
        for (var user : users.entrySet()) {
            run("mosquitto_passwd", "-b", passwords.toString(), user.getKey(), user.getValue());
        }
        generateCertificates();
        Files.createDirectories(dir.resolve("data"));
        Files.writeString(dir.resolve("mosquitto.conf"), String.join("\n",
                // as root, Mosquitto would switch to the user "mosquitto", who cannot read this directory
                "user " + System.getProperty("user.name"),
                "per_listener_settings false",
                "allow_anonymous false",
                "password_file " + passwords,
                "persistence true",
                "persistence_location " + dir.resolve("data") + "/",
                "log_dest file " + dir.resolve("mosquitto.log"),
                "log_type error", "log_type warning", "log_type notice", "log_type information",
                "listener " + port + " 127.0.0.1",
                "listener " + tlsPort + " 127.0.0.1",
                "cafile " + dir.resolve("ca.crt"),
                "certfile " + dir.resolve("server.crt"),
                "keyfile " + dir.resolve("server.key"),
                ""));
    }

    /**
     * A CA, and a server certificate for 127.0.0.1 and localhost issued by it, made with the JDK's keytool (so the
     * tests need no openssl); Mosquitto reads PEM, so the server's key is written out as PKCS#8 PEM.
     */
    private void generateCertificates() throws IOException, InterruptedException {
        keytool("-genkeypair", "-alias", "ca", "-keyalg", "RSA", "-keysize", "2048", "-validity", "2",
                "-dname", "CN=Gemeinwerk Test CA", "-ext", "bc:c", "-ext", "ku:c=keyCertSign,cRLSign",
                "-keystore", "ca.p12");
        keytool("-exportcert", "-rfc", "-alias", "ca", "-keystore", "ca.p12", "-file", "ca.crt");
        keytool("-genkeypair", "-alias", "server", "-keyalg", "RSA", "-keysize", "2048", "-validity", "2",
                "-dname", "CN=127.0.0.1", "-keystore", "server.p12");
        keytool("-certreq", "-alias", "server", "-keystore", "server.p12", "-file", "server.csr");
        keytool("-gencert", "-rfc", "-alias", "ca", "-keystore", "ca.p12", "-infile", "server.csr",
                "-outfile", "server.crt", "-validity", "2", "-ext", "san=ip:127.0.0.1,dns:localhost");
        try (InputStream in = Files.newInputStream(dir.resolve("server.p12"))) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, STORE_PASSWORD.toCharArray());
            byte[] key = store.getKey("server", STORE_PASSWORD.toCharArray()).getEncoded();
            Files.writeString(dir.resolve("server.key"), "-----BEGIN PRIVATE KEY-----\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(key)
                    + "\n-----END PRIVATE KEY-----\n");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the generated server key cannot be read", e);
        }
    }

    private void keytool(String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "keytool")
                .toString(), "-noprompt", "-storetype", "PKCS12", "-storepass", STORE_PASSWORD));
        command.addAll(List.of(arguments));
        run(command.toArray(String[]::new));
    }

    private void startProcess() throws IOException, InterruptedException {
        String mosquitto = Files.isExecutable(Path.of("/usr/sbin/mosquitto")) ? "/usr/sbin/mosquitto" : "mosquitto";
        process = new ProcessBuilder(mosquitto, "-c", dir.resolve("mosquitto.conf").toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("mosquitto.out").toFile()).start();
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        while (!accepts(port) || !accepts(tlsPort)) {
            if (!process.isAlive() || Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("Mosquitto did not start: " + Files.readString(dir.resolve("mosquitto.out"))
                        + readIfExists(dir.resolve("mosquitto.log")));
            }
            Thread.sleep(50);
        }
    }

    private static String readIfExists(Path file) throws IOException {
        return Files.exists(file) ? Files.readString(file) : "";
    }

    private static boolean accepts(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private void run(String... command) throws IOException, InterruptedException {
        Process tool = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String output = new String(tool.getInputStream().readAllBytes());
        if (!tool.waitFor(30, TimeUnit.SECONDS) || tool.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
