package org.articlekit.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The downloadable command line ({@code articlekit-<version>.zip}, made by {@code package}): what it holds, and
 * that its launcher runs from another folder with a PATH that has Java and nothing of Maven.
 */
class CliZipIT {

    @TempDir
    static Path tmp;

    private static Path zip;
    private static Path home;

    @BeforeAll
    static void unzip() throws IOException {
        try (Stream<Path> s = Files.list(Path.of("target"))) {
            List<Path> zips = s.filter(p -> p.getFileName().toString().matches("articlekit-.+\\.zip")).toList();
            assertThat(zips).as("the CLI zip in target/").hasSize(1);
            zip = zips.get(0);
        }
        Path into = tmp.resolve("unpacked");
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                Path to = into.resolve(e.getName()).normalize();
                assertThat(to.startsWith(into)).as("entry %s stays in the folder", e.getName()).isTrue();
                if (e.isDirectory()) {
                    Files.createDirectories(to);
                } else {
                    Files.createDirectories(to.getParent());
                    Files.copy(in, to, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        String name = zip.getFileName().toString();
        home = into.resolve(name.substring(0, name.length() - ".zip".length()));
        Path launcher = home.resolve("bin/articlekit");
        if (unixModes(zip).getOrDefault(home.getFileName() + "/bin/articlekit", 0) == 0755) {
            launcher.toFile().setExecutable(true, false); // java.util.zip drops the mode the zip records
        }
    }

    @Test
    void holdsTheJarTheLaunchersAndTheLicences() throws IOException {
        assertThat(home.resolve("lib/articlekit-cli.jar")).isRegularFile();
        assertThat(home.resolve("bin/articlekit.cmd")).content(StandardCharsets.UTF_8)
                .contains("lib\\articlekit-cli.jar").contains("\r\n");
        assertThat(home.resolve("LICENSE")).content(StandardCharsets.UTF_8).contains("Apache License");
        assertThat(home.resolve("THIRD-PARTY.md")).content(StandardCharsets.UTF_8)
                .contains("`io.github.openhtmltopdf:openhtmltopdf-core`")
                .contains("GNU Lesser General Public License")
                .contains("Mozilla Public License")
                .doesNotContain("`org.articlekit:");
        assertThat(home.resolve("licenses/openhtmltopdf-core-jar/META-INF/LICENSE")).isRegularFile();
    }

    @Test
    void theLauncherIsExecutableInTheZip() throws IOException {
        assertThat(unixModes(zip)).containsEntry(home.getFileName() + "/bin/articlekit", 0755);
    }

    @Test
    void runsFromAnotherFolderWithoutMaven() throws Exception {
        Path bin = Files.createDirectories(tmp.resolve("path"));
        // a PATH with java and the two tools the launcher uses, and no mvn
        Files.createSymbolicLink(bin.resolve("java"), Path.of(System.getProperty("java.home"), "bin", "java"));
        for (String tool : List.of("dirname", "readlink")) {
            for (String dir : List.of("/usr/bin", "/bin")) {
                if (Files.isExecutable(Path.of(dir, tool)) && !Files.exists(bin.resolve(tool))) {
                    Files.createSymbolicLink(bin.resolve(tool), Path.of(dir, tool));
                }
            }
        }
        Path work = Files.createDirectories(tmp.resolve("elsewhere"));
        Path articles = Files.createDirectories(work.resolve("文章/images"));
        Files.copy(Path.of("articles/shared-kitchen.html"), articles.resolveSibling("厨房.html"));
        Files.copy(Path.of("articles/images/chore-wheel.png"), articles.resolve("chore-wheel.png"));

        Run version = run(bin, work, "--version");
        assertThat(version.status).as(version.err).isZero();
        assertThat(version.out).contains("articlekit");

        Run convert = run(bin, work, "convert", "文章/厨房.html", "-o", "厨房.epub");
        assertThat(convert.status).as(convert.err).isZero();
        assertThat(work.resolve("厨房.epub")).isNotEmptyFile();
    }

    private record Run(int status, String out, String err) {
    }

    private static Run run(Path bin, Path dir, String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of("/bin/sh", home.resolve("bin/articlekit").toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile());
        pb.environment().clear();
        pb.environment().put("PATH", bin.toString());
        pb.environment().put("LANG", "C.UTF-8");
        pb.redirectErrorStream(false);
        Path out = dir.resolve("out.txt");
        Path err = dir.resolve("err.txt");
        pb.redirectOutput(out.toFile()).redirectError(err.toFile());
        Process p = pb.start();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("the launcher finished").isTrue();
        return new Run(p.exitValue(), Files.readString(out), Files.readString(err));
    }

    /** The Unix modes the zip's central directory records, by entry name (0 where none). */
    private static Map<String, Integer> unixModes(Path zip) throws IOException {
        ByteBuffer b;
        try (InputStream in = Files.newInputStream(zip)) {
            b = ByteBuffer.wrap(in.readAllBytes()).order(ByteOrder.LITTLE_ENDIAN);
        }
        int end = -1;
        for (int i = b.limit() - 22; i >= 0; i--) {
            if (b.getInt(i) == 0x06054b50) {
                end = i;
                break;
            }
        }
        assertThat(end).as("end of central directory").isNotNegative();
        int count = Short.toUnsignedInt(b.getShort(end + 10));
        int at = b.getInt(end + 16);
        Map<String, Integer> modes = new HashMap<>();
        for (int n = 0; n < count; n++) {
            assertThat(b.getInt(at)).isEqualTo(0x02014b50);
            int nameLength = Short.toUnsignedInt(b.getShort(at + 28));
            int extra = Short.toUnsignedInt(b.getShort(at + 30));
            int comment = Short.toUnsignedInt(b.getShort(at + 32));
            int external = b.getInt(at + 38);
            byte[] name = new byte[nameLength];
            b.get(at + 46, name);
            modes.put(new String(name, StandardCharsets.UTF_8), (external >>> 16) & 0777);
            at += 46 + nameLength + extra + comment;
        }
        return modes;
    }
}
