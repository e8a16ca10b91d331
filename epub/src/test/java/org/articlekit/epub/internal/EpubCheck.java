package org.articlekit.epub.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.adobe.epubcheck.api.EPUBLocation;
import com.adobe.epubcheck.api.MasterReport;
import com.adobe.epubcheck.messages.Message;
import com.adobe.epubcheck.messages.Severity;
import com.adobe.epubcheck.util.FeatureEnum;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Runs epubcheck 5.3.0 in this JVM and collects its errors and warnings. */
public final class EpubCheck {

    private EpubCheck() {
    }

    /** What epubcheck said that counts: fatal errors, errors and warnings. */
    public static List<String> problems(byte[] epub) throws IOException {
        Path tmp = Files.createTempFile("articlekit-epubcheck", ".epub");
        try {
            Files.write(tmp, epub);
            return problems(tmp);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** What epubcheck said about a file: fatal errors, errors and warnings. */
    public static List<String> problems(Path epub) {
        Collecting report = new Collecting();
        new com.adobe.epubcheck.api.EpubCheck(epub.toFile(), report).doValidate();
        return report.problems;
    }

    /** Asserts that epubcheck finds 0 errors and 0 warnings. */
    public static void assertValid(byte[] epub) throws IOException {
        assertThat(problems(epub)).as("epubcheck errors and warnings").isEmpty();
    }

    private static final class Collecting extends MasterReport {
        final List<String> problems = new ArrayList<>();

        @Override
        public void message(Message message, EPUBLocation location, Object... args) {
            Severity s = message.getSeverity();
            if (s == Severity.WARNING || s == Severity.ERROR || s == Severity.FATAL) {
                problems.add(s + " " + message.getID() + " " + location.getPath() + ":" + location.getLine() + ": "
                        + message.getMessage(args));
            }
        }

        @Override
        public void info(String resource, FeatureEnum feature, String value) {
        }

        @Override
        public int generate() {
            return 0;
        }

        @Override
        public void initialize() {
        }
    }
}
