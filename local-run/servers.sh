# Sourced by local-run/run and local-run/test: starts this machine's PostgreSQL and RabbitMQ
# when they are installed but stopped, or says what is missing.

say() { printf '%s\n' "$*"; }
fail() { say "local-run: $*" >&2; exit 1; }
reachable() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

ensure_postgres() {
  pg_isready -q -h 127.0.0.1 -p 5432 2>/dev/null && return
  if command -v pg_ctlcluster >/dev/null && [ -d /etc/postgresql ]; then
    say "PostgreSQL is not running; starting it"
    pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | head -n1)" main start || true
    for _ in $(seq 30); do pg_isready -q -h 127.0.0.1 -p 5432 && return; sleep 1; done
  fi
  fail "PostgreSQL is not reachable on 127.0.0.1:5432. Install and start it (Debian: apt-get install postgresql; pg_ctlcluster 15 main start), with trust or password auth for user postgres."
}

ensure_rabbitmq() {
  reachable 5672 && return
  if command -v rabbitmq-server >/dev/null; then
    say "RabbitMQ is not running; starting it"
    rabbitmq-server -detached || true
    for _ in $(seq 60); do reachable 5672 && return; sleep 1; done
  fi
  fail "RabbitMQ is not reachable on 127.0.0.1:5672. Install and start it (Debian: apt-get install rabbitmq-server; rabbitmq-server -detached), with user guest/guest."
}

