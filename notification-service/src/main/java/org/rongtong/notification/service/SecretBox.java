package org.rongtong.notification.service;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.rongtong.notification.config.WebhookConfig;

/**
 * Signing secrets at rest: AES-256-GCM under the configured key ({@code rongtong.webhooks.secret-key}), stored as
 * {@code v1:<base64 of nonce | ciphertext | tag>}. A database dump alone then forges no webhook. A value still in
 * plaintext ({@code whsec_…}, written before encryption) reads as itself until start-up encrypts it.
 */
@ApplicationScoped
public class SecretBox {

    static final String VERSION = "v1:";
    private static final int NONCE = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();
    /** Decrypted secrets by stored value: a delivery needs its secret for every attempt, at 1,000/s. */
    private static final int CACHE_LIMIT = 10_000;

    private final SecretKey key;
    private final Map<String, String> opened = new ConcurrentHashMap<>();

    @Inject
    public SecretBox(WebhookConfig config) {
        this(config.secretKey());
    }

    public SecretBox(String base64Key) {
        byte[] raw;
        try {
            raw = Base64.getDecoder().decode(base64Key == null ? "" : base64Key.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("rongtong.webhooks.secret-key must be base64", e);
        }
        if (raw.length != 32) {
            throw new IllegalStateException("rongtong.webhooks.secret-key must be 32 bytes (base64), got " + raw.length);
        }
        this.key = new SecretKeySpec(raw, "AES");
    }

    public String seal(String secret) {
        byte[] nonce = new byte[NONCE];
        RANDOM.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            byte[] sealed = cipher.doFinal(secret.getBytes(StandardCharsets.UTF_8));
            return VERSION + Base64.getEncoder().encodeToString(ByteBuffer.allocate(NONCE + sealed.length).put(nonce).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM unavailable", e);
        }
    }

    /** The secret a stored value holds; null stays null. */
    public String open(String stored) {
        if (stored == null || stored.startsWith(WebhookSigner.PREFIX)) {
            return stored;
        }
        String known = opened.get(stored);
        if (known != null) {
            return known;
        }
        if (!stored.startsWith(VERSION)) {
            throw new IllegalStateException("A stored webhook secret has an unknown format");
        }
        byte[] all = Base64.getDecoder().decode(stored.substring(VERSION.length()));
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, all, 0, NONCE));
            String secret = new String(cipher.doFinal(all, NONCE, all.length - NONCE), StandardCharsets.UTF_8);
            if (opened.size() >= CACHE_LIMIT) {
                opened.clear();
            }
            opened.put(stored, secret);
            return secret;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("A stored webhook secret does not open with rongtong.webhooks.secret-key (wrong key?)", e);
        }
    }

    /** Whether a stored value is still plaintext (written before secrets were encrypted). */
    static boolean isPlain(String stored) {
        return stored != null && stored.startsWith(WebhookSigner.PREFIX);
    }
}
