#!/usr/bin/env bash
# Run a real single-node Apache Kafka broker (KRaft, combined broker+controller) without Docker.
#
# Why: newsflow's integration tests run against a real broker, and the test machines have no
# Docker engine but do reach Maven Central, where Apache publishes the broker as jars. So we fetch
# those jars with Maven (deploy/kafka/pom.xml) and start kafka.Kafka with plain `java`.
#
# The Kafka version is pinned here and only here (KAFKA_VERSION below; the pom takes it from us).
# docker-compose must use the same version as its image tag: apache/kafka:3.9.1.
#
# Needs: Java 17+, Maven 3.8+ (install only), bash.
set -euo pipefail

KAFKA_VERSION=3.9.1

# Where the jars live; the version is in the default path so a version bump re-installs.
KAFKA_HOME=${NEWSFLOW_KAFKA_HOME:-$HOME/.cache/newsflow/kafka-$KAFKA_VERSION}
KAFKA_LIB=$KAFKA_HOME/lib
POM=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/kafka/pom.xml

# Seconds `start` waits for the client port before giving up.
START_TIMEOUT=${NEWSFLOW_KAFKA_START_TIMEOUT:-90}

usage() {
  cat <<EOF
Usage:
  deploy/kafka.sh install
      Fetch the Kafka $KAFKA_VERSION broker jars from Maven Central into $KAFKA_LIB
      (skipped when already there). Set NEWSFLOW_KAFKA_HOME to install elsewhere.
  deploy/kafka.sh installed
      Exit 0 when the jars are installed, 1 otherwise (prints nothing).
  deploy/kafka.sh start [--port N] [--controller-port M] [--dir D]
      Start a single-node KRaft broker on 127.0.0.1:N (default 9092; controller on M, default
      N+1), keeping config, data, pid file and log in D (default $KAFKA_HOME/run).
      Waits until the broker accepts connections, then prints the bootstrap address.
  deploy/kafka.sh stop [--dir D]
      Stop the broker whose pid file is in D (default $KAFKA_HOME/run).
EOF
}

die() { echo "kafka.sh: $*" >&2; exit 1; }

is_installed() { [[ -f $KAFKA_LIB/kafka_2.13-$KAFKA_VERSION.jar ]]; }

# True when something accepts TCP connections on 127.0.0.1:$1 (bash's /dev/tcp, no nc needed).
port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# The process in pid file $1, if it is still alive.
live_pid() {
  local pid
  [[ -f $1 ]] || return 1
  pid=$(<"$1")
  [[ -n $pid ]] && kill -0 "$pid" 2>/dev/null && echo "$pid"
}

cmd_install() {
  if is_installed; then
    echo "Kafka $KAFKA_VERSION already installed in $KAFKA_HOME"
    return
  fi
  command -v mvn >/dev/null || die "Maven (mvn) is needed to fetch Kafka: apt-get install -y maven"
  echo "Fetching Kafka $KAFKA_VERSION jars from Maven Central into $KAFKA_LIB ..."
  # Copy into a scratch directory and rename at the end, so an interrupted download never
  # looks like an installation.
  local tmp=$KAFKA_HOME/lib.partial
  rm -rf "$tmp"
  mkdir -p "$KAFKA_HOME"
  # Maven 3.8 prints colour resets even in batch mode; strip them (pipefail keeps mvn's status).
  mvn -B -q -f "$POM" -Dkafka.version="$KAFKA_VERSION" \
    dependency:copy-dependencies -DincludeScope=runtime -DoutputDirectory="$tmp" 2>&1 \
    | sed 's/\x1b\[[0-9;]*m//g'
  [[ -f $tmp/kafka_2.13-$KAFKA_VERSION.jar ]] || die "Maven finished but kafka_2.13-$KAFKA_VERSION.jar is missing"
  rm -rf "$KAFKA_LIB"
  mv "$tmp" "$KAFKA_LIB"
  echo "Installed Kafka $KAFKA_VERSION in $KAFKA_HOME"
}

write_config() {
  local dir=$1 port=$2 cport=$3
  cat >"$dir/server.properties" <<EOF
# Written by deploy/kafka.sh: a throwaway single-node KRaft broker for development and tests.
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@127.0.0.1:$cport
controller.listener.names=CONTROLLER
listeners=PLAINTEXT://127.0.0.1:$port,CONTROLLER://127.0.0.1:$cport
advertised.listeners=PLAINTEXT://127.0.0.1:$port
inter.broker.listener.name=PLAINTEXT
listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
log.dirs=$dir/data

# One node: every internal topic must make do with one replica, or it is never created.
offsets.topic.replication.factor=1
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
share.coordinator.state.topic.replication.factor=1
share.coordinator.state.topic.min.isr=1
default.replication.factor=1
min.insync.replicas=1
# Few internal partitions: creating the default 50 delays the first consumer group join.
offsets.topic.num.partitions=1
transaction.state.log.num.partitions=1

# Tests join groups often: do not wait 3 s for more members that never come.
group.initial.rebalance.delay.ms=0
# Topics are created on purpose (newsflow creates its own); a typo must not create one.
auto.create.topics.enable=false
num.partitions=1
EOF
  # reload4j reads this; everything goes to stdout, which start redirects to kafka.log.
  cat >"$dir/log4j.properties" <<'EOF'
log4j.rootLogger=INFO, stdout
log4j.appender.stdout=org.apache.log4j.ConsoleAppender
log4j.appender.stdout.layout=org.apache.log4j.PatternLayout
log4j.appender.stdout.layout.ConversionPattern=[%d] %p %m (%c)%n
log4j.logger.kafka=INFO
log4j.logger.org.apache.kafka=INFO
log4j.logger.state.change.logger=WARN
log4j.logger.kafka.request.logger=WARN
EOF
}

# The cluster id of the data in $1, so a restart in the same directory keeps its data: format
# with --ignore-formatted still fails when given a different id. A new directory gets a random
# id: 16 random bytes, base64url without padding (what `StorageTool random-uuid` prints), made
# here to save a JVM start. Like Kafka's own Uuid.randomUuid, never one starting with '-': the
# tools' option parser would take it for an option (1 start in 64 failed that way).
cluster_id() {
  local meta=$1/meta.properties id
  if [[ -f $meta ]] && grep -q '^cluster.id=' "$meta"; then
    sed -n 's/^cluster\.id=//p' "$meta"
    return
  fi
  id=-
  while [[ $id == -* ]]; do
    id=$(head -c 16 /dev/urandom | base64 | tr '+/' '-_' | tr -d '=\n')
  done
  echo "$id"
}

# Why start-up failed: the first errors in the log (the root cause; what follows is mostly the
# shutdown they caused), or its last lines when it has none.
show_log() {
  grep -m 3 -A 2 -E '\] (ERROR|FATAL) ' "$1" >&2 || tail -n 30 "$1" >&2
}

cmd_start() {
  local port=9092 cport="" dir=$KAFKA_HOME/run
  while (($#)); do
    case $1 in
      --port) port=${2:?--port needs a value}; shift 2 ;;
      --controller-port) cport=${2:?--controller-port needs a value}; shift 2 ;;
      --dir) dir=${2:?--dir needs a value}; shift 2 ;;
      -h|--help) usage; exit 0 ;;
      *) usage >&2; die "unknown option for start: $1" ;;
    esac
  done
  cport=${cport:-$((port + 1))}
  is_installed || die "Kafka $KAFKA_VERSION is not installed in $KAFKA_HOME: run deploy/kafka.sh install"
  command -v java >/dev/null || die "java is needed to run Kafka: apt-get install -y openjdk-17-jre-headless"

  mkdir -p "$dir"
  dir=$(cd "$dir" && pwd)
  local pidfile=$dir/kafka.pid logfile=$dir/kafka.log pid
  if pid=$(live_pid "$pidfile"); then
    die "a broker from $dir is already running (pid $pid): deploy/kafka.sh stop --dir $dir"
  fi
  # Otherwise the readiness probe below would succeed against whatever holds the port.
  for p in "$port" "$cport"; do
    ! port_open "$p" || die "port $p on 127.0.0.1 is already in use"
  done

  write_config "$dir" "$port" "$cport"
  local -a java=(java -Xms128m -Xmx512m -XX:+UseG1GC -Djava.awt.headless=true
    "-Dlog4j.configuration=file:$dir/log4j.properties" "-Dkafka.logs.dir=$dir"
    -cp "$KAFKA_LIB/*")

  # --ignore-formatted: restarting in the same directory keeps its data.
  "${java[@]}" kafka.tools.StorageTool format --ignore-formatted \
    -t "$(cluster_id "$dir/data")" -c "$dir/server.properties" >"$logfile" 2>&1 \
    || { show_log "$logfile"; die "formatting storage in $dir/data failed"; }

  # setsid: the broker outlives this script in its own session, untouched by a Ctrl-C meant for
  # the caller. setsid may fork, so $! is not reliably the broker: the inner shell writes its own
  # pid, which `exec` hands to java. The pid file is how `stop` finds the broker.
  rm -f "$pidfile"
  # shellcheck disable=SC2016  # $$ and $@ are for the inner shell, not this one
  setsid bash -c 'echo $$ >"$0" && exec "$@"' "$pidfile" \
    "${java[@]}" kafka.Kafka "$dir/server.properties" >>"$logfile" 2>&1 </dev/null &
  local i
  for ((i = 0; i < 100; i++)); do
    [[ -s $pidfile ]] && break
    sleep 0.05
  done
  [[ -s $pidfile ]] || die "could not launch java (log: $logfile)"
  pid=$(<"$pidfile")

  # The client port opens only once the broker is ready, so a TCP probe is a readiness check.
  local deadline=$((SECONDS + START_TIMEOUT))
  until port_open "$port"; do
    if ! kill -0 "$pid" 2>/dev/null; then
      rm -f "$pidfile"
      show_log "$logfile"
      die "the broker exited during start-up (log: $logfile)"
    fi
    if ((SECONDS >= deadline)); then
      show_log "$logfile"
      stop_pid "$pid"
      rm -f "$pidfile"
      die "the broker did not open port $port within ${START_TIMEOUT}s (log: $logfile)"
    fi
    sleep 0.2
  done
  echo "127.0.0.1:$port"
}

# SIGTERM makes Kafka shut down cleanly; SIGKILL if it has not after 30 s.
stop_pid() {
  local pid=$1 i
  kill "$pid" 2>/dev/null || return 0
  for ((i = 0; i < 300; i++)); do
    kill -0 "$pid" 2>/dev/null || return 0
    sleep 0.1
  done
  echo "kafka.sh: broker $pid ignored SIGTERM for 30 s; killing it" >&2
  kill -9 "$pid" 2>/dev/null || true
}

cmd_stop() {
  local dir=$KAFKA_HOME/run pid
  while (($#)); do
    case $1 in
      --dir) dir=${2:?--dir needs a value}; shift 2 ;;
      -h|--help) usage; exit 0 ;;
      *) usage >&2; die "unknown option for stop: $1" ;;
    esac
  done
  if pid=$(live_pid "$dir/kafka.pid"); then
    stop_pid "$pid"
    echo "stopped broker $pid"
  else
    echo "no broker running from $dir"
  fi
  rm -f "$dir/kafka.pid"
}

case ${1:-} in
  install) shift; cmd_install "$@" ;;
  installed) is_installed ;;
  start) shift; cmd_start "$@" ;;
  stop) shift; cmd_stop "$@" ;;
  -h|--help|help) usage ;;
  *) usage >&2; exit 2 ;;
esac
