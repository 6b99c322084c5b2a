#!/usr/bin/env bash
# Builds a minimal Java 17 base image as a local tarball (docker-save layout), for building the service images with
# Jib on a machine that reaches no container registry: a jlinked Java runtime from the installed JDK, the shared
# libraries it loads, and a non-root user (185, as in the usual OpenJDK runtime images). Operators build on the
# registry base instead (deploy/images/README.md).
#
#   deploy/images/offline-base.sh [output.tar]      (default: target/offline-base.tar at the repository root)
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
out="${1:-$root/target/offline-base.tar}"
java_home="${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
fs="$work/rootfs"
mkdir -p "$fs/opt" "$fs/tmp" "$fs/etc" "$fs/home/jboss" "$fs/deployments"
chmod 1777 "$fs/tmp"

# the whole platform (Quarkus and its libraries reach into jdk.* modules), without debug data, headers and man pages
"$java_home/bin/jlink" --module-path "$java_home/jmods" --add-modules ALL-MODULE-PATH \
    --strip-debug --no-header-files --no-man-pages --compress=2 --output "$fs/opt/java"
# Debian links these to /etc: the image gets the files themselves
for f in cacerts blocked.certs default.policy public_suffix_list.dat; do
    if [ -L "$fs/opt/java/lib/security/$f" ] || [ ! -e "$fs/opt/java/lib/security/$f" ]; then
        rm -f "$fs/opt/java/lib/security/$f"
        [ -e "$java_home/lib/security/$f" ] && cp -L "$java_home/lib/security/$f" "$fs/opt/java/lib/security/$f"
    fi
done

# every shared library the runtime loads, and the dynamic loader, at the paths they have here
libs="$( { ldd "$fs/opt/java/bin/java"; find "$fs/opt/java/lib" -name '*.so' -exec ldd {} \; ; } 2>/dev/null \
    | grep -oE '/[^ ]+\.so[^ ]*' | grep -v "^$fs" | sort -u)"
for lib in $libs /lib/x86_64-linux-gnu/libnss_files.so.2 /lib/x86_64-linux-gnu/libnss_dns.so.2 /lib/x86_64-linux-gnu/libresolv.so.2; do
    [ -e "$lib" ] || continue
    mkdir -p "$fs$(dirname "$lib")"
    cp -L "$lib" "$fs$lib"
done
mkdir -p "$fs/lib64" && cp -L /lib64/ld-linux-x86-64.so.2 "$fs/lib64/"

cat > "$fs/etc/passwd" <<'PASSWD'
root:x:0:0:root:/root:/sbin/nologin
jboss:x:185:185:service:/home/jboss:/sbin/nologin
PASSWD
cat > "$fs/etc/group" <<'GROUP'
root:x:0:
jboss:x:185:
GROUP
echo 'hosts: files dns' > "$fs/etc/nsswitch.conf"
chown -R 185:185 "$fs/home/jboss" "$fs/deployments" 2>/dev/null || true

# one layer, its config and the manifest: what `docker save` writes and Jib reads from tar://
mkdir -p "$work/image"
tar --numeric-owner -C "$fs" -cf "$work/image/layer.tar" .
diff_id="sha256:$(sha256sum "$work/image/layer.tar" | cut -d' ' -f1)"
cat > "$work/image/config.json" <<CONFIG
{"architecture":"amd64","os":"linux",
 "config":{"User":"185","WorkingDir":"/home/jboss",
   "Env":["PATH=/opt/java/bin:/usr/bin:/bin","JAVA_HOME=/opt/java","LANG=C.UTF-8"]},
 "rootfs":{"type":"layers","diff_ids":["$diff_id"]},
 "history":[{"created_by":"deploy/images/offline-base.sh from $(basename "$java_home")"}]}
CONFIG
echo '[{"Config":"config.json","RepoTags":["rongtong/offline-jre:17"],"Layers":["layer.tar"]}]' > "$work/image/manifest.json"
mkdir -p "$(dirname "$out")"
tar -C "$work/image" -cf "$out" manifest.json config.json layer.tar
echo "offline base image: $out ($(du -h "$out" | cut -f1))"
