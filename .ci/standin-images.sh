#!/usr/bin/env bash
# Stands in for a container registry, which this CI machine cannot reach. It builds, from
# Debian packages, local images under the exact names that Dockerfile and docker-compose.yml
# use, so that those files stay exactly what a user runs. These images are not the real ones
# (for one, they are glibc-based, not Alpine); anywhere a registry is reachable, skip this
# script and let Docker pull the real images.
#
# Each image is a root filesystem put together here and `docker import`ed: the program, the
# shared libraries that ldd lists for it, and busybox-static for a shell and wget (the real
# Alpine images have busybox too). An image that exists already is kept.
set -euo pipefail

JRE_IMAGE=eclipse-temurin:17-jre-alpine
REDIS_IMAGE=redis:7-alpine
HAPROXY_IMAGE=haproxy:2.8-alpine
PROMETHEUS_IMAGE=prom/prometheus:v2.42.0
JDK=/usr/lib/jvm/java-17-openjdk-amd64

work=$(mktemp -d)
chmod 755 "$work"  # apt-get download fetches as the _apt user
trap 'rm -rf "$work"' EXIT

exists() { docker image inspect "$1" >/dev/null 2>&1; }

# The packages a stand-in is made from; apt only installs libraries and tools on this machine,
# the programs that become images are downloaded and unpacked, never installed as services.
need_packages() {
  local missing=()
  for p in "$@"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
  if ((${#missing[@]})); then
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  fi
}

# A root filesystem with busybox (sh, wget, ...), /tmp and a passwd that knows root and nobody.
new_root() {
  local root=$1
  mkdir -p "$root"/{bin,etc,tmp,data}
  chmod 1777 "$root/tmp"
  cp /bin/busybox "$root/bin/busybox"
  for applet in $("$root/bin/busybox" --list); do
    [ -e "$root/bin/$applet" ] || ln -s busybox "$root/bin/$applet"
  done
  printf 'root:x:0:0:root:/root:/bin/sh\nnobody:x:65534:65534:nobody:/nonexistent:/bin/false\n' >"$root/etc/passwd"
  printf 'root:x:0:\nnogroup:x:65534:\nnobody:x:65534:\n' >"$root/etc/group"
}

# Copies into $root every shared library (and the loader) that the given ELF files need.
add_libs() {
  local root=$1; shift
  # "lib => /path (addr)" lines, and the loader's "/path (addr)"; not the "file:" headers
  ldd "$@" 2>/dev/null | awk '$2 == "=>" && $3 ~ /^\// {print $3} $1 ~ /^\// && $1 !~ /:$/ {print $1}' | sort -u |
    while read -r lib; do
    cp -L --parents "$lib" "$root"
  done
}

# Unpacks a Debian package's files (not its scripts) under $2.
unpack() {
  (cd "$work" && apt-get download -qq "$1" >/dev/null)
  dpkg -x "$work"/"$1"_*.deb "$2"
}

import() {
  local root=$1 image=$2; shift 2
  tar -C "$root" -c . | docker import "$@" - "$image" >/dev/null
  echo "built stand-in $image ($(du -sh "$root" | cut -f1))"
}

need_packages busybox-static

if ! exists "$JRE_IMAGE"; then
  need_packages openjdk-17-jdk-headless
  root=$work/jre
  new_root "$root"
  # the modules of a full JRE that a Spring Boot service can need; no compiler, no desktop tools
  "$JDK/bin/jlink" --module-path "$JDK/jmods" --output "$root/opt/java/openjdk" \
    --add-modules java.se,jdk.unsupported,jdk.crypto.ec,jdk.crypto.cryptoki,jdk.management,jdk.management.agent,jdk.naming.dns,jdk.net,jdk.zipfs,jdk.jfr,jdk.httpserver \
    --strip-debug --no-header-files --no-man-pages --compress=2
  add_libs "$root" "$root/opt/java/openjdk/bin/java" $(find "$root/opt/java/openjdk/lib" -name '*.so')
  import "$root" "$JRE_IMAGE" \
    --change 'ENV JAVA_HOME=/opt/java/openjdk' \
    --change 'ENV PATH=/opt/java/openjdk/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin'
fi

if ! exists "$REDIS_IMAGE"; then
  need_packages liblzf1 libjemalloc2 libssl3 libsystemd0
  root=$work/redis
  new_root "$root"
  unpack redis-tools "$work/redis-pkg"
  mkdir -p "$root/usr/local/bin"
  # one binary that acts by the name it is run as; Debian's redis-server package only adds that name
  cp -L "$work/redis-pkg/usr/bin/redis-check-rdb" "$root/usr/local/bin/redis-server"
  cp -L "$work/redis-pkg/usr/bin/redis-cli" "$root/usr/local/bin/redis-cli"
  add_libs "$root" "$root/usr/local/bin/redis-server" "$root/usr/local/bin/redis-cli"
  # the real image's entrypoint turns protected mode off when no configuration file is given
  import "$root" "$REDIS_IMAGE" \
    --change 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
    --change 'WORKDIR /data' --change 'EXPOSE 6379' \
    --change 'CMD ["redis-server", "--protected-mode", "no"]'
fi

if ! exists "$HAPROXY_IMAGE"; then
  root=$work/haproxy
  new_root "$root"
  unpack haproxy "$work/haproxy-pkg"
  need_packages $(apt-cache depends haproxy | awk '/Depends: lib/ {print $2}')
  mkdir -p "$root/usr/local/sbin" "$root/usr/local/etc/haproxy" "$root/var/lib/haproxy"
  cp "$work/haproxy-pkg/usr/sbin/haproxy" "$root/usr/local/sbin/haproxy"
  add_libs "$root" "$root/usr/local/sbin/haproxy"
  import "$root" "$HAPROXY_IMAGE" \
    --change 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
    --change 'CMD ["haproxy", "-W", "-db", "-f", "/usr/local/etc/haproxy/haproxy.cfg"]'
fi

if ! exists "$PROMETHEUS_IMAGE"; then
  root=$work/prometheus
  new_root "$root"
  unpack prometheus "$work/prometheus-pkg"
  mkdir -p "$root/etc/prometheus" "$root/prometheus"
  cp "$work/prometheus-pkg/usr/bin/prometheus" "$work/prometheus-pkg/usr/bin/promtool" "$root/bin/"
  add_libs "$root" "$root/bin/prometheus"
  # the real image: runs as nobody, keeps its data in /prometheus, and takes flags as its command
  chown 65534:65534 "$root/prometheus"
  import "$root" "$PROMETHEUS_IMAGE" \
    --change 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
    --change 'USER nobody' --change 'WORKDIR /prometheus' --change 'EXPOSE 9090' \
    --change 'ENTRYPOINT ["/bin/prometheus"]' \
    --change 'CMD ["--config.file=/etc/prometheus/prometheus.yml", "--storage.tsdb.path=/prometheus"]'
fi
