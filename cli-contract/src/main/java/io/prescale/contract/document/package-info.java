/**
 * The JSON documents of the {@code prescale} commands the pipeline steps run, as records: one record per
 * command, read with unknown fields ignored (a newer CLI may add fields) but the header
 * ({@code command}, {@code schemaVersion} 1) checked. Each document names the files its command wrote and its
 * key figures for the build page; numbers that a command may write as {@code null} (DESIGN.md §4) are boxed.
 */
package io.prescale.contract.document;
