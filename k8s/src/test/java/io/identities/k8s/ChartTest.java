package io.identities.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.InstallCommand;
import com.marcnuri.helm.LintResult;
import com.marcnuri.helm.TemplateCommand;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesResource;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.AllowedRoutes;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.Gateway;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPBackendRef;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRoute;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRouteMatch;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRouteRule;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRouteRuleBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyEgressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The Helm chart, offline: linted strictly, rendered with the default values, a production-like
 * values file and the operators on, at two Kubernetes versions; every manifest parsed into the
 * fabric8 model with unknown fields refused; and what must hold of the rendered objects.
 */
class ChartTest {

  private static final Path CHART = Path.of("identities");
  private static final Path PRODUCTION = Path.of("values-production.yaml");
  private static final List<String> SERVICES =
      List.of("identities-service", "linkedin-gateway", "email-gateway", "warmup-service");

  /** The console: the Identities section as web pages, calling the services' APIs. */
  private static final String CONSOLE = "console";

  /** What the chart deploys: the services and the console. */
  private static final List<String> WORKLOADS =
      Stream.concat(SERVICES.stream(), Stream.of(CONSOLE)).toList();

  private static final List<String> KUBERNETES = List.of("1.29.0", "1.33.0");

  /**
   * The kinds fabric8 has no model of (Envoy Gateway's, CloudNativePG's and the RabbitMQ Cluster
   * Operator's) and the fields of their CRDs the chart writes (Envoy Gateway v1 SecurityPolicy,
   * CloudNativePG v1 Cluster, RabbitMQ v1beta1 RabbitmqCluster): any other field is refused.
   */
  private static final Map<String, Set<String>> OPERATOR_FIELDS =
      Map.of(
          "SecurityPolicy",
          Set.of(
              "spec.targetRefs[].group",
              "spec.targetRefs[].kind",
              "spec.targetRefs[].name",
              "spec.jwt.providers[].name",
              "spec.jwt.providers[].issuer",
              "spec.jwt.providers[].audiences[]",
              "spec.jwt.providers[].remoteJWKS.uri"),
          "Cluster",
          Set.of(
              "spec.instances",
              "spec.storage.size",
              "spec.bootstrap.initdb.database",
              "spec.bootstrap.initdb.owner"),
          "RabbitmqCluster",
          Set.of("spec.replicas", "spec.persistence.storage", "spec.rabbitmq.additionalConfig"));

  /** The services whose share pages spend share links at identities-service. */
  private static final List<String> SHARE_PAGES = List.of("linkedin-gateway", "email-gateway");

  /**
   * What a name may have at most, by kind, where it is less than a DNS subdomain's 253: a Service's
   * (a DNS-1035 label), a Pod's (its host name) and a Job's (its job-name label) 63; a
   * StatefulSet's 52 (its pods' controller-revision-hash label is {@code <name>-<hash of up to
   * 10>}); a CloudNativePG Cluster's 50 (its webhook refuses more).
   */
  private static final Map<String, Integer> NAME_LIMITS =
      Map.of("Service", 63, "Pod", 63, "Job", 63, "StatefulSet", 52, "Cluster", 50);

  /** The kinds whose names are DNS-1035 labels (a letter first). */
  private static final Set<String> DNS_1035 = Set.of("Service", "Cluster");

  /** A way of installing the chart: its name, and what it adds to the template command. */
  record Install(String name, UnaryOperator<TemplateCommand> values) {
    @Override
    public String toString() {
      return name;
    }
  }

  private static final Install DEFAULTS = new Install("default values", command -> command);
  private static final Install PRODUCTION_VALUES =
      new Install("production values", command -> command.withValuesFile(PRODUCTION));
  private static final Install OPERATORS =
      new Install(
          "operators",
          command -> command.set("postgresql.mode", "operator").set("rabbitmq.mode", "operator"));

  static Stream<Object[]> installs() {
    List<Install> installs = List.of(DEFAULTS, PRODUCTION_VALUES, OPERATORS);
    return installs.stream()
        .flatMap(install -> KUBERNETES.stream().map(version -> new Object[] {install, version}));
  }

  @Test
  void shouldPassHelmLintStrict() {
    LintResult lint = new Helm(CHART).lint().strict().call();
    assertFalse(lint.isFailed(), () -> String.join("\n", lint.getMessages()));
  }

  @ParameterizedTest(name = "{0} on Kubernetes {1}")
  @MethodSource("installs")
  void shouldRenderWhatAClusterOperatorExpects(Install install, String kubernetes) {
    List<HasMetadata> objects = render(install, kubernetes);

    assertTrue(objects.stream().noneMatch(o -> o.getKind().equals("Secret")), "no Secret rendered");
    for (String service : WORKLOADS) {
      Deployment deployment = named(objects, Deployment.class, service);
      PodSpec pod = deployment.getSpec().getTemplate().getSpec();
      assertEquals(Boolean.FALSE, pod.getAutomountServiceAccountToken(), service);
      assertEquals(Boolean.TRUE, pod.getSecurityContext().getRunAsNonRoot(), service);
      assertEquals("RuntimeDefault", pod.getSecurityContext().getSeccompProfile().getType());
      assertTrue(pod.getTerminationGracePeriodSeconds() > 20, "longer than the services' shutdown");
      assertEquals(2, pod.getTopologySpreadConstraints().size(), "spread over zones and hosts");
      assertTrue(
          pod.getVolumes().stream()
              .anyMatch(v -> "tmp".equals(v.getName()) && v.getEmptyDir() != null),
          "a writable /tmp");
      Container container = pod.getContainers().get(0);
      assertNotNull(container.getStartupProbe(), service);
      assertEquals("/q/health/started", container.getStartupProbe().getHttpGet().getPath());
      assertEquals("/q/health/live", container.getLivenessProbe().getHttpGet().getPath());
      assertEquals("/q/health/ready", container.getReadinessProbe().getHttpGet().getPath());
      assertNotNull(container.getResources().getLimits().get("cpu"), service);
      assertNotNull(container.getResources().getLimits().get("memory"), service);
      assertNotNull(container.getResources().getRequests().get("memory"), service);
      assertEquals(Boolean.TRUE, container.getSecurityContext().getReadOnlyRootFilesystem());
      assertEquals(Boolean.FALSE, container.getSecurityContext().getAllowPrivilegeEscalation());
      assertEquals(List.of("ALL"), container.getSecurityContext().getCapabilities().getDrop());
      String image = container.getImage();
      assertTrue(
          image.matches(".+/" + service + ":[0-9][^:]*") && !image.endsWith(":latest"),
          "a pinned image: " + image);
      assertTrue(
          container.getVolumeMounts().stream().anyMatch(m -> "/tmp".equals(m.getMountPath())));
      Map<String, String> annotations =
          deployment.getSpec().getTemplate().getMetadata().getAnnotations();
      assertNotNull(annotations.get("checksum/config"), "a changed configuration rolls the pods");
      assertEquals("/q/metrics", annotations.get("prometheus.io/path"));

      Service kube = named(objects, Service.class, service);
      assertEquals(
          deployment.getSpec().getSelector().getMatchLabels(),
          kube.getSpec().getSelector(),
          "the Service selects the Deployment's pods");
      assertTrue(
          deployment
              .getSpec()
              .getTemplate()
              .getMetadata()
              .getLabels()
              .entrySet()
              .containsAll(kube.getSpec().getSelector().entrySet()));
      assertEquals(
          Boolean.FALSE,
          named(objects, ServiceAccount.class, service).getAutomountServiceAccountToken());
      NetworkPolicy policy = named(objects, NetworkPolicy.class, service);
      assertEquals(List.of("Ingress", "Egress"), policy.getSpec().getPolicyTypes());
      assertEquals(
          deployment.getSpec().getSelector().getMatchLabels(),
          policy.getSpec().getPodSelector().getMatchLabels());
      PodDisruptionBudget pdb = named(objects, PodDisruptionBudget.class, service);
      assertEquals(
          deployment.getSpec().getSelector().getMatchLabels(),
          pdb.getSpec().getSelector().getMatchLabels());
      HorizontalPodAutoscaler hpa = named(objects, HorizontalPodAutoscaler.class, service);
      assertEquals(deployment.getMetadata().getName(), hpa.getSpec().getScaleTargetRef().getName());
      for (EnvVar variable : container.getEnv()) {
        if (variable.getValueFrom() != null && variable.getValueFrom().getSecretKeyRef() != null) {
          assertNotNull(variable.getValueFrom().getSecretKeyRef().getName(), variable.getName());
        }
      }
    }
  }

  @Test
  void shouldVerifyJwtsAtTheEdgeForTheApiAndLetSharePagesAndCallbacksPass() {
    List<HasMetadata> objects = render(DEFAULTS, "1.33.0");
    HTTPRoute api = named(objects, HTTPRoute.class, "api");
    HTTPRoute open = named(objects, HTTPRoute.class, "public");
    assertEquals(
        Map.of(
            "/api/identities", "identities-service",
            "/api/linkedin", "linkedin-gateway",
            "/api/email", "email-gateway",
            "/api/warmup", "warmup-service"),
        routes(api));
    assertEquals(
        Map.of(
            "/share/email", "email-gateway",
            "/share", "linkedin-gateway",
            "/api/email/oauth/callback", "email-gateway",
            "/api/warmup/payments/stripe/webhook", "warmup-service"),
        routes(open));
    assertEquals(
        List.of(api.getMetadata().getName()),
        jwtTargets(objects).stream().map(t -> t.get("name")).toList(),
        "only the API route needs a token");
    String jwt = spec(securityPolicy(objects)).toString();
    assertTrue(jwt.contains("issuer=https://auth.example.com/"), jwt);
    HTTPRoute redirect = named(objects, HTTPRoute.class, "https-redirect");
    assertEquals("http", redirect.getSpec().getParentRefs().get(0).getSectionName());
    assertEquals(
        "https",
        redirect.getSpec().getRules().get(0).getFilters().get(0).getRequestRedirect().getScheme(),
        "plain HTTP only redirects");
    for (HTTPRoute route : List.of(api, open)) {
      assertEquals(
          "https",
          route.getSpec().getParentRefs().get(0).getSectionName(),
          "the services are reached over TLS only");
      for (HTTPRouteRule rule : route.getSpec().getRules()) {
        assertTrue(
            setsForwardedProtoHttps(rule),
            "the services see https (the share pages' cookie is Secure)");
      }
    }
  }

  @Test
  void shouldRouteEveryOtherPathToTheConsoleWithoutAJwtAndKeepTheApiUnderTheSecurityPolicy() {
    List<HasMetadata> objects = render(DEFAULTS, "1.33.0");
    HTTPRoute console = named(objects, HTTPRoute.class, CONSOLE);
    HTTPRoute api = named(objects, HTTPRoute.class, "api");
    HTTPRoute open = named(objects, HTTPRoute.class, "public");
    Map<String, HTTPRoute> routeOf = new LinkedHashMap<>();
    routeOf.put("/", console);
    routeOf.put("/identities/new", console);
    routeOf.put("/identities/7", console);
    routeOf.put("/static/console.css", console);
    routeOf.put("/api/identities/identities", api);
    routeOf.put("/api/warmup/warmups", api);
    routeOf.put("/api/email/oauth/callback", open);
    routeOf.put("/share/3q2", open);
    routeOf.forEach(
        (path, route) ->
            assertEquals(
                route.getMetadata().getName(),
                taker(objects, path).route().getMetadata().getName(),
                "the route that takes " + path + " (the longest prefix wins)"));
    HTTPRouteRule pages = taker(objects, "/identities/new").rule();
    assertEquals(
        List.of(named(objects, Service.class, CONSOLE).getMetadata().getName()),
        pages.getBackendRefs().stream().map(HTTPBackendRef::getName).toList());
    assertEquals(8080, pages.getBackendRefs().get(0).getPort());
    assertTrue(setsForwardedProtoHttps(pages), "the console sees https (its cookies are Secure)");
    assertEquals("https", console.getSpec().getParentRefs().get(0).getSectionName());
    assertEquals(List.of("identities.example.com"), console.getSpec().getHostnames());
    HTTPRouteRule metrics = taker(objects, "/q/metrics").rule();
    assertTrue(
        metrics.getBackendRefs() == null || metrics.getBackendRefs().isEmpty(),
        "the console's health and metrics are not let out: " + metrics);
    assertEquals(
        "/", metrics.getFilters().get(0).getRequestRedirect().getPath().getReplaceFullPath());
    assertEquals(
        List.of(
            Map.of(
                "group", "gateway.networking.k8s.io",
                "kind", "HTTPRoute",
                "name", api.getMetadata().getName())),
        jwtTargets(objects),
        "the API route alone needs a JWT: not the Gateway, not the console's route");
  }

  @Test
  void shouldSignTheConsoleInAtTheProviderAndLetItCallTheServicesInsideTheCluster() {
    List<HasMetadata> objects = render(PRODUCTION_VALUES, "1.33.0");
    Deployment deployment = named(objects, Deployment.class, CONSOLE);
    Container container = deployment.getSpec().getTemplate().getSpec().getContainers().get(0);
    assertEquals("registry.example.com/identities/console:0.1.0", container.getImage());
    assertTrue(
        container.getEnv().stream().allMatch(v -> v.getValueFrom() == null),
        "no login of a database or a broker: " + container.getEnv());
    Map<String, String> env = environment(container);
    assertEquals("console", env.get("QUARKUS_APPLICATION_NAME"));
    assertEquals(
        "https://login.example.com/realms/sales",
        env.get("OIDC_AUTH_SERVER_URL"),
        "the issuer of the jwt block");
    assertEquals("identities-console", env.get("OIDC_CLIENT_ID"));
    assertEquals(
        "https://login.example.com",
        env.get("OIDC_PROVIDER_ORIGIN"),
        "the provider's origin, a form target of the console's Content-Security-Policy");
    assertEquals("identities-api", env.get("JWT_AUDIENCE"), "the audience the services verify");
    assertEquals("true", env.get("LOG_JSON"));
    Map<String, String> addresses =
        Map.of(
            "IDENTITIES_SERVICE_URL", "identities-service",
            "LINKEDIN_GATEWAY_URL", "linkedin-gateway",
            "EMAIL_GATEWAY_URL", "email-gateway",
            "WARMUP_SERVICE_URL", "warmup-service");
    addresses.forEach(
        (variable, service) -> {
          Service kube = named(objects, Service.class, service);
          assertEquals(
              "http://"
                  + kube.getMetadata().getName()
                  + ":"
                  + kube.getSpec().getPorts().get(0).getPort(),
              env.get(variable),
              service + "'s Service, inside the cluster");
        });
    assertEquals(
        List.of("Secret identities-platform-console"),
        container.getEnvFrom().stream()
            .map(
                source ->
                    source.getSecretRef() == null
                        ? "not a Secret: " + source
                        : "Secret " + source.getSecretRef().getName())
            .toList(),
        "its own Secret (console.existingSecret), by name, and nothing else");
    assertTrue(
        env.keySet().stream()
            .noneMatch(
                name -> name.matches("(QUARKUS_DATASOURCE|DB|RABBITMQ|IDENTITIES_SECRETS)_.*")),
        "no database, no broker, no sealing keys: " + env.keySet());
    String manifest = Serialization.asJson(deployment);
    for (String secret :
        List.of(
            "identities-platform-secrets",
            "identities-platform-postgresql",
            "identities-platform-rabbitmq")) {
      assertFalse(manifest.contains(secret), "none of the services' Secrets: " + secret);
    }
    Service kube = named(objects, Service.class, CONSOLE);
    assertEquals("http", kube.getSpec().getPorts().get(0).getName());
    assertEquals(8080, kube.getSpec().getPorts().get(0).getPort());

    Install onAPort =
        new Install(
            "a provider on a port",
            command ->
                command
                    .withValuesFile(PRODUCTION)
                    .set("console.oidc.authServerUrl", "https://login.example.com:8443/realms/x"));
    assertEquals(
        "https://login.example.com:8443",
        environment(
                named(render(onAPort, "1.33.0"), Deployment.class, CONSOLE)
                    .getSpec()
                    .getTemplate()
                    .getSpec()
                    .getContainers()
                    .get(0))
            .get("OIDC_PROVIDER_ORIGIN"));
  }

  @ParameterizedTest(name = "{0} on Kubernetes {1}")
  @MethodSource("installs")
  void shouldLetTheConsoleReachOnlyItsProviderAndTheServicesWhichLetItIn(
      Install install, String kubernetes) {
    List<HasMetadata> objects = render(install, kubernetes);
    NetworkPolicy console = named(objects, NetworkPolicy.class, CONSOLE);
    NetworkPolicy identities = named(objects, NetworkPolicy.class, "identities-service");
    assertEquals(
        List.of(identities.getSpec().getIngress().get(0)),
        console.getSpec().getIngress(),
        "in: only the gateway's proxies, Prometheus and the test pod, as at the services");
    int provider = install == PRODUCTION_VALUES ? 8443 : 443;
    assertEquals(
        Set.of(53, provider, 8080),
        console.getSpec().getEgress().stream()
            .flatMap(rule -> rule.getPorts().stream())
            .map(port -> port.getPort().getIntVal())
            .collect(Collectors.toSet()),
        "out: only DNS, its provider and the services (no PostgreSQL, no RabbitMQ)");
    assertEquals(
        egressTo(identities, provider).getTo(),
        egressTo(console, provider).getTo(),
        "its provider, where the services fetch the issuer's keys (networkPolicy.jwks)");
    Map<String, String> consolePods =
        named(objects, Deployment.class, CONSOLE).getSpec().getSelector().getMatchLabels();
    List<Map<String, String>> servicePods = new ArrayList<>();
    for (String service : SERVICES) {
      servicePods.add(
          named(objects, Deployment.class, service).getSpec().getSelector().getMatchLabels());
      assertTrue(
          named(objects, NetworkPolicy.class, service).getSpec().getIngress().stream()
              .anyMatch(
                  rule ->
                      rule.getPorts().stream().anyMatch(p -> p.getPort().getIntVal() == 8080)
                          && rule.getFrom().stream()
                              .anyMatch(
                                  peer ->
                                      peer.getNamespaceSelector() == null
                                          && isConsole(peer)
                                          && peer.getPodSelector()
                                              .getMatchLabels()
                                              .equals(consolePods))),
          service + " lets the console's pods in on 8080");
    }
    List<NetworkPolicyPeer> called = egressTo(console, 8080).getTo();
    assertTrue(
        called.stream()
            .allMatch(peer -> peer.getNamespaceSelector() == null && peer.getIpBlock() == null),
        "pods of its namespace: " + called);
    assertEquals(
        Set.copyOf(servicePods),
        called.stream()
            .map(peer -> peer.getPodSelector().getMatchLabels())
            .collect(Collectors.toSet()),
        "the four services' pods");
  }

  @Test
  void shouldRenderNoConsoleWhenItIsNotEnabled() {
    List<HasMetadata> objects =
        render(
            new Install("no console", command -> command.set("console.enabled", "false")),
            "1.33.0");
    assertTrue(
        objects.stream()
            .noneMatch(
                o ->
                    o.getMetadata().getName().endsWith("-" + CONSOLE)
                        || CONSOLE.equals(
                            Objects.requireNonNullElse(o.getMetadata().getLabels(), Map.of())
                                .get("app.kubernetes.io/name"))),
        "no object of the console");
    assertEquals(
        Set.of("identities-https-redirect", "identities-api", "identities-public"),
        httpRoutes(objects).stream()
            .map(r -> r.getMetadata().getName())
            .collect(Collectors.toSet()));
    for (String service : SERVICES) {
      NetworkPolicy policy = named(objects, NetworkPolicy.class, service);
      assertTrue(
          policy.getSpec().getIngress().stream()
              .flatMap(rule -> rule.getFrom().stream())
              .noneMatch(ChartTest::isConsole),
          service + " lets in no console that is not there");
      assertNotNull(named(objects, Deployment.class, service), service);
    }
  }

  @Test
  void shouldLetOnlyTheGatewaysProxiesInAndLetEachServiceReachOnlyWhatItTalksTo() {
    List<HasMetadata> objects = render(DEFAULTS, "1.33.0");
    for (String service : SERVICES) {
      NetworkPolicy policy = named(objects, NetworkPolicy.class, service);
      List<NetworkPolicyPeer> from = policy.getSpec().getIngress().get(0).getFrom();
      assertTrue(
          from.stream().allMatch(peer -> peer.getPodSelector() != null),
          "only chosen pods, never a whole namespace: " + from);
      assertEquals(
          "envoy-gateway",
          peerIn(from, "envoy-gateway-system")
              .getPodSelector()
              .getMatchLabels()
              .get("app.kubernetes.io/managed-by"),
          "Envoy Gateway's proxies, in its own namespace");
      assertNotNull(peerIn(from, "monitoring"), "Prometheus scrapes /q/metrics");
      assertEquals("databases", namespaceOf(egressTo(policy, 5432)), "postgresql.databases.svc");
      assertEquals("messaging", namespaceOf(egressTo(policy, 5672)), "rabbitmq.messaging.svc");
      NetworkPolicyEgressRule keys = egressTo(policy, 443);
      assertTrue(
          keys.getTo().get(0).getIpBlock().getExcept().containsAll(List.of("10.0.0.0/8")),
          service + " fetches the issuer's keys outside the cluster, not inside it");
    }
    NetworkPolicy email = named(objects, NetworkPolicy.class, "email-gateway");
    for (int port : List.of(25, 465, 587, 143, 993)) {
      assertNotNull(egressTo(email, port), "mail servers on " + port);
    }
    assertThrows(
        AssertionError.class,
        () -> egressTo(named(objects, NetworkPolicy.class, "identities-service"), 587),
        "identities-service talks to no mail server");

    List<HasMetadata> production = render(PRODUCTION_VALUES, "1.33.0");
    NetworkPolicy identities = named(production, NetworkPolicy.class, "identities-service");
    assertEquals("login", namespaceOf(egressTo(identities, 8443)), "an issuer inside the cluster");
    assertNotNull(
        peerIn(identities.getSpec().getIngress().get(0).getFrom(), "gateway-system"),
        "proxies beside the shared Gateway");

    List<HasMetadata> operators = render(OPERATORS, "1.33.0");
    NetworkPolicy warmup = named(operators, NetworkPolicy.class, "warmup-service");
    assertEquals(
        "identities-warmup-db",
        egressTo(warmup, 5432)
            .getTo()
            .get(0)
            .getPodSelector()
            .getMatchLabels()
            .get("cnpg.io/cluster"),
        "its own CloudNativePG cluster only");
    assertEquals(
        "identities-rabbitmq",
        egressTo(warmup, 5672)
            .getTo()
            .get(0)
            .getPodSelector()
            .getMatchLabels()
            .get("app.kubernetes.io/name"));
  }

  @Test
  void shouldConfigureThePublicAddressesFromTheGatewaysHost() {
    Map<String, String> config =
        named(render(DEFAULTS, "1.33.0"), ConfigMap.class, "config").getData();
    assertEquals("https://identities.example.com", config.get("IDENTITIES_SHARE_LINKS_BASE_URL"));
    assertEquals(
        "https://identities.example.com/api/email/oauth/callback",
        config.get("EMAIL_OAUTH_REDIRECT_URI"));
    assertTrue(config.get("WARMUP_PAYMENT_SUCCESS_URL").contains("{CHECKOUT_SESSION_ID}"));
    assertNotNull(config.get("WARMUP_PAYMENT_CANCEL_URL"));
    Map<String, String> overridden =
        named(
                render(
                    new Install(
                        "overridden",
                        command ->
                            command.set(
                                "config.IDENTITIES_SHARE_LINKS_BASE_URL", "https://links.example")),
                    "1.33.0"),
                ConfigMap.class,
                "config")
            .getData();
    assertEquals("https://links.example", overridden.get("IDENTITIES_SHARE_LINKS_BASE_URL"));
  }

  @Test
  void shouldLetTheRoutesAttachToAGatewayItCreatesInAnotherNamespace() {
    Gateway gateway =
        render(new Install("edge", command -> command.set("gateway.namespace", "edge")), "1.33.0")
            .stream()
            .filter(Gateway.class::isInstance)
            .map(Gateway.class::cast)
            .findFirst()
            .orElseThrow();
    assertEquals("edge", gateway.getMetadata().getNamespace());
    AllowedRoutes allowed =
        gateway.getSpec().getListeners().stream()
            .filter(listener -> listener.getName().equals("https"))
            .findFirst()
            .orElseThrow()
            .getAllowedRoutes();
    assertEquals("Selector", allowed.getNamespaces().getFrom());
    assertEquals(
        "sales",
        allowed.getNamespaces().getSelector().getMatchLabels().get("kubernetes.io/metadata.name"),
        "the release's namespace, where the routes are");
  }

  @Test
  void shouldRollThePodsWhenTheConfigurationChanges() {
    Install changed = new Install("changed", command -> command.set("config.LOG_JSON", "false"));
    String before = checksum(render(DEFAULTS, "1.33.0"));
    assertNotEquals(before, checksum(render(changed, "1.33.0")));
  }

  @Test
  void shouldWireEachServiceToItsOwnOperatorManagedDatabase() {
    List<HasMetadata> objects = render(OPERATORS, "1.33.0");
    List<String> clusters =
        objects.stream()
            .filter(o -> o.getKind().equals("Cluster"))
            .map(o -> o.getMetadata().getName())
            .toList();
    assertEquals(4, clusters.size(), "one database per service");
    assertEquals(1, objects.stream().filter(o -> o.getKind().equals("RabbitmqCluster")).count());
    for (String service : SERVICES) {
      Container container =
          named(objects, Deployment.class, service)
              .getSpec()
              .getTemplate()
              .getSpec()
              .getContainers()
              .get(0);
      String secret =
          container.getEnv().stream()
              .filter(v -> v.getName().equals("QUARKUS_DATASOURCE_JDBC_URL"))
              .findFirst()
              .orElseThrow()
              .getValueFrom()
              .getSecretKeyRef()
              .getName();
      assertTrue(clusters.contains(secret.substring(0, secret.length() - "-app".length())), secret);
    }
  }

  @Test
  void shouldRefuseBadValuesWithAClearMessage() {
    Map<String, String> refused = new LinkedHashMap<>();
    refused.put("services.email-gateway.replicas", "-1");
    refused.put("services.billing-service.replicas", "2");
    refused.put("jwt.issuer", "");
    refused.put("image.tag", "latest");
    refused.put("postgresql.mode", "embedded");
    refused.put("warmup.payment.successUrl", "");
    refused.put("postgresql.cidr", "the-database");
    refused.put("gateway.listener", "HTTPS!");
    refused.put("console.oidc.authServerUrl", "auth.example.com");
    refused.put("console.oidc.clientId", "");
    refused.put("console.existingSecret", "Console_Secret");
    refused.put("console.replicas", "0");
    refused.forEach(
        (key, value) -> {
          Exception e =
              assertThrows(
                  Exception.class,
                  () -> install().set(key, value).call(),
                  "helm install refuses " + key + "=" + value);
          assertTrue(
              e.getMessage().contains("values don't meet the specifications of the schema"),
              e.getMessage());
          String named =
              key.startsWith("services.billing") ? "billing-service" : "/" + key.replace('.', '/');
          assertTrue(e.getMessage().contains(named), "the message names " + named + ": " + e);
        });
  }

  @Test
  void shouldCheckEachServicesReadinessInHelmTest(@TempDir Path copy) throws Exception {
    // helm-java's template (and its dry-run install) leave hook resources out: the test pod is
    // rendered from a copy of the chart in which it is no hook
    Path test = Path.of("templates/tests/test-readiness.yaml");
    assertTrue(Files.readString(CHART.resolve(test)).contains("helm.sh/hook: test"));
    try (Stream<Path> files = Files.walk(CHART)) {
      for (Path file : files.toList()) {
        Path target = copy.resolve(CHART.relativize(file).toString());
        if (Files.isDirectory(file)) {
          Files.createDirectories(target);
        } else {
          Files.writeString(
              target, Files.readString(file).replaceAll("(?m)^\\s*helm\\.sh/hook.*$", ""));
        }
      }
    }
    List<HasMetadata> objects = new ArrayList<>();
    for (String document :
        new Helm(copy)
            .template()
            .withName("identities")
            .withKubeVersion("1.33.0")
            .call()
            .split("(?m)^---\\s*$")) {
      if (document.contains("kind:")) {
        objects.add(parse(document));
      }
    }
    Pod pod = named(objects, Pod.class, "readiness-test");
    String script = String.join(" ", pod.getSpec().getContainers().get(0).getArgs());
    for (String service : WORKLOADS) {
      String name = named(objects, Service.class, service).getMetadata().getName();
      assertTrue(
          script.contains("http://" + name + ":8080/q/health/ready"),
          "the test pod checks " + service + " through its Service: " + script);
    }
    for (String service : List.of("email-gateway", CONSOLE)) {
      NetworkPolicy policy = named(objects, NetworkPolicy.class, service);
      assertTrue(
          policy.getSpec().getIngress().get(0).getFrom().stream()
              .anyMatch(
                  peer ->
                      peer.getPodSelector() != null
                          && pod.getMetadata()
                              .getLabels()
                              .entrySet()
                              .containsAll(peer.getPodSelector().getMatchLabels().entrySet())),
          "the network policies let the test pod in: " + service);
    }
  }

  @ParameterizedTest(name = "release {0}")
  @ValueSource(strings = {"identities", "sales-platform-eu-west"})
  void shouldNameNoObjectAsTheOperatorsNameTheirs(String release) {
    List<HasMetadata> objects = render(release, OPERATORS, "1.33.0");
    Map<String, String> owners = new LinkedHashMap<>();
    for (HasMetadata object : objects) {
      owners.put(object.getKind() + " " + object.getMetadata().getName(), "the chart");
    }
    Set<String> read = new TreeSet<>();
    for (String service : WORKLOADS) {
      Container container =
          named(objects, Deployment.class, service)
              .getSpec()
              .getTemplate()
              .getSpec()
              .getContainers()
              .get(0);
      container.getEnvFrom().stream()
          .filter(source -> source.getSecretRef() != null)
          .forEach(
              source ->
                  owners.put(
                      "Secret " + source.getSecretRef().getName(),
                      service.equals(CONSOLE)
                          ? "console.existingSecret"
                          : "secrets.existingSecret"));
      container.getEnv().stream()
          .filter(v -> v.getValueFrom() != null && v.getValueFrom().getSecretKeyRef() != null)
          .forEach(v -> read.add("Secret " + v.getValueFrom().getSecretKeyRef().getName()));
    }
    List<Named> created = operatorObjects(objects);
    assertTrue(created.size() > 80, "four Clusters and a RabbitmqCluster: " + created);
    for (Named object : created) {
      String before = owners.putIfAbsent(object.kind() + " " + object.name(), object.owner());
      assertNull(
          before,
          object.owner() + " creates the " + object.kind() + " " + object.name() + " of " + before);
    }
    Set<String> operatorSecrets =
        created.stream()
            .filter(o -> o.kind().equals("Secret"))
            .map(o -> "Secret " + o.name())
            .collect(Collectors.toCollection(TreeSet::new));
    assertTrue(
        operatorSecrets.containsAll(read),
        "the pods read the logins the operators make: " + read + " of " + operatorSecrets);
  }

  @ParameterizedTest(name = "release {0}, {1}")
  @MethodSource("longReleases")
  void shouldKeepEveryNameWithinWhatItsKindAllows(String release, Install install) {
    List<HasMetadata> objects = render(release, install, "1.33.0");
    List<Named> names = new ArrayList<>();
    for (HasMetadata object : objects) {
      names.add(new Named(object.getKind(), object.getMetadata().getName(), "the chart"));
      labelValues(
          Serialization.jsonMapper().convertValue(object, Map.class),
          "",
          (path, value) ->
              assertTrue(
                  value.length() <= 63,
                  "a label value has at most 63 characters: " + path + "=" + value));
    }
    names.addAll(operatorObjects(objects));
    assertTrue(
        install == DEFAULTS || names.stream().anyMatch(n -> n.owner().startsWith("Cluster ")),
        "the names the operators derive are checked too");
    for (Named named : names) {
      int limit = NAME_LIMITS.getOrDefault(named.kind(), 253);
      assertTrue(
          named.name().length() <= limit,
          named.kind() + " " + named.name() + " of " + named.owner() + ": at most " + limit);
      String format = DNS_1035.contains(named.kind()) ? "[a-z]" : "[a-z0-9]";
      assertTrue(
          named.name().matches(format + "([-a-z0-9]*[a-z0-9])?"),
          named.kind() + " " + named.name() + ": a DNS label");
    }
  }

  static Stream<Object[]> longReleases() {
    Install override =
        new Install(
            "operators, fullnameOverride",
            command -> OPERATORS.values().apply(command).set("fullnameOverride", "sales-eu-west"));
    return Stream.of(
        new Object[] {"sales-platform-eu-west", OPERATORS},
        new Object[] {"sales-platform-eu-west", DEFAULTS},
        // the longest prefixes: 36 characters with the operators, 44 without
        new Object[] {"sales-platform-eu-west-01", OPERATORS},
        new Object[] {"sales-platform-eu-west-production", DEFAULTS},
        new Object[] {"sales-platform-eu-west-production-customer-accounts", override});
  }

  @ParameterizedTest(name = "release {0}, {1}")
  @MethodSource("tooLongReleases")
  void shouldRefuseAReleaseNameThatMakesANameTooLong(String release, Install install) {
    Exception e = assertThrows(Exception.class, () -> render(release, install, "1.33.0"));
    String limit = install == OPERATORS ? "at most 36" : "at most 44";
    assertTrue(
        e.getMessage().contains("\"" + release + "-identities\"")
            && e.getMessage().contains(limit)
            && e.getMessage().contains("set fullnameOverride"),
        "the prefix, its limit and what to do: " + e.getMessage());
  }

  static Stream<Object[]> tooLongReleases() {
    String longest = "sales-platform-eu-west-production-customer-accounts"; // Helm allows 53
    return Stream.of(
        new Object[] {longest, OPERATORS},
        new Object[] {longest, DEFAULTS},
        new Object[] {longest, PRODUCTION_VALUES},
        // one character over
        new Object[] {"sales-platform-eu-west-001", OPERATORS},
        new Object[] {"sales-platform-eu-west-production1", DEFAULTS});
  }

  @Test
  void shouldAttachTheRoutesToTheListenerAnExistingGatewayOffers() {
    List<HasMetadata> production = render(PRODUCTION_VALUES, "1.33.0");
    assertTrue(production.stream().noneMatch(Gateway.class::isInstance));
    assertEquals(
        List.of("https", "https", "https"), sectionNames(production), "gateway.listener's default");
    Install websecure =
        new Install(
            "websecure",
            command -> command.withValuesFile(PRODUCTION).set("gateway.listener", "websecure"));
    assertEquals(
        List.of("websecure", "websecure", "websecure"), sectionNames(render(websecure, "1.33.0")));
    Install every =
        new Install(
            "every listener",
            command -> command.withValuesFile(PRODUCTION).set("gateway.listener", ""));
    List<HasMetadata> everyListener = render(every, "1.33.0");
    assertEquals(
        Arrays.asList(null, null, null), sectionNames(everyListener), "attached to each listener");
    Install own =
        new Install("own gateway", command -> command.set("gateway.listener", "websecure"));
    assertEquals(
        List.of("https", "https", "https"),
        sectionNames(render(own, "1.33.0")),
        "the Gateway the chart makes has its own https listener");
  }

  @ParameterizedTest(name = "{0} on Kubernetes {1}")
  @MethodSource("installs")
  void shouldLetTheSharePagesSpendShareLinksAtIdentitiesServiceInsideTheClusterOnly(
      Install install, String kubernetes) {
    List<HasMetadata> objects = render(install, kubernetes);
    Service keeper = named(objects, Service.class, "identities-service");
    int port = keeper.getSpec().getPorts().get(0).getPort();
    Map<String, String> keeperPods =
        named(objects, Deployment.class, "identities-service")
            .getSpec()
            .getSelector()
            .getMatchLabels();
    List<Map<String, String>> pagePods = new ArrayList<>();
    for (String service : SERVICES) {
      Deployment deployment = named(objects, Deployment.class, service);
      String url =
          deployment.getSpec().getTemplate().getSpec().getContainers().get(0).getEnv().stream()
              .filter(v -> v.getName().equals("IDENTITIES_SHARE_LINK_KEEPER_URL"))
              .map(EnvVar::getValue)
              .findFirst()
              .orElse(null);
      NetworkPolicy policy = named(objects, NetworkPolicy.class, service);
      if (SHARE_PAGES.contains(service)) {
        assertEquals("http://" + keeper.getMetadata().getName() + ":" + port, url, service);
        assertEquals(
            List.of(keeperPods),
            egressTo(policy, port).getTo().stream()
                .map(peer -> peer.getPodSelector().getMatchLabels())
                .toList(),
            service + " reaches identities-service's pods, in its namespace");
        pagePods.add(deployment.getSpec().getSelector().getMatchLabels());
      } else {
        assertNull(url, service + " spends no share link");
        assertThrows(AssertionError.class, () -> egressTo(policy, port), service);
      }
    }
    NetworkPolicy identities = named(objects, NetworkPolicy.class, "identities-service");
    assertTrue(
        identities.getSpec().getIngress().stream()
            .anyMatch(
                rule ->
                    rule.getPorts().stream().anyMatch(p -> p.getPort().getIntVal() == port)
                        && rule.getFrom().stream()
                            .allMatch(peer -> peer.getNamespaceSelector() == null)
                        && Set.copyOf(
                                rule.getFrom().stream()
                                    .map(peer -> peer.getPodSelector().getMatchLabels())
                                    .toList())
                            .equals(Set.copyOf(pagePods))),
        "identities-service lets the share pages' services in: " + identities.getSpec());
    for (String service : SERVICES) {
      if (service.equals("identities-service")) {
        continue;
      }
      assertTrue(
          named(objects, NetworkPolicy.class, service).getSpec().getIngress().stream()
              .flatMap(rule -> rule.getFrom().stream())
              .noneMatch(
                  peer ->
                      peer.getNamespaceSelector() == null && !isTestPod(peer) && !isConsole(peer)),
          service + " lets no other service in");
    }
    assertTrue(
        httpRoutes(objects).stream()
            .flatMap(route -> route.getSpec().getRules().stream())
            .anyMatch(rule -> takes(rule, "/share/3q2")),
        "the share pages are routed");
    String console = named(objects, Service.class, CONSOLE).getMetadata().getName();
    for (HTTPRoute route : httpRoutes(objects)) {
      for (HTTPRouteRule rule : route.getSpec().getRules()) {
        if (rule.getBackendRefs() != null
            && !rule.getBackendRefs().isEmpty()
            && takes(rule, "/share-links/spending")) {
          assertEquals(
              List.of(console),
              rule.getBackendRefs().stream().map(HTTPBackendRef::getName).toList(),
              route.getMetadata().getName()
                  + " routes spending a share link elsewhere than to the console's pages: "
                  + rule);
        }
      }
    }
  }

  @Test
  void shouldRefuseAManifestWithAFieldItsKindDoesNotHave() {
    String misspelt =
        "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n"
            + "    - name: c\n      image: i:1\n      imagePullPolicyy: Always\n";
    AssertionError refused = assertThrows(AssertionError.class, () -> parse(misspelt));
    assertTrue(refused.getMessage().contains("imagePullPolicyy"), refused.getMessage());
    String misspeltPolicy =
        "apiVersion: gateway.envoyproxy.io/v1alpha1\nkind: SecurityPolicy\nmetadata:\n"
            + "  name: p\nspec:\n  jwt:\n    providers:\n      - name: a\n"
            + "        remoteJwks: {uri: https://a/}\n";
    refused = assertThrows(AssertionError.class, () -> parse(misspeltPolicy));
    assertTrue(refused.getMessage().contains("remoteJwks"), refused.getMessage());
  }

  /**
   * The chart installed as a client-only dry run (no cluster): values are checked as on install.
   */
  private static InstallCommand install() {
    return new Helm(CHART)
        .install()
        .withName("identities")
        .withNamespace("sales")
        .withKubeVersion("1.33.0")
        .clientOnly()
        .dryRun();
  }

  private static String checksum(List<HasMetadata> objects) {
    return named(objects, Deployment.class, "identities-service")
        .getSpec()
        .getTemplate()
        .getMetadata()
        .getAnnotations()
        .get("checksum/config");
  }

  /** A container's variables with a value, by name. */
  private static Map<String, String> environment(Container container) {
    return container.getEnv().stream()
        .filter(v -> v.getValue() != null)
        .collect(Collectors.toMap(EnvVar::getName, EnvVar::getValue));
  }

  /** The Envoy Gateway SecurityPolicy that verifies JWTs at the edge. */
  private static HasMetadata securityPolicy(List<HasMetadata> objects) {
    return objects.stream()
        .filter(o -> o.getKind().equals("SecurityPolicy"))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no SecurityPolicy"));
  }

  /** What the SecurityPolicy attaches to: each target's group, kind and name. */
  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> jwtTargets(List<HasMetadata> objects) {
    return (List<Map<String, Object>>) spec(securityPolicy(objects)).get("targetRefs");
  }

  /** Whether the rule tells its backend the browser used HTTPS. */
  private static boolean setsForwardedProtoHttps(HTTPRouteRule rule) {
    return rule.getFilters().stream()
        .filter(f -> f.getRequestHeaderModifier() != null)
        .flatMap(f -> f.getRequestHeaderModifier().getSet().stream())
        .anyMatch(h -> h.getName().equals("X-Forwarded-Proto") && h.getValue().equals("https"));
  }

  /** A route and the rule of it a request takes. */
  record Taken(HTTPRoute route, HTTPRouteRule rule) {}

  /**
   * The rule of the HTTPS routes a request for {@code path} takes, as the Gateway API ranks the
   * matching rules of a host's routes: an exact path before any prefix, a longer prefix before a
   * shorter one.
   */
  private static Taken taker(List<HasMetadata> objects, String path) {
    Taken taken = null;
    int best = -1;
    for (HTTPRoute route : httpRoutes(objects)) {
      if ("http".equals(route.getSpec().getParentRefs().get(0).getSectionName())) {
        continue; // plain HTTP only redirects
      }
      for (HTTPRouteRule rule : route.getSpec().getRules()) {
        for (HTTPRouteMatch match : rule.getMatches()) {
          if (takes(new HTTPRouteRuleBuilder().withMatches(match).build(), path)) {
            int rank =
                "Exact".equals(match.getPath().getType())
                    ? Integer.MAX_VALUE
                    : match.getPath().getValue().length();
            if (rank > best) {
              best = rank;
              taken = new Taken(route, rule);
            }
          }
        }
      }
    }
    assertNotNull(taken, "no route takes " + path);
    return taken;
  }

  /** The peer of {@code peers} in {@code namespace}. */
  private static NetworkPolicyPeer peerIn(List<NetworkPolicyPeer> peers, String namespace) {
    return peers.stream()
        .filter(peer -> peer.getNamespaceSelector() != null)
        .filter(
            peer ->
                namespace.equals(
                    peer.getNamespaceSelector()
                        .getMatchLabels()
                        .get("kubernetes.io/metadata.name")))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no peer in " + namespace + ": " + peers));
  }

  /** The policy's egress rule to {@code port}. */
  private static NetworkPolicyEgressRule egressTo(NetworkPolicy policy, int port) {
    return policy.getSpec().getEgress().stream()
        .filter(rule -> rule.getPorts().stream().anyMatch(p -> p.getPort().getIntVal() == port))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no egress to " + port));
  }

  private static String namespaceOf(NetworkPolicyEgressRule rule) {
    return rule.getTo()
        .get(0)
        .getNamespaceSelector()
        .getMatchLabels()
        .get("kubernetes.io/metadata.name");
  }

  /** Path to service of each rule of the route. */
  private static Map<String, String> routes(HTTPRoute route) {
    Map<String, String> routes = new LinkedHashMap<>();
    for (HTTPRouteRule rule : route.getSpec().getRules()) {
      routes.put(
          rule.getMatches().get(0).getPath().getValue(),
          rule.getBackendRefs().get(0).getName().replaceFirst("^identities-", ""));
    }
    return routes;
  }

  /** An object's kind and name, and who makes it. */
  record Named(String kind, String name, String owner) {}

  /**
   * The objects the operators make for the rendered {@code Cluster}s and {@code RabbitmqCluster},
   * by name: CloudNativePG's (its api/v1 cluster_funcs.go and cluster_types.go suffixes, and
   * pkg/specs: a ServiceAccount, PodDisruptionBudget, Role, RoleBinding and PodMonitor named as the
   * cluster, instances {@code <cluster>-<n>} with their volumes and bootstrap jobs), and the
   * RabbitMQ Cluster Operator's ({@code ChildResourceName} in internal/resource).
   */
  private static List<Named> operatorObjects(List<HasMetadata> objects) {
    List<Named> created = new ArrayList<>();
    for (HasMetadata object : objects) {
      String name = object.getMetadata().getName();
      String owner = object.getKind() + " " + name;
      BiConsumer<String, String> make = (kind, made) -> created.add(new Named(kind, made, owner));
      if (object.getKind().equals("Cluster")) {
        for (String kind :
            List.of("ServiceAccount", "PodDisruptionBudget", "Role", "RoleBinding", "PodMonitor")) {
          make.accept(kind, name);
        }
        make.accept("PodDisruptionBudget", name + "-primary");
        for (String suffix : List.of("-rw", "-ro", "-r", "-any")) {
          make.accept("Service", name + suffix);
        }
        for (String suffix :
            List.of("-app", "-superuser", "-ca", "-server", "-replication", "-pull-secret")) {
          make.accept("Secret", name + suffix);
        }
        for (int n = 1; n <= ((Number) spec(object).get("instances")).intValue(); n++) {
          make.accept("Pod", name + "-" + n);
          make.accept("PersistentVolumeClaim", name + "-" + n);
          make.accept("PersistentVolumeClaim", name + "-" + n + "-wal");
          make.accept("Job", name + "-" + n + (n == 1 ? "-initdb" : "-join"));
        }
      } else if (object.getKind().equals("RabbitmqCluster")) {
        make.accept("Service", name);
        make.accept("Service", name + "-nodes");
        make.accept("Secret", name + "-default-user");
        make.accept("Secret", name + "-erlang-cookie");
        make.accept("ConfigMap", name + "-plugins-conf");
        make.accept("ConfigMap", name + "-server-conf");
        make.accept("ServiceAccount", name + "-server");
        make.accept("RoleBinding", name + "-server");
        make.accept("Role", name + "-peer-discovery");
        make.accept("StatefulSet", name + "-server");
        for (int n = 0; n < ((Number) spec(object).get("replicas")).intValue(); n++) {
          make.accept("Pod", name + "-server-" + n);
          make.accept("PersistentVolumeClaim", "persistence-" + name + "-server-" + n);
        }
      }
    }
    return created;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> spec(HasMetadata resource) {
    return (Map<String, Object>)
        ((GenericKubernetesResource) resource).getAdditionalProperties().get("spec");
  }

  /** Each label value of a manifest (its labels and label selectors), with where it is. */
  private static void labelValues(Object value, String path, BiConsumer<String, String> label) {
    if (value instanceof Map<?, ?> map) {
      map.forEach(
          (key, item) -> {
            String at = path + "." + key;
            if (Set.of("labels", "matchLabels", "selector").contains(key)
                && item instanceof Map<?, ?> labels
                && labels.values().stream().allMatch(String.class::isInstance)) {
              labels.forEach((name, text) -> label.accept(at + "." + name, (String) text));
            } else {
              labelValues(item, at, label);
            }
          });
    } else if (value instanceof List<?> items) {
      items.forEach(item -> labelValues(item, path + "[]", label));
    }
  }

  private static List<HTTPRoute> httpRoutes(List<HasMetadata> objects) {
    return objects.stream().filter(HTTPRoute.class::isInstance).map(HTTPRoute.class::cast).toList();
  }

  /**
   * The listener the API route, the public route and the console's attach to (null: each of its
   * Gateway's).
   */
  private static List<String> sectionNames(List<HasMetadata> objects) {
    return Stream.of("api", "public", CONSOLE)
        .map(route -> named(objects, HTTPRoute.class, route).getSpec().getParentRefs())
        .map(parents -> parents.get(0).getSectionName())
        .toList();
  }

  /**
   * Whether a request for {@code path} takes {@code rule}, as the Gateway API matches paths: an
   * exact path, or a prefix of whole path elements ({@code /share} takes {@code /share/x}, not
   * {@code /share-links}); a rule without matches takes every path.
   */
  private static boolean takes(HTTPRouteRule rule, String path) {
    if (rule.getMatches() == null || rule.getMatches().isEmpty()) {
      return true;
    }
    return rule.getMatches().stream()
        .anyMatch(
            match -> {
              if (match.getPath() == null) {
                return true;
              }
              String value = match.getPath().getValue();
              return switch (Objects.requireNonNullElse(match.getPath().getType(), "PathPrefix")) {
                case "Exact" -> path.equals(value);
                case "PathPrefix" -> {
                  String prefix = value.replaceAll("/+$", "");
                  yield prefix.isEmpty() || path.equals(prefix) || path.startsWith(prefix + "/");
                }
                default -> true; // a regular expression may take it
              };
            });
  }

  private static boolean isConsole(NetworkPolicyPeer peer) {
    return peer.getPodSelector() != null
        && CONSOLE.equals(peer.getPodSelector().getMatchLabels().get("app.kubernetes.io/name"));
  }

  private static boolean isTestPod(NetworkPolicyPeer peer) {
    return peer.getPodSelector() != null
        && "readiness-test"
            .equals(peer.getPodSelector().getMatchLabels().get("app.kubernetes.io/name"));
  }

  private static <T extends HasMetadata> T named(
      List<HasMetadata> objects, Class<T> kind, String suffix) {
    return objects.stream()
        .filter(kind::isInstance)
        .map(kind::cast)
        .filter(o -> o.getMetadata().getName().endsWith("-" + suffix))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + kind.getSimpleName() + " for " + suffix));
  }

  /** The chart rendered, each manifest parsed, none with a field its kind does not have. */
  private static List<HasMetadata> render(Install install, String kubernetes) {
    return render("identities", install, kubernetes);
  }

  /** The chart rendered as release {@code release}. */
  private static List<HasMetadata> render(String release, Install install, String kubernetes) {
    String manifests =
        install
            .values()
            .apply(
                new Helm(CHART)
                    .template()
                    .withName(release)
                    .withNamespace("sales")
                    .withKubeVersion(kubernetes))
            .call();
    List<HasMetadata> objects = new ArrayList<>();
    for (String document : manifests.split("(?m)^---\\s*$")) {
      if (!document.lines().allMatch(line -> line.isBlank() || line.strip().startsWith("#"))) {
        objects.add(parse(document));
      }
    }
    return objects;
  }

  /** One manifest in the fabric8 model; a field its kind does not have fails the test. */
  private static HasMetadata parse(String document) {
    HasMetadata object = Serialization.unmarshal(document, HasMetadata.class);
    List<String> unknown = new ArrayList<>();
    if (object instanceof GenericKubernetesResource resource) {
      Set<String> known = OPERATOR_FIELDS.get(resource.getKind());
      assertNotNull(known, () -> "a kind the chart is not known to write: " + resource.getKind());
      leaves(resource.getAdditionalProperties(), "", unknown::add);
      unknown.removeIf(known::contains); // metadata, apiVersion and kind are fabric8's own
    } else {
      unknownFields(object, object.getKind(), unknown, new IdentityHashMap<>());
    }
    assertTrue(
        unknown.isEmpty(), () -> "fields its kind does not have: " + unknown + "\n" + document);
    return object;
  }

  /** The leaf fields of a parsed object, as {@code spec.a.b[].c}. */
  private static void leaves(Object value, String path, Consumer<String> leaf) {
    if (value instanceof Map<?, ?> map) {
      map.forEach((key, item) -> leaves(item, path.isEmpty() ? "" + key : path + "." + key, leaf));
    } else if (value instanceof List<?> items) {
      items.forEach(item -> leaves(item, path + "[]", leaf));
    } else {
      leaf.accept(path);
    }
  }

  /** Collects the fields the model did not know (fabric8 keeps them in additionalProperties). */
  private static void unknownFields(
      Object value, String path, List<String> unknown, Map<Object, Boolean> seen) {
    if (value == null || seen.put(value, true) != null) {
      return;
    }
    if (value instanceof Collection<?> items) {
      items.forEach(item -> unknownFields(item, path + "[]", unknown, seen));
      return;
    }
    if (value instanceof Map<?, ?> map) {
      map.values().forEach(item -> unknownFields(item, path + "{}", unknown, seen));
      return;
    }
    if (!(value instanceof KubernetesResource)
        && !value.getClass().getPackageName().startsWith("io.fabric8")) {
      return;
    }
    for (Method getter : value.getClass().getMethods()) {
      if (getter.getParameterCount() != 0
          || !getter.getName().startsWith("get")
          || getter.getDeclaringClass() == Object.class) {
        continue;
      }
      try {
        Object field = getter.invoke(value);
        if (getter.getName().equals("getAdditionalProperties")) {
          if (field instanceof Map<?, ?> extra && !extra.isEmpty()) {
            unknown.add(path + "." + extra.keySet());
          }
        } else if (!Set.of("getClass").contains(getter.getName())) {
          unknownFields(field, path + "." + getter.getName().substring(3), unknown, seen);
        }
      } catch (ReflectiveOperationException | RuntimeException e) {
        // a computed getter (e.g. of a Quantity): nothing the YAML set
      }
    }
  }
}
