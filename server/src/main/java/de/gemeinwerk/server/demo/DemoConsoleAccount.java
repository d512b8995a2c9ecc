package de.gemeinwerk.server.demo;

import de.gemeinwerk.platform.accounts.StaffAccounts;
import de.gemeinwerk.platform.tenant.Tenant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The demo municipality's console account: login {@code demo} with a random password in
 * {@code <data-dir>/demo-console-password} (readable by the owner only), created once — also for a data directory
 * made before the console existed. Every start says where the console and the password are.
 */
@Component
@ConditionalOnProperty(name = "gemeinwerk.demo.enabled", havingValue = "true")
public class DemoConsoleAccount {

    public static final String LOGIN = "demo";
    /** In the data dir: the demo account's password. */
    public static final String PASSWORD_FILE = "demo-console-password";
    private static final int PASSWORD_BYTES = 18;
    private static final Logger log = LoggerFactory.getLogger(DemoConsoleAccount.class);

    private final StaffAccounts accounts;
    private final Path dataDir;

    public DemoConsoleAccount(StaffAccounts accounts, @Value("${gemeinwerk.data-dir:./data}") Path dataDir) {
        this.accounts = accounts;
        this.dataDir = dataDir;
    }

    /** Creates the account if the tenant has none named {@code demo}; logs where to sign in. */
    void ensure(Tenant tenant) {
        Path file = dataDir.resolve(PASSWORD_FILE);
        if (accounts.list(tenant.id()).stream().noneMatch(a -> a.login().equals(LOGIN))) {
            byte[] random = new byte[PASSWORD_BYTES];
            new SecureRandom().nextBytes(random);
            String password = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
            accounts.create(tenant.id(), LOGIN, "Demo-Verwaltung", password);
            try {
                OwnerOnlyFile.write(file, password + System.lineSeparator());
            } catch (IOException e) {
                throw new UncheckedIOException("could not write the demo console password", e);
            }
        }
        if (Files.exists(file)) {
            log.info("Admin console of '{}': /{}/verwaltung/ — login '{}', the password is in {}", tenant.slug(),
                    tenant.slug(), LOGIN, file.toAbsolutePath().normalize());
        }
    }
}
