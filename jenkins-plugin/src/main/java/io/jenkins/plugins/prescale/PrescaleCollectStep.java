package io.jenkins.plugins.prescale;

import hudson.Extension;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * {@code prescaleCollect query: 'sum(rate(http_requests_total[1m]))'}: the service's load history from Prometheus into the store, exported as the CSV the other steps read.
 * Arguments are those of {@code io.prescale.contract.CollectRequest}, which checks them.
 */
public final class PrescaleCollectStep extends PrescaleStep {
    private String query;
    private String series;
    private String store;
    private String lookback;
    private String out;
    private String prometheusUrl;
    private String prometheusCredentialsId;

    @DataBoundConstructor
    public PrescaleCollectStep() {
        // every argument is optional here: the contract names the missing required ones
    }

    public String getQuery() {
        return query;
    }

    @DataBoundSetter
    public void setQuery(String query) {
        this.query = query;
    }

    public String getSeries() {
        return series;
    }

    @DataBoundSetter
    public void setSeries(String series) {
        this.series = series;
    }

    public String getStore() {
        return store;
    }

    @DataBoundSetter
    public void setStore(String store) {
        this.store = store;
    }

    public String getLookback() {
        return lookback;
    }

    @DataBoundSetter
    public void setLookback(String lookback) {
        this.lookback = lookback;
    }

    public String getOut() {
        return out;
    }

    @DataBoundSetter
    public void setOut(String out) {
        this.out = out;
    }

    public String getPrometheusUrl() {
        return prometheusUrl;
    }

    @DataBoundSetter
    public void setPrometheusUrl(String prometheusUrl) {
        this.prometheusUrl = prometheusUrl;
    }

    public String getPrometheusCredentialsId() {
        return prometheusCredentialsId;
    }

    @DataBoundSetter
    public void setPrometheusCredentialsId(String prometheusCredentialsId) {
        this.prometheusCredentialsId = prometheusCredentialsId;
    }

    @Override
    protected String stepName() {
        return "prescaleCollect";
    }

    @Override
    protected Map<String, Object> arguments() {
        Map<String, Object> arguments = new LinkedHashMap<>();
        arguments.put("query", query);
        arguments.put("series", series);
        arguments.put("store", store);
        arguments.put("lookback", lookback);
        arguments.put("out", out);
        arguments.put("prometheusUrl", prometheusUrl);
        arguments.put("prometheusCredentialsId", prometheusCredentialsId);
        return arguments;
    }

    @Extension
    @Symbol("prescaleCollect")
    public static final class DescriptorImpl extends PrescaleStepDescriptor {
        @Override
        public String getFunctionName() {
            return "prescaleCollect";
        }

        @Override
        public String getDisplayName() {
            return "Collect the load history from Prometheus";
        }
    }
}
