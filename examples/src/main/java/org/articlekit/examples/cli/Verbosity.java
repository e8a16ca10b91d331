package org.articlekit.examples.cli;

import picocli.CommandLine.Option;

/** The {@code --quiet} and {@code --debug} options every command has. */
final class Verbosity {

    @Option(names = {"-q", "--quiet"}, description = "Print no warnings and no progress; errors are still printed.")
    boolean quiet;

    @Option(names = "--debug", description = "Print the stack trace of a failure after its one-line message, and "
            + "which fonts a PDF embeds.")
    boolean debug;
}
