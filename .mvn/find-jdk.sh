# Sourced by ./mvnw and ./privet: picks a JDK 21 or newer and exports JAVA_HOME.
# Order: JAVA_HOME when it is new enough, then the newest JDK under the system's JVM folder
# (/usr/lib/jvm on Debian, or PRIVET_JVM_DIR), then the `java` on the PATH.

privet_java_major() { # prints the feature version of the java binary given, or nothing
  "$1" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = \([0-9]*\).*/\1/p' | head -n 1
}

privet_jdk_ok() { # a home with java and javac whose version is at least 21
  [ -x "$1/bin/java" ] && [ -x "$1/bin/javac" ] || return 1
  major=$(privet_java_major "$1/bin/java")
  [ -n "$major" ] && [ "$major" -ge 21 ]
}

privet_find_jdk() {
  if [ -n "${JAVA_HOME:-}" ] && privet_jdk_ok "$JAVA_HOME"; then
    return 0
  fi
  best="" best_major=0
  jvm_dir="${PRIVET_JVM_DIR:-/usr/lib/jvm}"
  for name in $(ls "$jvm_dir" 2>/dev/null); do # ls, not a glob: ./mvnw runs with globbing off
    home="$jvm_dir/$name"
    [ -d "$home" ] && [ ! -L "$home" ] || continue
    if privet_jdk_ok "$home"; then
      major=$(privet_java_major "$home/bin/java")
      if [ "$major" -gt "$best_major" ]; then best="$home" best_major="$major"; fi
    fi
  done
  if [ -z "$best" ] && command -v javac >/dev/null 2>&1; then
    home=$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")
    privet_jdk_ok "$home" && best="$home"
  fi
  if [ -z "$best" ]; then
    echo "Privet needs a JDK 21 or newer, and found none." >&2
    [ -n "${JAVA_HOME:-}" ] && echo "  JAVA_HOME=$JAVA_HOME is older than 21 or not a JDK." >&2
    echo "  Looked in ${PRIVET_JVM_DIR:-/usr/lib/jvm} and on the PATH." >&2
    echo "  Install one (for example: apt-get install openjdk-21-jdk-headless) or set JAVA_HOME to it." >&2
    return 1
  fi
  JAVA_HOME="$best"
  export JAVA_HOME
}

privet_find_jdk || exit 1
