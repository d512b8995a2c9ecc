package de.gemeinwerk.lorawan.mqtt;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;

/**
 * TLS towards a broker: the JVM's trusted CAs (public brokers such as TTN's) plus, optionally, the CA of a broker with
 * a private PKI (a municipality's own ChirpStack). Both go into one trust store, so the usual PKIX checks — chain,
 * validity, and the host name, which Paho verifies — apply to either.
 */
final class BrokerTls {

    private BrokerTls() {
    }

    /**
     * The certificates of a PEM text (one or more {@code BEGIN CERTIFICATE} blocks).
     *
     * @throws CertificateException when it holds no certificate or is not PEM
     */
    static List<X509Certificate> certificates(String pem) throws CertificateException {
        List<X509Certificate> certificates = new ArrayList<>();
        CertificateFactory factory = CertificateFactory.getInstance("X.509");
        for (var certificate : factory.generateCertificates(
                new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)))) {
            certificates.add((X509Certificate) certificate);
        }
        if (certificates.isEmpty() || !pem.strip().startsWith("-----BEGIN CERTIFICATE-----")) {
            throw new CertificateException("expected PEM certificates (-----BEGIN CERTIFICATE-----)");
        }
        return certificates;
    }

    /** A socket factory trusting the JVM's CAs and those of {@code caPem} (may be null). */
    static SSLSocketFactory socketFactory(String caPem) throws GeneralSecurityException {
        if (caPem == null) {
            return SSLContext.getDefault().getSocketFactory();
        }
        KeyStore trusted = KeyStore.getInstance(KeyStore.getDefaultType());
        try {
            trusted.load(null, null);
        } catch (IOException e) {
            throw new GeneralSecurityException(e);
        }
        int n = 0;
        for (X509Certificate jvmCa : jvmTrustManager().getAcceptedIssuers()) {
            trusted.setCertificateEntry("jvm-" + n++, jvmCa);
        }
        for (X509Certificate ca : certificates(caPem)) {
            trusted.setCertificateEntry("connection-" + n++, ca);
        }
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(trusted);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, factory.getTrustManagers(), null);
        return context.getSocketFactory();
    }

    private static X509TrustManager jvmTrustManager() throws GeneralSecurityException {
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init((KeyStore) null);
        for (var manager : factory.getTrustManagers()) {
            if (manager instanceof X509TrustManager x509) {
                return x509;
            }
        }
        throw new GeneralSecurityException("the JVM has no X.509 trust manager");
    }
}
