package io.prescale.core.series;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The real traces that ship inside the jar (see {@code io/prescale/core/data/PROVENANCE.md} for sources and
 * licences), so that the demo and the tests need nothing from outside.
 */
public enum ShippedTrace {
    /** NYC taxi passengers per 30 min, 2014-07 → 2015-01 (NAB, MIT). A count per step. */
    NYC_TAXI("nab/nyc_taxi.csv", "nyc_taxi", LoadProfile.Unit.COUNT),
    /** AWS ELB requests per 5 min, two weeks of April 2014 (NAB, MIT). A count per step. */
    ELB_REQUEST_COUNT("nab/elb_request_count_8c0756.csv", "elb_request_count_8c0756", LoadProfile.Unit.COUNT),
    /** NASA KSC web server requests per minute, August 1995, with the Hurricane Erin outage. A count per step. */
    NASA_HTTP_AUG95("nasa_http/nasa_http_aug95_per_minute.csv", "nasa_http_aug95", LoadProfile.Unit.COUNT),
    /** Azure LLM code-completion requests per second, one hour of 2023 (CC-BY-4.0). A count per step. */
    AZURE_LLM_CODE("azure_llm_2023/azure_llm_code_requests_per_second.csv", "azure_llm_code", LoadProfile.Unit.COUNT);

    private final String resource;
    private final String seriesName;
    private final LoadProfile.Unit unit;

    ShippedTrace(String resource, String seriesName, LoadProfile.Unit unit) {
        this.resource = resource;
        this.seriesName = seriesName;
        this.unit = unit;
    }

    /** Path of the resource below {@code io/prescale/core/data/}. */
    public String resource() {
        return resource;
    }

    /** The series name the demo imports it as. */
    public String seriesName() {
        return seriesName;
    }

    /** What its values mean. */
    public LoadProfile.Unit unit() {
        return unit;
    }

    /** The file name, e.g. {@code nyc_taxi.csv}. */
    public String fileName() {
        return resource.substring(resource.lastIndexOf('/') + 1);
    }

    /** Opens the CSV bytes. */
    public InputStream open() {
        InputStream in = ShippedTrace.class.getResourceAsStream("/io/prescale/core/data/" + resource);
        if (in == null) {
            throw new IllegalStateException("shipped trace " + resource + " is missing from the class path");
        }
        return in;
    }

    /** Copies the CSV into {@code directory} (created if needed) and returns the file. */
    public Path copyTo(Path directory) {
        try {
            Files.createDirectories(directory);
            Path target = directory.resolve(fileName());
            try (InputStream in = open()) {
                Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
