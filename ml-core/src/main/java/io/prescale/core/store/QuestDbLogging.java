package io.prescale.core.store;

import io.questdb.log.LogFactory;
import java.io.OutputStream;
import java.io.PrintStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts QuestDB's logging once, quietly: QuestDB announces on {@code System.err} where it loaded its log
 * configuration from ("Log configuration loaded from …"), a line a user of the CLI cannot act on. It is shown
 * only when this package logs at DEBUG (the CLI's {@code --log-level debug}); QuestDB's own error lines still go
 * to stderr through {@link QuestDbStderrLogWriter}.
 */
final class QuestDbLogging {
    private static final Logger LOG = LoggerFactory.getLogger(QuestDbLogging.class);
    private static boolean started;

    private QuestDbLogging() {}

    static synchronized void start() {
        if (started) {
            return;
        }
        started = true;
        if (LOG.isDebugEnabled()) {
            LogFactory.getInstance();
            return;
        }
        PrintStream err = System.err;
        System.setErr(new PrintStream(OutputStream.nullOutputStream()));
        try {
            LogFactory.getInstance();
        } finally {
            System.setErr(err);
        }
    }
}
