import java.io.InputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.io.ByteUnit;

/**
 * Runs Neo4j Community as an embedded DBMS with the Bolt connector, so the JavaScript driver talks
 * to it exactly as to a server. Started by src/local-neo4j/ with
 *   java -cp 'lib/*:target/launcher-<hash>' Launcher <homeDir> <boltPort> [pageCacheMiB]
 * (compiled once per version of this file), or from source, `java -cp 'lib/*' Launcher.java ...`,
 * when javac is missing.
 *
 * Contract with the parent process:
 *  - prints "NEO4J_READY bolt://127.0.0.1:<port>" on stdout once Bolt accepts connections;
 *  - exits (shutting the DBMS down cleanly) when its stdin closes, so it never outlives the Node
 *    process that started it, even when that process is killed with SIGKILL; stdin is watched
 *    from the first moment, so this holds during a long start (store recovery) too;
 *  - listens on loopback only; auth is off because nothing off this machine can reach it.
 */
public final class Launcher {
    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: Launcher <homeDir> <boltPort> [pageCacheMiB]");
            System.exit(64);
        }
        Path home = Path.of(args[0]).toAbsolutePath();
        int port = Integer.parseInt(args[1]);
        long pageCacheMiB = args.length > 2 ? Long.parseLong(args[2]) : 512;

        AtomicReference<DatabaseManagementService> started = new AtomicReference<>();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            DatabaseManagementService dbms = started.get();
            if (dbms != null) dbms.shutdown();
        }, "neo4j-shutdown"));
        Thread parentWatch = new Thread(Launcher::exitAtEndOfStdin, "parent-watch");
        parentWatch.setDaemon(true);
        parentWatch.start();

        DatabaseManagementService dbms = new DatabaseManagementServiceBuilder(home)
                .setConfig(BoltConnector.enabled, true)
                .setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", port))
                .setConfig(HttpConnector.enabled, false)
                .setConfig(GraphDatabaseSettings.auth_enabled, false)
                .setConfig(GraphDatabaseSettings.pagecache_memory, ByteUnit.mebiBytes(pageCacheMiB))
                // A server-side ceiling under the driver's own per-transaction timeouts.
                .setConfig(GraphDatabaseSettings.transaction_timeout, Duration.ofMinutes(10))
                // Timeouts are enforced when this monitor runs (default every 2 s): check often,
                // so a search's budget of a few seconds ends on time.
                .setConfig(GraphDatabaseSettings.transaction_monitor_check_interval, Duration.ofMillis(50))
                .build();
        started.set(dbms);
        dbms.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME); // waits until it is available
        System.out.println("NEO4J_READY bolt://127.0.0.1:" + port);
        System.out.flush();
    }

    private static void exitAtEndOfStdin() {
        InputStream in = System.in;
        byte[] buf = new byte[256];
        try {
            while (in.read(buf) >= 0) {
                // Anything written is ignored; only end-of-stream matters.
            }
        } catch (java.io.IOException e) {
            // A broken pipe means the parent is gone as surely as end-of-stream does.
        }
        System.exit(0); // runs the shutdown hook
    }
}
