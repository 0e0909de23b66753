package app.segmenta.export;

import com.openhtmltopdf.util.Diagnostic;
import com.openhtmltopdf.util.XRLog;
import com.openhtmltopdf.util.XRLogger;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * openhtmltopdf's messages through java.util.logging as they are, so the application's log configuration decides
 * what shows (openhtmltopdf's own default adds a console handler at INFO that narrates every PDF on stderr).
 */
final class PdfLog implements XRLogger {

    /** Replaces openhtmltopdf's logger for the whole JVM (it has no other). */
    static void install() {
        XRLog.setLoggerImpl(new PdfLog());
    }

    @Override
    public void log(String where, Level level, String msg) {
        Logger.getLogger(where).log(level, msg);
    }

    @Override
    public void log(String where, Level level, String msg, Throwable th) {
        Logger.getLogger(where).log(level, msg, th);
    }

    @Override
    public void setLevel(String logger, Level level) {
        // Levels come from the log configuration (quarkus.log.category."com.openhtmltopdf").
    }

    @Override
    public boolean isLogLevelEnabled(Diagnostic diagnostic) {
        return Logger.getLogger(diagnostic.getLogMessageId().getWhere()).isLoggable(diagnostic.getLevel());
    }
}
