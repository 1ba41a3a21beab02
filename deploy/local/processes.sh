# Shared by start.sh and stop.sh: which processes npm start runs, and whether a pid file still names
# one of ours. A pid file can outlive its process (kill -9, a reboot, a container restart) and the
# number can since belong to a zombie or to anybody's process; `kill -0` alone cannot tell.
RUN="${TILBUDSNET_RUN_DIR:-$ROOT/.cache/run}"
SUPERVISOR="$ROOT/deploy/local/supervise.js"

# The pid in $RUN/<name>.pid if it is a live supervisor of this checkout for <name>; else nothing.
supervisor_pid() {
  local name="$1" pid state
  [ -f "$RUN/$name.pid" ] || return 1
  pid="$(cat "$RUN/$name.pid" 2>/dev/null)"
  [[ "$pid" =~ ^[0-9]+$ ]] || return 1
  [ -r "/proc/$pid/stat" ] || return 1
  state="$(sed -E 's/^[0-9]+ \(.*\) ([A-Za-z]).*/\1/' "/proc/$pid/stat" 2>/dev/null)"
  [ "$state" != "Z" ] && [ "$state" != "X" ] || return 1
  tr '\0' ' ' < "/proc/$pid/cmdline" 2>/dev/null | grep -qF -- "$SUPERVISOR --name $name " || return 1
  echo "$pid"
}

# The port each process listens on (the same variables the services read).
port_of() {
  case "$1" in
    offers) echo "${OFFERS_PORT:-3001}" ;;
    visitation) echo "${VISITATION_PORT:-3002}" ;;
    tariffs) echo "${TARIFFS_PORT:-3003}" ;;
    notifications) echo "${NOTIFICATIONS_PORT:-3004}" ;;
    console) echo "${CONSOLE_PORT:-3000}" ;;
    identity) echo "${IDENTITY_PORT:-3010}" ;;
    mail-catcher) echo "${MAIL_CATCHER_HTTP_PORT:-1080}" ;;
  esac
}

port_answers() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
