package org.rongtong.registry.config;

import java.util.Optional;

import io.smallrye.config.ConfigMapping;

@ConfigMapping(prefix = "rongtong.reference")
public interface ReferenceConfig {

    /** A CSV file of industrial chains replacing the bundled sample set (columns: code,name,nameEn,flagshipProvinces). */
    Optional<String> chainsFile();
}
