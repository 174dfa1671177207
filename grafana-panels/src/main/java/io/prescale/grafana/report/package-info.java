/**
 * The offline report: the dashboards' panels drawn with JFreeChart from typed values (records, never JSON) and
 * written as PNGs beside one self-contained {@code report.html} that needs no network. Axes carry units,
 * thousands separators and UTC dates; colours are the Okabe–Ito palette, distinguishable by colour-blind
 * readers (Okabe and Ito 2008, "Color Universal Design"); each time axis shows the most interesting window.
 */
package io.prescale.grafana.report;
