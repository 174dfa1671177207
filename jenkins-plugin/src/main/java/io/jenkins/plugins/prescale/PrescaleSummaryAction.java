package io.jenkins.plugins.prescale;

import hudson.model.Run;
import jenkins.model.RunAction2;

/**
 * One Prescale step's summary on the build page ({@code summary.jelly}). The HTML comes from
 * {@code io.prescale.contract.summary.Summary#toHtml()}, which escapes every value and admits only relative or
 * http(s) links; it is stored with the build.
 */
public final class PrescaleSummaryAction implements RunAction2 {
    private final String step;
    private final String html;
    private transient Run<?, ?> run;

    PrescaleSummaryAction(String step, String html) {
        this.step = step;
        this.html = html;
    }

    public String getStep() {
        return step;
    }

    /** The summary fragment, already escaped. */
    public String getHtml() {
        return html;
    }

    public Run<?, ?> getRun() {
        return run;
    }

    @Override
    public void onAttached(Run<?, ?> r) {
        this.run = r;
    }

    @Override
    public void onLoad(Run<?, ?> r) {
        this.run = r;
    }

    @Override
    public String getIconFileName() {
        return null;
    }

    @Override
    public String getDisplayName() {
        return "Prescale: " + step;
    }

    @Override
    public String getUrlName() {
        return null;
    }
}
