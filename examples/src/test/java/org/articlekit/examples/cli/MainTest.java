package org.articlekit.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MainTest {

    @Test
    void helpListsTheCommandsAndExitsZero() {
        Cli.Result r = Cli.run("--help");

        assertThat(r.status()).isZero();
        assertThat(r.out()).contains("convert").contains("info").contains("Exit status");
        assertThat(r.err()).isEmpty();
    }

    @Test
    void convertHelpDocumentsEveryContractOption() {
        Cli.Result r = Cli.run("convert", "--help");

        assertThat(r.status()).isZero();
        assertThat(r.out()).contains("-o, --output=OUTPUT", "--from=FMT", "--to=FMT", "--title=T", "--author=A",
                "--language=L", "--cover=FILE|URL", "--font=FILE[#PostScriptName]", "--page-size=A4|A5|Letter",
                "--pdfa", "--password=P", "--front-matter=yaml|toml|json", "--images=DIR", "--offline",
                "--allow-private-hosts", "--cache=DIR", "--no-cache", "--strict", "--quiet", "--debug", "--jobs=N",
                "Formats in this build: reads ", "Examples:");
        assertThat(r.out()).containsPattern("Formats in this build: reads [^\\n]*\\bepub\\b[^\\n]*\\bhtml\\b");
    }

    @Test
    void infoHelpExplainsTheDateFields() {
        Cli.Result r = Cli.run("info", "--help");

        assertThat(r.status()).isZero();
        assertThat(r.out()).contains("--json").contains("\"instant\"").contains("UTC instant");
    }

    @Test
    void noCommandIsAUsageError() {
        Cli.Result r = Cli.run();

        assertThat(r.status()).isEqualTo(2);
        assertThat(r.errLines()).first().asString().isEqualTo("articlekit: error: name a command: convert or info");
    }

    @Test
    void anUnknownCommandIsAUsageError() {
        Cli.Result r = Cli.run("convret", "a.html");

        assertThat(r.status()).isEqualTo(2);
        assertThat(r.errLines().get(0)).startsWith("articlekit: error: Unmatched argument");
        assertThat(r.err()).contains("convert");
    }

    @Test
    void versionNamesTheTool() {
        Cli.Result r = Cli.run("--version");

        assertThat(r.status()).isZero();
        assertThat(r.out()).startsWith("articlekit ").doesNotContain("${");
    }

    @Test
    void errorLinesCannotBeForgedWithControlCharacters() {
        assertThat(Reporter.oneLine("a\nb\u202Ec\u001b[31m")).isEqualTo("a b\\u202ec\\u001b[31m");
    }
}
