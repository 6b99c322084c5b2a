package org.rongtong.local;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;

/** Waits until a service's JVM answers UP on /q/health/ready of its management interface, or gives up with why. */
final class Readiness {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final Duration timeout;
    private final long deadline;

    /** One deadline for every wait through this instance: services started together share it. */
    Readiness(Duration timeout) {
        this.timeout = timeout;
        this.deadline = System.nanoTime() + timeout.toNanos();
    }

    /** {@code name} and {@code log} only explain a failure: the JVM exited, or was not ready in time. */
    void await(String name, Process process, String managementUrl, Path log) throws InterruptedException {
        while (true) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + "; see " + log);
            }
            if (isReady(managementUrl)) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(name + " not ready within " + timeout + "; see " + log);
            }
            Thread.sleep(500);
        }
    }

    private boolean isReady(String managementUrl) {
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(managementUrl + "/q/health/ready"))
                    .timeout(Duration.ofSeconds(3)).build(), HttpResponse.BodyHandlers.ofString());
            return r.statusCode() == 200 && r.body().contains("\"UP\"");
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
