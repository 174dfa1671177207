package io.prescale.contract.summary;

import java.util.List;
import java.util.Objects;

/**
 * What a step shows on the build page.
 *
 * @param title e.g. "Prescale: train the forecaster"
 * @param figures the key figures, in reading order
 * @param policy the policy table, or null
 * @param links archived files and published dashboards
 * @param notes warnings the commands reported (e.g. failed requests), one line each
 */
public record Summary(String title, List<Figure> figures, PolicyTable policy, List<Link> links, List<String> notes) {
    public Summary {
        Objects.requireNonNull(title, "title");
        figures = List.copyOf(figures);
        links = List.copyOf(links);
        notes = List.copyOf(notes);
    }

    /**
     * The summary as an HTML fragment for the build page: a heading, a definition list of figures, the policy
     * table, the notes and the links. Every text is escaped with {@link #escape}.
     */
    public String toHtml() {
        StringBuilder html = new StringBuilder("<div class=\"prescale-summary\">\n");
        html.append("<h3>").append(escape(title)).append("</h3>\n");
        if (!figures.isEmpty()) {
            html.append("<table class=\"pane\">\n");
            for (Figure figure : figures) {
                html.append("<tr><td>")
                        .append(escape(figure.label()))
                        .append("</td><td>")
                        .append(escape(figure.value()))
                        .append("</td></tr>\n");
            }
            html.append("</table>\n");
        }
        if (policy != null) {
            html.append("<p>Policy <b>")
                    .append(escape(policy.name()))
                    .append("</b> <code>")
                    .append(escape(policy.digest()))
                    .append("</code></p>\n<table class=\"pane sortable\">\n<tr>");
            policy.columns().forEach(c -> html.append("<th>").append(escape(c)).append("</th>"));
            html.append("</tr>\n");
            for (List<String> row : policy.rows()) {
                html.append("<tr>");
                row.forEach(cell -> html.append("<td>").append(escape(cell)).append("</td>"));
                html.append("</tr>\n");
            }
            html.append("</table>\n");
        }
        if (!notes.isEmpty()) {
            html.append("<ul class=\"prescale-notes\">\n");
            notes.forEach(note -> html.append("<li>").append(escape(note)).append("</li>\n"));
            html.append("</ul>\n");
        }
        if (!links.isEmpty()) {
            html.append("<ul class=\"prescale-links\">\n");
            for (Link link : links) {
                html.append("<li><a href=\"")
                        .append(escape(link.href()))
                        .append("\">")
                        .append(escape(link.label()))
                        .append("</a></li>\n");
            }
            html.append("</ul>\n");
        }
        return html.append("</div>\n").toString();
    }

    /** The summary as plain text (for the build log): title, figures, policy rows, notes, links. */
    public String toText() {
        StringBuilder text = new StringBuilder(title).append('\n');
        figures.forEach(f -> text.append("  ")
                .append(f.label())
                .append(": ")
                .append(f.value())
                .append('\n'));
        if (policy != null) {
            text.append("  policy ")
                    .append(policy.name())
                    .append(' ')
                    .append(policy.digest())
                    .append('\n');
            text.append("    ").append(String.join(" | ", policy.columns())).append('\n');
            policy.rows()
                    .forEach(row ->
                            text.append("    ").append(String.join(" | ", row)).append('\n'));
        }
        notes.forEach(n -> text.append("  note: ").append(n).append('\n'));
        links.forEach(l -> text.append("  ")
                .append(l.label())
                .append(": ")
                .append(l.href())
                .append('\n'));
        return text.toString();
    }

    /** HTML-escapes text for element content and double-quoted attributes. */
    public static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> {
                    if (c < 0x20 && c != '\n' && c != '\t') {
                        out.append(' ');
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }
}
