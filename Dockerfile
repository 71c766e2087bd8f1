# The gradient service as a container image. Build the jar first, then the image:
#   ./mvnw -DskipTests package && docker build -t gradient .
#
# Stage one splits the Spring Boot jar into layers (dependencies change rarely, the
# application often), so that a rebuild after a code change only replaces the last layer.
FROM eclipse-temurin:17-jre-alpine AS layers
WORKDIR /build
ARG JAR_FILE=target/gradient-*.jar
COPY ${JAR_FILE} app.jar
RUN java -Djarmode=tools -jar app.jar extract --layers --launcher --destination extracted

FROM eclipse-temurin:17-jre-alpine
WORKDIR /app
COPY --from=layers /build/extracted/dependencies/ ./
COPY --from=layers /build/extracted/spring-boot-loader/ ./
COPY --from=layers /build/extracted/snapshot-dependencies/ ./
COPY --from=layers /build/extracted/application/ ./
# A numeric user, so that Kubernetes' runAsNonRoot can verify it without a passwd entry.
USER 10001:10001
EXPOSE 8080
# A fixed heap sized from the container's memory limit, not the host's, leaving a quarter for
# metaspace, threads and buffers; a JVM that runs out of memory exits so that it is restarted.
# The serial collector: on 2 cores it gave the lowest p50 and p99 for one point per request and
# as many requests/s at 64 connections as the parallel one, both ahead of G1, whose concurrent
# threads compete with the request threads (bench/peers/jvm_options.py; docs/PERFORMANCE.md,
# "The HTTP path"). The JVM picks it by itself below 2 CPUs or 1792 MB; this keeps it above.
ENV JAVA_TOOL_OPTIONS="-XX:+UseSerialGC -XX:InitialRAMPercentage=75 -XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError"
# matmul runs on dev.ludovic.netlib's Java BLAS here (GET /engines says which): its native path
# is JNI glue built against glibc, which Alpine (musl) lacks, so an OpenBLAS from apk could not be
# loaded. An image on a glibc base with libopenblas0 gets the native one; it then runs on one
# thread, because the service's parallelism is one request per thread, not threads per product.
ENV OPENBLAS_NUM_THREADS=1
# Logs as one JSON object a line in the Elastic Common Schema (Spring Boot's structured logging),
# the request log's line included: what a log shipper reads. Unset it for the readable lines that
# ./mvnw spring-boot:run prints.
ENV LOGGING_STRUCTURED_FORMAT_CONSOLE=ecs
# Liveness as Docker sees it; busybox wget is in the Alpine base. The service reports a lost
# Redis as DEGRADED, still 200: it keeps serving inline requests.
HEALTHCHECK --interval=10s --timeout=3s --start-period=60s --retries=3 \
  CMD wget -q -O /dev/null http://127.0.0.1:8080/actuator/health || exit 1
ENTRYPOINT ["java", "org.springframework.boot.loader.launch.JarLauncher"]
