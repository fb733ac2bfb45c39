# Images of the edge and the processor, built from this repository:
#   docker build --target ingress -t callstream-ingress .
#   docker build --target processor -t callstream-processor .
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY . .
RUN ./mvnw -q -B -DskipTests package

FROM eclipse-temurin:17-jre AS ingress
COPY --from=build /src/ingress/target/callstream-ingress-*-exec.jar /app/callstream-ingress.jar
# The spool (events Kafka does not take in time) lives here (a volume in docker-compose.yml).
RUN mkdir -p /var/lib/callstream/spool && chown -R 10001 /var/lib/callstream
ENV CALLSTREAM_INGRESS_SPOOL_DIRECTORY=/var/lib/callstream/spool
# 3000: PBXs and the admin API; 3100: health, metrics, API docs (MANAGEMENT_SERVER_ADDRESS=0.0.0.0 to reach it).
EXPOSE 3000 3100
USER 10001
ENTRYPOINT ["java", "-jar", "/app/callstream-ingress.jar"]

FROM eclipse-temurin:17-jre AS processor
COPY --from=build /src/processor/target/callstream-processor-*-exec.jar /app/callstream-processor.jar
# The stores live here (a volume in docker-compose.yml), owned by the user the processor runs as.
RUN mkdir -p /var/lib/callstream && chown 10001 /var/lib/callstream
# 3001: the query API; 3101: health and metrics (MANAGEMENT_SERVER_ADDRESS=0.0.0.0 to reach it).
EXPOSE 3001 3101
USER 10001
ENTRYPOINT ["java", "-jar", "/app/callstream-processor.jar"]
