# Progress lines for .ci/run and .ci/toolchain (sourced, not run): what is being installed or run, a line
# every 30 s while a quiet command is still busy, and how long each took. Everything goes to stderr.

# Prints one line, prefixed with the script's name: `say "installing chromium"`.
say() { echo "${0##*/}: $*" >&2; }

# Seconds as "1m05s" or "42s".
duration() { if (($1 >= 60)); then printf '%dm%02ds' $(($1 / 60)) $(($1 % 60)); else printf '%ds' "$1"; fi; }

# Runs a command that prints little for a long time (a download, apt-get), saying what it is, that it is
# still running every 30 s, and how long it took: `quietly "installing Node 24" npm install ...`.
quietly() {
  local label=$1 start=$SECONDS status=0
  shift
  say "$label ..."
  "$@" &
  local pid=$! next=$((SECONDS + 30))
  while kill -0 "$pid" 2>/dev/null; do
    sleep 1
    if ((SECONDS >= next)); then
      say "$label: still running, $(duration $((SECONDS - start))) so far"
      next=$((next + 30))
    fi
  done
  wait "$pid" || status=$?
  if ((status == 0)); then say "$label: done in $(duration $((SECONDS - start)))"; else say "$label: FAILED (exit $status)"; fi
  return "$status"
}
