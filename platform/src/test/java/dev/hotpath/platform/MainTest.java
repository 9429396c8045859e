package dev.hotpath.platform;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The command line refuses bad options and failed starts with an exit code and one clear line. */
class MainTest {

    @TempDir
    Path data;
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private PrintStream originalErr;

    @BeforeEach
    void captureStandardError() {
        originalErr = System.err;
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restoreStandardError() {
        System.setErr(originalErr);
    }

    @Test
    void helpListsEveryOption() {
        CommandLine command = new CommandLine(new Main());
        String usage = command.getUsageMessage();
        assertThat(usage).contains("--port", "--data", "--course", "--instructor", "--allow-unsandboxed",
                "--trusted-proxy", "PORT", "HOTPATH_INSTRUCTOR_EMAIL", "HOTPATH_ALLOW_UNSANDBOXED");
    }

    @Test
    void aPortOutOfRangeIsAUsageError() {
        assertThat(run("--port", "70000", "--data", data.toString())).isEqualTo(2);
        assertThat(stderr()).contains("--port must be between 0 and 65535, got 70000");
    }

    @Test
    void aTrustedProxyMustBeAnIpAddress() {
        assertThat(run("--port", "0", "--data", data.toString(), "--trusted-proxy", "proxy.example")).isEqualTo(2);
        assertThat(stderr()).contains("--trusted-proxy takes the proxy's IP address, e.g. 127.0.0.1 or ::1;"
                + " \"proxy.example\" is not one");
    }

    @Test
    void anUnknownOptionIsAUsageError() {
        assertThat(run("--prot", "8080")).isEqualTo(2);
        assertThat(stderr()).contains("Unknown options: '--prot', '8080'", "Usage: platform");
    }

    @Test
    void aFolderWithoutTheCourseSaysWhatIsMissing(@TempDir Path empty) {
        assertThat(run("--port", "0", "--data", data.toString(), "--course", empty.toString())).isEqualTo(1);
        assertThat(stderr()).contains("cannot be served", "lessons", "is not a directory");
    }

    @Test
    void aTakenPortSaysSo() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("0.0.0.0"))) {
            assertThat(run("--port", String.valueOf(taken.getLocalPort()), "--data", data.toString(),
                    "--course", TestPlatform.COURSE.toString())).isEqualTo(1);
        }
        assertThat(stderr()).contains("hotpath: cannot start: Port already in use.");
    }

    @Test
    void aWorkerNeedsASharedDatabaseAndSaysHowToGiveIt() {
        assertThat(run("worker", "--data", data.toString())).isEqualTo(2);
        assertThat(stderr()).contains("a worker grades from a database it shares with the web nodes: pass"
                + " --database jdbc:postgresql://HOST:5432/DB (or HOTPATH_DATABASE_URL); see docs/deploy.md.");
    }

    @Test
    void theWorkerAndServeCommandsListTheirOptions() {
        CommandLine command = new CommandLine(new Main());
        assertThat(command.getSubcommands().get("worker").getUsageMessage()).contains("--slots", "--database",
                "--database-user", "--database-password", "HOTPATH_DATABASE_URL", "--lease");
        assertThat(command.getSubcommands().get("serve").getUsageMessage()).contains("--port", "--slots", "--per-address",
                "--database");
        assertThat(command.getUsageMessage()).contains("worker", "serve", "--database");
    }

    @Test
    void anUnreachableDatabaseStopsTheStartWithTheReason() throws Exception {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        assertThat(run("serve", "--port", "0", "--database", "jdbc:postgresql://127.0.0.1:" + closed + "/hotpath",
                "--course", TestPlatform.COURSE.toString())).isEqualTo(1);
        assertThat(stderr()).contains("hotpath: cannot start: cannot reach the database jdbc:postgresql://127.0.0.1:"
                + closed + "/hotpath as hotpath: Connection to 127.0.0.1:" + closed + " refused");
    }

    private static int run(String... args) {
        return new CommandLine(new Main()).execute(args);
    }

    private String stderr() {
        return err.toString(StandardCharsets.UTF_8);
    }
}
