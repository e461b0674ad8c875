import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import org.neo4j.configuration.Config;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.SettingImpl;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.connectors.HttpsConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.config.Setting;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.graphdb.Label;
import org.neo4j.graphdb.Node;
import org.neo4j.graphdb.Transaction;
import org.neo4j.io.ByteUnit;
import org.neo4j.io.fs.DefaultFileSystemAbstraction;
import org.neo4j.kernel.impl.security.User;
import org.neo4j.logging.NullLogProvider;
import org.neo4j.memory.EmptyMemoryTracker;
import org.neo4j.server.security.SecureHasher;
import org.neo4j.server.security.SystemGraphCredential;
import org.neo4j.server.security.auth.CommunitySecurityModule;
import org.neo4j.server.security.auth.FileUserRepository;

/**
 * Runs Neo4j Community as an embedded DBMS with the Bolt connector, so the JavaScript driver talks
 * to it exactly as to a server. Started by src/local-neo4j/ with
 *   java -cp 'lib/*:target/launcher-<hash>' Launcher <homeDir> <boltPort> [pageCacheMiB]
 * (compiled once per version of this file), or from source, `java -cp 'lib/*' Launcher.java ...`,
 * when javac is missing. The password of user neo4j is the first line of its stdin: never an
 * argument, so `ps` and /proc/<pid>/cmdline do not show it.
 *
 * Contract with the parent process:
 *  - reads the password (one line) from stdin before anything else, and exits if stdin ends first;
 *  - prints "NEO4J_READY bolt://127.0.0.1:<port>" on stdout once Bolt accepts connections and
 *    user neo4j's password is that one, after writing the same URI to
 *    <homeDir>/bolt-uri (mode 0600; deleted when it shuts down cleanly); prints no password;
 *  - exits (shutting the DBMS down cleanly) when its stdin closes, so it never outlives the Node
 *    process that started it, even when that process is killed with SIGKILL; stdin is watched
 *    from the moment the password is read, so this holds during a long start (store recovery) too;
 *  - listens on loopback only, WITH authentication. Loopback is no boundary: any local process can
 *    connect, and so can any web page in a local browser, because Neo4j 5.26's Bolt connector
 *    also speaks Bolt over WebSocket on the same port, unconditionally (TransportSelectionHandler
 *    switches any connection whose first bytes are "GET" to HTTP/WebSocket; no setting turns it
 *    off). Authentication is what refuses them. HTTP and HTTPS connectors are off.
 *
 * No window in which a default credential works: on a new store Neo4j creates user neo4j with
 * password "neo4j" (change required) unless data/dbms/auth.ini holds an initial user, and on a
 * store whose only user is neo4j with password "neo4j" (every store from before authentication
 * was on) it replaces that password from auth.ini too. Both happen while the system database
 * starts, before the Bolt server is started (it comes later in the DBMS's lifecycle). So auth.ini
 * is written before every start, as `neo4j-admin dbms set-initial-password` writes it, and
 * deleted once the DBMS is up. A store whose password is another one (the password file was
 * replaced) gets the current one by ALTER USER before NEO4J_READY: until then only the previous
 * password works, never a default one. (auth.ini leaves alone a store with users beside neo4j;
 * none are ever made here, but if someone did while neo4j still had the default password, that
 * password would work from Bolt's start until the ALTER USER, a second or so.)
 */
public final class Launcher {
    private static final String USER = "neo4j";

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: Launcher <homeDir> <boltPort> [pageCacheMiB]   (the password of user neo4j on stdin)");
            System.exit(64);
        }
        Path home = Path.of(args[0]).toAbsolutePath();
        int port = Integer.parseInt(args[1]);
        long pageCacheMiB = args.length > 2 ? Long.parseLong(args[2]) : 512;

        String password = readPasswordLine(System.in);
        if (password == null) System.exit(0); // the parent is gone before it said anything
        if (password.length() < 8) {
            System.err.println("The password of user neo4j (stdin) must have 8 characters or more.");
            System.exit(64);
        }

        AtomicReference<DatabaseManagementService> started = new AtomicReference<>();
        AtomicReference<Path> uriFileWritten = new AtomicReference<>();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            Path uriFile = uriFileWritten.get();
            if (uriFile != null) {
                try {
                    Files.deleteIfExists(uriFile);
                } catch (IOException e) {
                    // A stale file only costs the next reader a refused connection.
                }
            }
            DatabaseManagementService dbms = started.get();
            if (dbms != null) dbms.shutdown();
        }, "neo4j-shutdown"));
        Thread parentWatch = new Thread(Launcher::exitAtEndOfStdin, "parent-watch");
        parentWatch.setDaemon(true);
        parentWatch.start();

        Map<Setting<?>, Object> settings = new LinkedHashMap<>();
        settings.put(BoltConnector.enabled, true);
        settings.put(BoltConnector.listen_address, new SocketAddress("127.0.0.1", port));
        settings.put(HttpConnector.enabled, false);
        settings.put(HttpsConnector.enabled, false);
        settings.put(GraphDatabaseSettings.auth_enabled, true);
        // No lock-out after failed logins: nobody guesses 32 random bytes, and a lock-out
        // would let any local process or web page lock the API's own user out of Neo4j
        // (three wrong logins every few seconds and every new connection is refused).
        settings.put(GraphDatabaseSettings.auth_max_failed_attempts, 0);
        settings.put(GraphDatabaseSettings.pagecache_memory, ByteUnit.mebiBytes(pageCacheMiB));
        // A server-side ceiling under the driver's own per-transaction timeouts.
        settings.put(GraphDatabaseSettings.transaction_timeout, Duration.ofMinutes(10));
        // Timeouts are enforced when this monitor runs (default every 2 s): check often,
        // so a search's budget of a few seconds ends on time.
        settings.put(GraphDatabaseSettings.transaction_monitor_check_interval, Duration.ofMillis(50));
        // dbms.usage_report.enabled: a developer's or CI's store reports nothing to Neo4j
        // (on by default: node, relationship and store counts every 24 h).
        settings.put(GraphDatabaseSettings.udc_enabled, false);
        Map<Setting<?>, Object> extra = extraSettings(System.getenv("NEO4J_LOCAL_SETTINGS"));
        for (Setting<?> s : extra.keySet()) {
            // The contract above (loopback, authentication) and the sizes given as arguments hold.
            if (settings.containsKey(s)) throw new IllegalArgumentException("NEO4J_LOCAL_SETTINGS: " + s.name() + " is set by the launcher itself");
        }
        settings.putAll(extra);
        Path authIni = writeInitialPassword(home, password);
        DatabaseManagementService dbms = new DatabaseManagementServiceBuilder(home).setConfig(settings).build();
        started.set(dbms);
        Files.deleteIfExists(authIni); // read while the system database started; not needed again
        ensurePassword(dbms.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME), password);
        dbms.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME); // waits until it is available

        String uri = "bolt://127.0.0.1:" + port;
        Path uriFile = home.resolve("bolt-uri");
        writePrivately(uriFile, uri + "\n");
        uriFileWritten.set(uriFile);
        System.out.println("NEO4J_READY " + uri);
        System.out.flush();
    }

    /** The first line of stdin, without its line end; null when stdin ends before a line does. */
    private static String readPasswordLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) >= 0) {
            if (b == '\n') return line.toString(StandardCharsets.UTF_8).replaceFirst("\r$", "");
            line.write(b);
        }
        return null;
    }

    /**
     * Settings by name from NEO4J_LOCAL_SETTINGS ("name=value;name=value"), for measuring Neo4j's
     * own settings (the plan cache, the planner) without a new launcher. Each value is parsed by
     * its setting and the whole checked by Neo4j's Config, so a misspelt name or a bad value stops
     * the start. (Config.Builder.setRaw would take the names but keep the defaults' values.)
     */
    @SuppressWarnings("unchecked")
    static Map<Setting<?>, Object> extraSettings(String spec) {
        Map<Setting<?>, Object> out = new LinkedHashMap<>();
        if (spec == null || spec.isBlank()) return out;
        Map<String, Setting<Object>> declared = Config.defaults().getDeclaredSettings();
        for (String kv : spec.split(";")) {
            if (kv.isBlank()) continue;
            int i = kv.indexOf('=');
            Setting<Object> setting = i > 0 ? declared.get(kv.substring(0, i).trim()) : null;
            if (setting == null) throw new IllegalArgumentException("NEO4J_LOCAL_SETTINGS: not name=value of a known setting: " + kv.trim());
            out.put(setting, ((SettingImpl<Object>) setting).parse(kv.substring(i + 1).trim()));
        }
        Config.newBuilder().set(out).build(); // each setting's own constraints (a minimum, a range)
        return out;
    }

    /**
     * data/dbms/auth.ini with user neo4j, the given password and no change required, written the
     * way `neo4j-admin dbms set-initial-password` writes it (its file is private: mode 0600).
     */
    private static Path writeInitialPassword(Path home, String password) throws Exception {
        Config config = Config.newBuilder().set(GraphDatabaseSettings.neo4j_home, home).build();
        Path authIni = CommunitySecurityModule.getInitialUserRepositoryFile(config);
        Files.createDirectories(authIni.getParent());
        Files.deleteIfExists(authIni);
        try (DefaultFileSystemAbstraction fs = new DefaultFileSystemAbstraction()) {
            FileUserRepository users = new FileUserRepository(fs, authIni, NullLogProvider.getInstance(), EmptyMemoryTracker.INSTANCE);
            users.start();
            users.create(new User(USER, null, credential(password), false, false));
            users.shutdown();
        }
        Files.setPosixFilePermissions(authIni, PosixFilePermissions.fromString("rw-------"));
        return authIni;
    }

    private static SystemGraphCredential credential(String password) {
        return SystemGraphCredential.createCredentialForPassword(password.getBytes(StandardCharsets.UTF_8), new SecureHasher());
    }

    /**
     * User neo4j has the password, no change required. auth.ini has done it on a new store and on
     * one whose only user still had the default password; this covers the rest (the password file
     * was replaced; other users were created), through the embedded API, which needs no login.
     */
    private static void ensurePassword(GraphDatabaseService system, String password) throws Exception {
        boolean exists;
        boolean current;
        try (Transaction tx = system.beginTx()) {
            Node user = tx.findNode(Label.label("User"), "name", USER);
            exists = user != null;
            current = exists
                    && !Boolean.TRUE.equals(user.getProperty(User.PASSWORD_CHANGE_REQUIRED, false))
                    && SystemGraphCredential.deserialize(String.valueOf(user.getProperty("credentials")), new SecureHasher())
                            .matchesPassword(password.getBytes(StandardCharsets.UTF_8));
        }
        if (current) return;
        system.executeTransactionally(
                (exists ? "ALTER" : "CREATE") + " USER " + USER + " SET PASSWORD $password CHANGE NOT REQUIRED",
                Map.of("password", password));
    }

    /** Written whole (a reader never sees half a file) and readable by this user only. */
    private static void writePrivately(Path file, String text) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + "." + ProcessHandle.current().pid() + ".tmp");
        Files.deleteIfExists(tmp);
        Files.createFile(tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(tmp, text, StandardCharsets.UTF_8);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
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
