package dev.gradient.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.model.Bind;
import com.github.dockerjava.api.model.Volume;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.Network;

/**
 * A {@code 201 Created} from {@code POST /graphs} is a promise that the graph exists: with Redis
 * run as {@code docker-compose.yml} runs it (append-only, fsynced on every write), every graph
 * acknowledged through the service is found by id after Redis restarts, and after Redis is
 * killed with {@code SIGKILL} and started again on the same volume. Ordered: the second test
 * also looks for the first one's graphs.
 */
@EnabledWithDocker
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RedisDurabilityIT {

    private static final int GRAPHS = 1_000;

    static Network network;
    static String volume;
    static GenericContainer<?> redis;
    static GenericContainer<?> replica;
    /** Every acknowledged graph: its id and the node count the service answered with. */
    static final Map<String, Integer> acknowledged = new LinkedHashMap<>();

    @BeforeAll
    static void start() {
        network = Network.newNetwork();
        volume = "gradient-it-redis-" + ProcessHandle.current().pid();
        redis = GradientImage.redis(network)
                .withCommand(ComposeFile.command("redis").toArray(String[]::new))
                .withCreateContainerCmdModifier(create -> create.withHostConfig(create.getHostConfig()
                        .withBinds(new Bind(volume, new Volume("/data")))));
        redis.start();
        replica = GradientImage.replica(network);
        replica.start();
    }

    @AfterAll
    static void stop() {
        replica.stop();
        redis.stop();
        network.close();
        DockerClientFactory.instance().client().removeVolumeCmd(volume).exec();
    }

    static Api api() {
        return new Api(replica.getHost(), replica.getMappedPort(8080));
    }

    @Test
    @Order(1)
    void everyAcknowledgedGraphSurvivesARestartOfRedis() throws Exception {
        assertThat(redis.execInContainer("redis-cli", "CONFIG", "GET", "appendfsync").getStdout()).contains("always");
        registerGraphs(0);
        ContainerControl.restart(redis.getContainerId());
        assertEveryAcknowledgedGraphIsFound();
    }

    @Test
    @Order(2)
    void everyAcknowledgedGraphSurvivesRedisKilledAndStartedAgainOnItsVolume() {
        registerGraphs(GRAPHS);
        // no shutdown, no final save: what Redis finds at start is what its append-only file held
        ContainerControl.kill(redis.getContainerId());
        ContainerControl.start(redis.getContainerId());
        assertEveryAcknowledgedGraphIsFound();
    }

    /** Registers {@value #GRAPHS} new graphs, each its own (x * k + y with k from {@code first}), keeping those acknowledged. */
    private static void registerGraphs(int first) {
        Api api = api();
        for (int k = first; k < first + GRAPHS; k++) {
            Api.Reply reply = api.post("/graphs", "{'expression': 'x * " + (k + 2) + " + y'}");
            assertThat(reply.status()).as("registering graph %d: %s", k, reply.body()).isEqualTo(201);
            acknowledged.put(reply.json().path("graphId").asString(), reply.json().path("nodeCount").asInt());
        }
    }

    private static void assertEveryAcknowledgedGraphIsFound() {
        Api api = api();
        awaitRegistryReachable(api);
        List<String> missing = new ArrayList<>();
        acknowledged.forEach((id, nodes) -> {
            Api.Reply reply = api.get("/graphs/" + id);
            if (reply.status() != 200 || reply.json().path("nodeCount").asInt() != nodes) {
                missing.add(id + " (" + reply.status() + ")");
            }
        });
        assertThat(missing).as("of %d acknowledged graphs", acknowledged.size()).isEmpty();
        System.out.printf("DURABILITY: %d acknowledged graphs, all found by id%n", acknowledged.size());
    }

    /** Waits until the replica has reconnected to Redis: look-ups answer something else than 503. */
    private static void awaitRegistryReachable(Api api) {
        String id = acknowledged.keySet().iterator().next();
        Instant deadline = Instant.now().plus(Duration.ofMinutes(1));
        while (api.get("/graphs/" + id).status() == 503) {
            assertThat(Instant.now()).as("the replica reconnects to Redis within a minute").isBefore(deadline);
            Pause.briefly();
        }
    }
}
