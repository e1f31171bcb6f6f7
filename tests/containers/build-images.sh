#!/usr/bin/env bash
# Builds the two images the Testcontainers path of tests/Platform.Testing uses where no image registry is reachable:
#   platform-test/postgres:15      (Debian's postgresql-15)
#   platform-test/rabbitmq:3       (Debian's rabbitmq-server, management plugin on)
# Each is a Debian root filesystem made by debootstrap and turned into an image by `podman import`; a small
# entry point starts the server the way the official images do, which is what Testcontainers' modules expect:
# POSTGRES_USER / POSTGRES_PASSWORD / POSTGRES_DB, extra `-c key=value` arguments, pg_isready on PATH, port 5432;
# RABBITMQ_DEFAULT_USER / RABBITMQ_DEFAULT_PASS, "Server startup complete" on stdout, ports 5672 and 15672.
# Needs root, debootstrap and podman (apt-get install -y podman debootstrap runc). Takes ~5 minutes per image.
# Not used by ./platform or CI. Usage: tests/containers/build-images.sh [postgres|rabbitmq]...
set -euo pipefail

SUITE=${DEBIAN_SUITE:-bookworm}
MIRROR=${DEBIAN_MIRROR:-http://deb.debian.org/debian}
PG_IMAGE=${PLATFORM_TEST_PG_IMAGE:-localhost/platform-test/postgres:15}
RABBIT_IMAGE=${PLATFORM_TEST_RABBIT_IMAGE:-localhost/platform-test/rabbitmq:3}
# Downloaded .debs are kept here so a second run does not fetch them again.
CACHE=${PLATFORM_TEST_IMAGES_CACHE:-/var/cache/platform-test-images/debootstrap}
WORK=$(mktemp -d "${TMPDIR:-/tmp}/platform-images.XXXXXX")
trap 'umount "$WORK"/*/proc 2>/dev/null || true; rm -rf "$WORK"' EXIT

base() { # one minimal Debian, copied for each image
  if [ ! -d "$WORK/base" ]; then
    mkdir -p "$CACHE"
    debootstrap --variant=minbase --cache-dir="$CACHE" "$SUITE" "$WORK/base" "$MIRROR" >&2
  fi
}

rootfs() { # name packages... -> prints the root filesystem's path
  local name=$1; shift
  local dir="$WORK/$name"
  base
  cp -a "$WORK/base" "$dir"
  # Packages are installed in the chroot with services forbidden to start (policy-rc.d), so nothing of theirs
  # runs on the host while the image is made.
  printf '#!/bin/sh\nexit 101\n' > "$dir/usr/sbin/policy-rc.d"; chmod 755 "$dir/usr/sbin/policy-rc.d"
  cp /etc/resolv.conf "$dir/etc/resolv.conf"
  mount -t proc proc "$dir/proc"
  chroot "$dir" sh -c "apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $*" >&2 \
    || { umount "$dir/proc"; return 1; }
  umount "$dir/proc"
  rm -f "$dir/usr/sbin/policy-rc.d" "$dir/etc/resolv.conf"
  # Smaller image; nothing in it runs apt again.
  rm -rf "$dir"/var/cache/apt/archives/*.deb "$dir"/var/lib/apt/lists/* "$dir"/usr/share/doc "$dir"/usr/share/man
  echo "$dir"
}

import() { # dir image changes...
  local dir=$1 image=$2; shift 2
  local changes=()
  for c in "$@"; do changes+=(--change "$c"); done
  tar -C "$dir" --numeric-owner -c . | podman import "${changes[@]}" - "$image"
}

build_postgres() {
  local dir; dir=$(rootfs postgres postgresql-15)
  # The package made a cluster of its own in the chroot; the entry point makes one from the env vars instead.
  rm -rf "$dir"/etc/postgresql/15/main "$dir"/var/lib/postgresql/15
  cat > "$dir/usr/local/bin/docker-entrypoint.sh" <<'SH'
#!/bin/sh
# Like the official postgres image: `docker-entrypoint.sh -c k=v ...` runs `postgres -c k=v ...`; a first start
# makes the cluster from POSTGRES_USER / POSTGRES_PASSWORD / POSTGRES_DB, listening on TCP only once it is ready
# (so `pg_isready --host localhost` answers only then).
set -e
if [ $# -eq 0 ] || [ "${1#-}" != "$1" ]; then set -- postgres "$@"; fi
if [ "$1" = postgres ] && [ "$(id -u)" = 0 ]; then
  mkdir -p "$PGDATA" /var/run/postgresql
  chown -R postgres:postgres "$PGDATA" /var/run/postgresql
  chmod 700 "$PGDATA"
  exec setpriv --reuid=postgres --regid=postgres --init-groups env HOME=/var/lib/postgresql "$0" "$@"
fi
if [ "$1" = postgres ] && [ ! -s "$PGDATA/PG_VERSION" ]; then
  : "${POSTGRES_PASSWORD:?POSTGRES_PASSWORD is required}"
  user=${POSTGRES_USER:-postgres}; db=${POSTGRES_DB:-$user}
  pwfile=$(mktemp); printf '%s\n' "$POSTGRES_PASSWORD" > "$pwfile"
  initdb -D "$PGDATA" --username="$user" --pwfile="$pwfile" --auth-local=trust --auth-host=scram-sha-256 \
    --encoding=UTF8 --locale=C.UTF-8 >/dev/null
  rm -f "$pwfile"
  echo "host all all all scram-sha-256" >> "$PGDATA/pg_hba.conf"
  echo "listen_addresses = '*'" >> "$PGDATA/postgresql.conf"
  if [ "$db" != postgres ]; then
    pg_ctl -D "$PGDATA" -o "-c listen_addresses=''" -w start >/dev/null
    psql -v ON_ERROR_STOP=1 --username="$user" --dbname=postgres -c "CREATE DATABASE \"$db\"" >/dev/null
    pg_ctl -D "$PGDATA" -m fast -w stop >/dev/null
  fi
  echo "database initialised"
fi
exec "$@"
SH
  chmod 755 "$dir/usr/local/bin/docker-entrypoint.sh"
  import "$dir" "$PG_IMAGE" \
    'ENV PATH=/usr/lib/postgresql/15/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
    'ENV PGDATA=/var/lib/postgresql/data' 'ENV LANG=C.UTF-8' \
    'EXPOSE 5432' 'STOPSIGNAL SIGINT' \
    'ENTRYPOINT ["/usr/local/bin/docker-entrypoint.sh"]' 'CMD ["postgres"]'
}

build_rabbitmq() {
  local dir; dir=$(rootfs rabbitmq rabbitmq-server)
  echo '[rabbitmq_management].' > "$dir/etc/rabbitmq/enabled_plugins"
  cat > "$dir/usr/local/bin/docker-entrypoint.sh" <<'SH'
#!/bin/sh
# Like the official rabbitmq image: RABBITMQ_DEFAULT_USER / RABBITMQ_DEFAULT_PASS make the first user, the log
# goes to stdout ("Server startup complete" is what Testcontainers waits for), AMQP on 5672, management on 15672.
set -e
cat > /etc/rabbitmq/rabbitmq.conf <<CONF
listeners.tcp.default = 5672
management.tcp.port = 15672
loopback_users = none
default_user = ${RABBITMQ_DEFAULT_USER:-guest}
default_pass = ${RABBITMQ_DEFAULT_PASS:-guest}
default_user_tags.administrator = true
default_permissions.configure = .*
default_permissions.read = .*
default_permissions.write = .*
log.console = true
log.console.level = info
log.file = false
CONF
mkdir -p /var/lib/rabbitmq /var/log/rabbitmq
chown -R rabbitmq:rabbitmq /var/lib/rabbitmq /var/log/rabbitmq /etc/rabbitmq
if [ $# -eq 0 ]; then set -- rabbitmq-server; fi
if [ "$1" = rabbitmq-server ]; then
  shift
  exec setpriv --reuid=rabbitmq --regid=rabbitmq --init-groups env HOME=/var/lib/rabbitmq \
    /usr/lib/rabbitmq/bin/rabbitmq-server "$@"
fi
exec "$@"
SH
  chmod 755 "$dir/usr/local/bin/docker-entrypoint.sh"
  import "$dir" "$RABBIT_IMAGE" \
    'ENV RABBITMQ_NODENAME=rabbit@localhost' 'ENV RABBITMQ_LOGS=-' 'ENV LANG=C.UTF-8' \
    'ENV PATH=/usr/lib/rabbitmq/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
    'EXPOSE 5672' 'EXPOSE 15672' \
    'ENTRYPOINT ["/usr/local/bin/docker-entrypoint.sh"]' 'CMD ["rabbitmq-server"]'
}

[ $# -gt 0 ] || set -- postgres rabbitmq
for image in "$@"; do
  case $image in
    postgres) build_postgres ;;
    rabbitmq) build_rabbitmq ;;
    *) echo "unknown image: $image (postgres|rabbitmq)" >&2; exit 2 ;;
  esac
done
podman images --filter reference='platform-test/*'
