package org.rongtong.web.security;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.StartupEvent;

/**
 * A production service refuses to start when it would trust the development issuer or key pair, whose private half
 * is public in this repository. The one exception is the local stack on a developer's machine: it may allow the
 * development key explicitly, and only while the service listens on a loopback address.
 */
@ApplicationScoped
public class DevelopmentKeyGuard {

    static final String DEV_ISSUER = "https://dev.rongtong.org/issuer";
    static final String DEV_KEY_RESOURCE = "rongtong-dev-jwt-public.pem";

    private final Optional<String> issuer;
    private final Optional<String> keyLocation;
    private final String host;
    private final boolean allowed;

    public DevelopmentKeyGuard(@ConfigProperty(name = "mp.jwt.verify.issuer") Optional<String> issuer,
            @ConfigProperty(name = "mp.jwt.verify.publickey.location") Optional<String> keyLocation,
            @ConfigProperty(name = "quarkus.http.host", defaultValue = "0.0.0.0") String host,
            @ConfigProperty(name = "rongtong.security.allow-development-key", defaultValue = "false") boolean allowed) {
        this.issuer = issuer;
        this.keyLocation = keyLocation;
        this.host = host;
        this.allowed = allowed;
    }

    void onStart(@Observes StartupEvent event) {
        if (LaunchMode.current() == LaunchMode.NORMAL) {
            check(issuer.orElse(null), keyLocation.orElse(null), host, allowed);
        }
    }

    /** Throws, stopping the start, when a production configuration would trust the development key pair. */
    static void check(String issuer, String keyLocation, String host, boolean allowed) {
        boolean development = DEV_ISSUER.equals(issuer) || isDevelopmentKey(keyLocation);
        if (!development) {
            return;
        }
        if (!allowed) {
            throw new IllegalStateException("Refusing to start: production trusts the development JWT issuer or key, whose "
                    + "private half is public. Set RONGTONG_JWT_ISSUER and RONGTONG_JWT_PUBLIC_KEY_LOCATION to your own.");
        }
        if (!isLoopback(host)) {
            throw new IllegalStateException("Refusing to start: the development JWT key is allowed only on a loopback "
                    + "address, and quarkus.http.host is " + host);
        }
    }

    static boolean isDevelopmentKey(String location) {
        if (location == null || location.isBlank()) {
            return false;
        }
        if (location.endsWith(DEV_KEY_RESOURCE)) {
            return true;
        }
        // a copy of the development key under another name is the same key
        return read(location).map(DevelopmentKeyGuard::normalise)
                .filter(pem -> pem.equals(read(DEV_KEY_RESOURCE).map(DevelopmentKeyGuard::normalise).orElse(null))).isPresent();
    }

    private static Optional<String> read(String location) {
        String path = location.startsWith("file:") ? location.substring("file:".length()) : location;
        try {
            if (Files.isRegularFile(Path.of(path))) {
                return Optional.of(Files.readString(Path.of(path), StandardCharsets.US_ASCII));
            }
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
        String resource = path.startsWith("classpath:") ? path.substring("classpath:".length()) : path;
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource.replaceFirst("^/", ""))) {
            return in == null ? Optional.empty() : Optional.of(new String(in.readAllBytes(), StandardCharsets.US_ASCII));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static String normalise(String pem) {
        return pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
    }

    static boolean isLoopback(String host) {
        if ("localhost".equalsIgnoreCase(host)) {
            return true;
        }
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
