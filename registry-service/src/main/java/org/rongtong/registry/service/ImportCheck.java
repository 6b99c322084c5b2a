package org.rongtong.registry.service;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.rongtong.registry.model.ImportJob.Rejection;
import org.rongtong.web.problem.Problem.FieldError;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The first pass of an import (ADR 0013): reads every row of the spooled upload and checks it (constraints, reference
 * codes, codes repeated in the file), keeping only what it needs to judge later rows.
 */
@ApplicationScoped
public class ImportCheck {

    private final ProfileRules rules;
    private final ObjectMapper mapper;

    public ImportCheck(ProfileRules rules, ObjectMapper mapper) {
        this.rules = rules;
        this.mapper = mapper;
    }

    record Checked(int total, List<Rejection> rejections) {
    }

    /** Checks every row; hands the valid ones to {@code valid} (an atomic file's, only while none was bad). */
    Checked check(String format, ImportUpload upload, PreparedRows.Writer<ImportFile.Row> valid, boolean atomic) throws IOException {
        List<Rejection> rejections = new ArrayList<>();
        Map<String, Integer> firstLineOfCode = new HashMap<>();
        int[] total = {0};
        try (BufferedReader text = upload.reader()) {
            ImportFile.read(format, text, mapper, row -> {
                total[0]++;
                List<FieldError> errors = new ArrayList<>(row.errors());
                if (row.request() != null && errors.isEmpty()) {
                    errors.addAll(rules.problems(row.request()));
                    String code = row.request().creditCode();
                    Integer earlier = code == null ? null : firstLineOfCode.putIfAbsent(code, row.line());
                    if (earlier != null) {
                        errors.add(new FieldError("creditCode", "repeats line " + earlier + " of this file"));
                    }
                } else if (row.request() == null && errors.isEmpty()) {
                    errors.add(new FieldError("line", "holds no profile"));
                }
                if (!errors.isEmpty()) {
                    rejections.add(new Rejection(row.line(), errors));
                } else if (!atomic || rejections.isEmpty()) {
                    try {
                        valid.add(row);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        return new Checked(total[0], rejections);
    }

    static byte[] fingerprint(String owner, String format, boolean atomic, ImportUpload upload) {
        // the owner is part of it: another caller reusing a key gets 422, never someone else's job
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update((owner + "|" + format + "|" + atomic + "|" + upload.charset().name() + "|").getBytes(StandardCharsets.UTF_8));
            digest.update(upload.sha256());
            return digest.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
