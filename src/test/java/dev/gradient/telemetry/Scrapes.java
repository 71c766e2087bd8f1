package dev.gradient.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gradient.api.HttpApi;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads series out of {@code /actuator/prometheus}; public for the meter tests of other packages. */
public final class Scrapes {

    private Scrapes() {
    }

    /** The text of {@code /actuator/prometheus}, as {@code api} gets it. */
    public static String scrape(HttpApi api) {
        HttpApi.Reply reply = api.get("/actuator/prometheus");
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return reply.body();
    }

    /** The value of {@code series} (its name and labels as Prometheus writes them) in {@code scrape}, 0 where it is absent. */
    public static double value(String scrape, String series) {
        Matcher line = Pattern.compile("(?m)^" + Pattern.quote(series) + " (\\S+)$").matcher(scrape);
        return line.find() ? Double.parseDouble(line.group(1)) : 0;
    }

    /** The value of {@code series} in a new scrape by {@code api}, which must show it. */
    public static double scraped(HttpApi api, String series) {
        String scrape = scrape(api);
        assertThat(scrape).as("series %s", series).containsPattern("(?m)^" + Pattern.quote(series) + " ");
        return value(scrape, series);
    }
}
