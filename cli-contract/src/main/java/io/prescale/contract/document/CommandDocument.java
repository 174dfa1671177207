package io.prescale.contract.document;

import io.prescale.contract.summary.Figure;
import java.util.List;

/** What every command document has: the header, the files the command wrote, and its key figures. */
public interface CommandDocument {
    String command();

    int schemaVersion();

    String prescaleVersion();

    /** Files the command wrote, as the document names them (absolute or relative to the working directory). */
    List<String> writtenFiles();

    /** The figures a person looks at first, in reading order. */
    List<Figure> figures();
}
