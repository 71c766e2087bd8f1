package dev.gradient.deploy;

import static dev.gradient.deploy.KubernetesManifests.at;
import static dev.gradient.deploy.KubernetesManifests.listAt;
import static dev.gradient.deploy.KubernetesManifests.mapAt;
import static dev.gradient.deploy.KubernetesManifests.named;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Holds the manifests of {@code deploy/kubernetes} to the application's own configuration
 * ({@code application.properties}, the configuration records, the Dockerfile), so that a probe
 * path, a port or an environment variable changed in one place only fails here.
 */
@SuppressWarnings("unchecked")
class KubernetesManifestsTest {

    private static final Path DIRECTORY = Path.of("deploy/kubernetes");
    private static final String DEPLOYMENT = "gradient";
    private static final String REDIS = "redis";

    private static KubernetesManifests manifests;
    private static Properties application;
    private static String dockerfile;

    @BeforeAll
    static void read() throws IOException {
        manifests = KubernetesManifests.read(DIRECTORY);
        application = new Properties();
        try (Reader reader = Files.newBufferedReader(Path.of("src/main/resources/application.properties"))) {
            application.load(reader);
        }
        dockerfile = Files.readString(Path.of("Dockerfile"));
    }

    @Test
    void kustomizationListsEveryManifest() {
        List<String> files = KubernetesManifests.yamlFiles(DIRECTORY).stream()
                .map(file -> file.getFileName().toString())
                .filter(name -> !name.equals("kustomization.yaml"))
                .toList();
        Map<String, Object> kustomization = KubernetesManifests.documents(DIRECTORY.resolve("kustomization.yaml")).get(0);

        assertThat(files).isNotEmpty();
        assertThat((List<Object>) at(kustomization, "resources")).containsExactlyInAnyOrderElementsOf(files);
    }

    @Test
    void probesAskTheActuatorsHealthGroups() {
        assertThat(application.getProperty("management.endpoint.health.probes.enabled")).isEqualTo("true");
        assertThat(exposedEndpoints()).contains("health");
        String health = application.getProperty("management.endpoints.web.base-path", "/actuator") + "/"
                + application.getProperty("management.endpoints.web.path-mapping.health", "health");
        Map<String, Object> container = gradientContainer();

        assertThat(at(container, "livenessProbe.httpGet.path")).isEqualTo(health + "/liveness");
        assertThat(at(container, "startupProbe.httpGet.path")).isEqualTo(health + "/liveness");
        assertThat(at(container, "readinessProbe.httpGet.path")).isEqualTo(health + "/readiness");
        for (String probe : List.of("livenessProbe", "startupProbe", "readinessProbe")) {
            assertThat(containerPort(container, at(container, probe + ".httpGet.port"))).as(probe).isEqualTo(serverPort());
        }
    }

    @Test
    void containerListensWhereTheServiceDoes() {
        Map<String, Object> port = named(listAt(gradientContainer(), "ports"), "http");

        assertThat(at(port, "containerPort")).isEqualTo(serverPort());
        assertThat(dockerfile).containsPattern("(?m)^EXPOSE " + serverPort() + "$");
    }

    @Test
    void serviceSendsToTheContainerPortOfTheDeploymentsPods() {
        Map<String, Object> service = manifests.find("Service", DEPLOYMENT);

        assertThat(mapAt(service, "spec.selector")).isEqualTo(podLabels());
        for (Map<String, Object> port : listAt(service, "spec.ports")) {
            assertThat(containerPort(gradientContainer(), port.get("targetPort"))).isEqualTo(serverPort());
        }
    }

    @Test
    void everyEnvironmentVariableBindsAProperty() {
        ConfigurationPropertyNames properties = ConfigurationPropertyNames.load();
        List<Map<String, Object>> env = listAt(gradientContainer(), "env");

        assertThat(properties.contains("gradient.registry")).isTrue();
        assertThat(env).isNotEmpty();
        for (Map<String, Object> variable : env) {
            assertThat(properties.bindsEnvironmentVariable((String) variable.get("name")))
                    .as("%s names a configuration property", variable.get("name"))
                    .isTrue();
        }
        assertThat(environment("GRADIENT_REGISTRY")).isEqualTo("redis");
    }

    @Test
    void redisHostAndPortAreTheRedisServices() {
        Map<String, Object> statefulSet = manifests.find("StatefulSet", REDIS);
        Map<String, Object> service = manifests.find("Service", (String) at(statefulSet, "spec.serviceName"));
        Map<String, Object> redis = listAt(statefulSet, "spec.template.spec.containers").get(0);
        Object servicePort = at(named(listAt(service, "spec.ports"), "redis"), "port");
        Object redisPort = at(named(listAt(redis, "ports"), "redis"), "containerPort");

        assertThat(environment("SPRING_DATA_REDIS_HOST")).isEqualTo(at(service, "metadata.name"));
        assertThat(optionalEnvironment("SPRING_DATA_REDIS_PORT", "6379")).isEqualTo(String.valueOf(servicePort));
        assertThat(redisPort).isEqualTo(servicePort);
        assertThat(at(service, "spec.clusterIP")).isEqualTo("None");
        assertThat(mapAt(service, "spec.selector")).isEqualTo(mapAt(statefulSet, "spec.template.metadata.labels"));
    }

    @Test
    void redisPersistsAppendOnlyOnAClaimedVolume() {
        Map<String, Object> statefulSet = manifests.find("StatefulSet", REDIS);
        Map<String, Object> redis = listAt(statefulSet, "spec.template.spec.containers").get(0);
        List<?> args = (List<?>) at(redis, "args");
        Map<String, Object> claim = listAt(statefulSet, "spec.volumeClaimTemplates").get(0);

        assertThat(String.join(" ", args.stream().map(String::valueOf).toList())).contains("--appendonly yes", "--dir /data");
        assertThat(at(named(listAt(redis, "volumeMounts"), at(claim, "metadata.name").toString()), "mountPath")).isEqualTo("/data");
    }

    @Test
    void podsRunAsTheImagesUserOnAReadOnlyRoot() {
        Matcher user = Pattern.compile("(?m)^USER (\\d+)(?::(\\d+))?$").matcher(dockerfile);
        assertThat(user.find()).as("the Dockerfile sets a numeric USER").isTrue();
        Map<String, Object> pod = mapAt(manifests.find("Deployment", DEPLOYMENT), "spec.template.spec");
        Map<String, Object> container = gradientContainer();

        assertThat(at(pod, "securityContext.runAsNonRoot")).isEqualTo(true);
        assertThat(String.valueOf(at(pod, "securityContext.runAsUser"))).isEqualTo(user.group(1));
        assertThat(at(container, "securityContext.runAsNonRoot")).isEqualTo(true);
        assertThat(at(container, "securityContext.readOnlyRootFilesystem")).isEqualTo(true);
        assertThat(at(container, "securityContext.allowPrivilegeEscalation")).isEqualTo(false);
        assertThat((List<Object>) at(container, "securityContext.capabilities.drop")).containsExactly("ALL");
        Map<String, Object> tmp = listAt(container, "volumeMounts").stream()
                .filter(mount -> "/tmp".equals(mount.get("mountPath")))
                .findFirst()
                .orElseThrow(() -> new AssertionError("nothing is mounted at /tmp"));
        assertThat(named(listAt(pod, "volumes"), (String) tmp.get("name"))).containsKey("emptyDir");
    }

    @Test
    void memoryRequestIsTheLimitTheHeapIsSizedFrom() {
        assertThat(dockerfile).contains("-XX:MaxRAMPercentage=").contains("-XX:InitialRAMPercentage=");
        Map<String, Object> resources = mapAt(gradientContainer(), "resources");

        assertThat(at(resources, "limits.memory")).isNotNull().isEqualTo(at(resources, "requests.memory"));
        assertThat(at(resources, "requests.cpu")).isNotNull();
    }

    @Test
    void autoscalerAndDisruptionBudgetTargetTheDeploymentsPods() {
        Map<String, Object> deployment = manifests.find("Deployment", DEPLOYMENT);
        Map<String, Object> autoscaler = manifests.only("HorizontalPodAutoscaler");
        Map<String, Object> budget = manifests.only("PodDisruptionBudget");

        assertThat(mapAt(deployment, "spec.selector.matchLabels")).isEqualTo(podLabels());
        assertThat(at(autoscaler, "apiVersion")).isEqualTo("autoscaling/v2");
        assertThat(at(autoscaler, "spec.scaleTargetRef.kind")).isEqualTo("Deployment");
        assertThat(at(autoscaler, "spec.scaleTargetRef.name")).isEqualTo(DEPLOYMENT);
        assertThat(at(listAt(autoscaler, "spec.metrics").get(0), "resource.name")).isEqualTo("cpu");
        assertThat(podLabels()).containsAllEntriesOf(mapAt(budget, "spec.selector.matchLabels"));
    }

    private static Map<String, Object> gradientContainer() {
        return named(listAt(manifests.find("Deployment", DEPLOYMENT), "spec.template.spec.containers"), DEPLOYMENT);
    }

    private static Map<String, Object> podLabels() {
        return mapAt(manifests.find("Deployment", DEPLOYMENT), "spec.template.metadata.labels");
    }

    /** A port given as a number or by name, as the number of the container port it is; fails if it is none. */
    private static Object containerPort(Map<String, Object> container, Object port) {
        List<Map<String, Object>> ports = listAt(container, "ports");
        if (port instanceof String name) {
            return at(named(ports, name), "containerPort");
        }
        assertThat(ports).as("the container's ports").anySatisfy(declared -> assertThat(declared.get("containerPort")).isEqualTo(port));
        return port;
    }

    private static int serverPort() {
        return Integer.parseInt(application.getProperty("server.port", "8080"));
    }

    private static List<String> exposedEndpoints() {
        return Arrays.stream(application.getProperty("management.endpoints.web.exposure.include", "health").split(","))
                .map(String::trim)
                .toList();
    }

    private static String environment(String name) {
        return String.valueOf(at(named(listAt(gradientContainer(), "env"), name), "value"));
    }

    private static String optionalEnvironment(String name, String otherwise) {
        return listAt(gradientContainer(), "env").stream()
                .filter(variable -> name.equals(variable.get("name")))
                .map(variable -> String.valueOf(variable.get("value")))
                .findFirst()
                .orElse(otherwise);
    }
}
