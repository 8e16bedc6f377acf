# The bridge as a container: the shaded launcher jar on a Java 21 runtime.
# Build the jar first (./tryx --help builds it, or ./mvnw -B -q -pl bridge -am package -DskipTests), then
# docker compose up --build (see README.md, "Running with Docker").
FROM eclipse-temurin:21-jre
RUN useradd --system --home-dir /var/lib/tryx --create-home tryx
COPY bridge/target/tryx-bridge.jar /opt/tryx/tryx-bridge.jar
USER tryx
WORKDIR /var/lib/tryx
# data-dir (the account store, unless TRYX_STORE names another) lives in this volume
VOLUME /var/lib/tryx
ENV TRYX_DATA_DIR=/var/lib/tryx
EXPOSE 8080
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/opt/tryx/tryx-bridge.jar"]
CMD ["run"]
