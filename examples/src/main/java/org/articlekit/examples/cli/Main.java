package org.articlekit.examples.cli;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.articlekit.spi.FormatRegistry;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.Spec;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * The {@code articlekit} command line: {@code convert} and {@code info}.
 *
 * <pre>{@code
 * int status = Main.run(new String[] {"info", "--json", "page.html"}, System.out, System.err);
 * }</pre>
 *
 * <p>Exit status: 0 success, 1 an input could not be converted, 2 a usage error. Errors and
 * warnings are single lines on the error stream ({@code articlekit: error: FILE[:LINE]: …},
 * {@code articlekit: warning: …}); stack traces only with {@code --debug}. {@code convert -} reads
 * the input stream given to {@link #run(String[], InputStream, PrintStream, PrintStream)}, and
 * {@code convert -o -} writes the document, and nothing else, to the output stream.
 */
public final class Main {

    private Main() {
    }

    /**
     * Runs the command line and exits with its status.
     *
     * @param args the arguments
     */
    public static void main(String[] args) {
        PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), false, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
        int status = run(args, System.in, out, err, System.console() != null);
        out.flush();
        err.flush();
        System.exit(status);
    }

    /** Held so the levels set on them are not lost when the loggers are garbage-collected. */
    private static final Logger PDFBOX_LOG = Logger.getLogger("org.apache.pdfbox");
    private static final Logger FONTBOX_LOG = Logger.getLogger("org.apache.fontbox");

    /**
     * Runs the command line without exiting; progress bars are never shown.
     *
     * @param args the arguments
     * @param out where results go (the {@code info} output, help)
     * @param err where errors, warnings and usage messages go
     * @return the exit status: 0, 1 or 2; standard input ({@code convert -}) is empty
     */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        return run(args, InputStream.nullInputStream(), out, err, false);
    }

    /**
     * Runs the command line without exiting, reading {@code -} from {@code in}; progress bars are never shown.
     *
     * @param args the arguments
     * @param in what {@code convert -} reads (standard input); read, not closed
     * @param out where results go (the {@code info} output, help, {@code convert -o -})
     * @param err where errors, warnings and usage messages go
     * @return the exit status: 0, 1 or 2
     */
    public static int run(String[] args, InputStream in, PrintStream out, PrintStream err) {
        return run(args, in, out, err, false);
    }

    static int run(String[] args, PrintStream out, PrintStream err, boolean terminal) {
        return run(args, InputStream.nullInputStream(), out, err, terminal);
    }

    static int run(String[] args, InputStream in, PrintStream out, PrintStream err, boolean terminal) {
        // PDFBox reports the repairs it makes to broken files through commons-logging, which prints to standard
        // error; the command line reports problems itself, in its one-line format, so those logs are off unless
        // --debug asks for them.
        Level library = Arrays.asList(args).contains("--debug") ? Level.INFO : Level.OFF;
        PDFBOX_LOG.setLevel(library);
        FONTBOX_LOG.setLevel(library);
        CommandLine cl = commandLine(in, out, err, terminal);
        int status = cl.execute(args);
        out.flush();
        err.flush();
        return status;
    }

    static CommandLine commandLine(InputStream in, PrintStream out, PrintStream err, boolean terminal) {
        CommandLine cl = new CommandLine(new Articlekit());
        cl.addSubcommand(new CommandLine(new ConvertCommand(in, out, err, terminal)));
        cl.addSubcommand(new CommandLine(new InfoCommand(out, err)));
        cl.setExpandAtFiles(false);
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setOut(new PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), true));
        cl.setErr(new PrintWriter(new OutputStreamWriter(err, StandardCharsets.UTF_8), true));
        cl.setParameterExceptionHandler(Main::usageError);
        cl.setExecutionExceptionHandler((ex, c, parsed) -> {
            Reporter rep = new Reporter(err, false, debug(parsed));
            rep.failure(c.getCommandName(), ex);
            return 1;
        });
        FormatRegistry registry = FormatRegistry.defaults();
        CommandSpec convert = cl.getSubcommands().get("convert").getCommandSpec();
        List<String> description = new ArrayList<>(Arrays.asList(convert.usageMessage().description()));
        description.add("");
        description.add("Formats in this build: reads " + String.join(", ", FormatChoice.readableIds(registry))
                + "; writes " + String.join(", ", FormatChoice.writableIds(registry)) + ".");
        convert.usageMessage().description(description.toArray(String[]::new));
        return cl;
    }

    private static boolean debug(@Nullable ParseResult parsed) {
        for (ParseResult p = parsed; p != null; p = p.subcommand()) {
            if (p.hasMatchedOption("--debug")) {
                return true;
            }
        }
        return false;
    }

    /** Prints {@code articlekit: error: …} and a hint, and returns 2. */
    private static int usageError(ParameterException ex, String[] args) {
        CommandLine c = ex.getCommandLine();
        PrintWriter w = c.getErr();
        w.println("articlekit: error: " + Reporter.oneLine(String.valueOf(ex.getMessage())));
        if (looksLikeADashFile(args)) {
            w.println("A file whose name starts with '-' goes after '--', as in: articlekit convert -o OUTPUT -- "
                    + "-name.html");
        }
        if (ex instanceof UnmatchedArgumentException u) {
            UnmatchedArgumentException.printSuggestions(u, w);
        }
        String name = c.getCommandSpec().qualifiedName(" ");
        w.println("Try '" + name + " --help' for more information.");
        w.flush();
        return 2;
    }

    /** Whether an argument before {@code --} looks like a file name starting with a dash. */
    private static boolean looksLikeADashFile(String[] args) {
        for (String a : args) {
            if (a.equals("--")) {
                return false;
            }
            if (a.startsWith("-") && !a.startsWith("--") && a.length() > 2 && a.indexOf('.') > 1) {
                return true;
            }
        }
        return false;
    }

    /** The top-level command: names the subcommands. */
    @Command(name = "articlekit", mixinStandardHelpOptions = true, versionProvider = Version.class,
            usageHelpAutoWidth = true,
            description = "Convert articles (metadata, body, images) between HTML, Markdown, PDF, EPUB and plain "
                    + "text, and bind folders of articles into books.",
            footer = {"", "Run 'articlekit COMMAND --help' for a command's options.", "",
                "Exit status: 0 success; 1 an input could not be converted; 2 a usage error."})
    static final class Articlekit implements Callable<Integer> {
        @Spec
        @Nullable CommandSpec spec;

        @Override
        public Integer call() {
            throw new ParameterException(spec.commandLine(), "name a command: convert or info");
        }
    }

    /** Reads the version Maven wrote into {@code version.properties}. */
    static final class Version implements IVersionProvider {
        @Override
        public String[] getVersion() throws IOException {
            Properties p = new Properties();
            try (InputStream in = Main.class.getResourceAsStream("version.properties")) {
                if (in != null) {
                    p.load(in);
                }
            }
            return new String[] {"articlekit " + p.getProperty("version", "(unknown version)")};
        }
    }
}
