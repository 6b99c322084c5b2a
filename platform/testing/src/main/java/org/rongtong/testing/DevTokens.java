package org.rongtong.testing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.util.Base64;
import java.util.Set;
import java.util.UUID;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;

/**
 * Mints bearer tokens signed with the development key pair, for tests and the local stack only.
 * The services trust the matching public key in the {@code %dev} and {@code %test} profiles and nowhere else.
 */
public final class DevTokens {

    public static final String ISSUER = "https://dev.rongtong.org/issuer";
    public static final String ENTERPRISE_CLAIM = "enterprise_id";
    public static final String REGION_CLAIM = "region";
    public static final String GRANT_CLAIM = "acts_for";

    private static final PrivateKey KEY = loadKey();

    private DevTokens() {
    }

    public static String enterprise(UUID enterpriseId) {
        return sign(base("enterprise-" + enterpriseId, "enterprise").claim(ENTERPRISE_CLAIM, enterpriseId.toString()));
    }

    public static String bureau(String regionPrefix) {
        return sign(base("bureau-" + regionPrefix, "bureau").claim(REGION_CLAIM, regionPrefix));
    }

    public static String operator() {
        return sign(base("operator", "operator"));
    }

    /** A partner system's token, granted to act for the given enterprises (none: it may only register and import). */
    public static String partner(UUID... actsFor) {
        return partner("partner", actsFor);
    }

    /** A partner token with its own subject, to tell two partner systems apart. */
    public static String partner(String subject, UUID... actsFor) {
        return sign(base(subject, "partner").claim(GRANT_CLAIM,
                java.util.Arrays.stream(actsFor).map(UUID::toString).toList()));
    }

    /** Another partner, by its token subject: for what one partner may not see of another's. */
    public static String partner(String subject) {
        return sign(base(subject, "partner"));
    }

    private static JwtClaimsBuilder base(String subject, String role) {
        return Jwt.issuer(ISSUER).subject(subject).upn(subject).groups(Set.of(role))
                .expiresIn(Duration.ofHours(12));
    }

    private static String sign(JwtClaimsBuilder claims) {
        return claims.jws().keyId("rongtong-dev").sign(KEY);
    }

    private static PrivateKey loadKey() {
        try (InputStream in = DevTokens.class.getResourceAsStream("/rongtong-dev-jwt-private.pem")) {
            String pem = new String(in.readAllBytes(), StandardCharsets.US_ASCII)
                    .replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem)));
        } catch (IOException | java.security.GeneralSecurityException e) {
            throw new IllegalStateException("The development signing key is missing or unreadable", e);
        }
    }
}
