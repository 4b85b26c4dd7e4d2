#!/usr/bin/env bash
# Real Redmine and Request Tracker 5 servers on 127.0.0.1 for tests/integration/.
#
#   scripts/integration-servers.sh start   install (first time), configure, start, wait, write the env file
#   scripts/integration-servers.sh stop    stop the servers this script started
#   scripts/integration-servers.sh status  exit 0 when both servers answer
#   scripts/integration-servers.sh env     print the env file (URLs and throwaway local credentials)
#
# Debian packages with SQLite (redmine + redmine-sqlite; request-tracker5 + rt5-db-sqlite +
# rt5-standalone). Every step is idempotent: a second `start` only starts what is not running.
# Root is needed for apt-get and configuration; as another user the script uses sudo.
# Times on a 2-core VM: first install about 5.5 min (downloads included); start after stop
# about 40 s; start while running about 1 s.
# Settings: SUPPORTKIT_REDMINE_PORT (3300), SUPPORTKIT_RT_PORT (8088),
# SUPPORTKIT_INTEGRATION_ENV (where the env file goes; default below).
set -euo pipefail

REDMINE_PORT="${SUPPORTKIT_REDMINE_PORT:-3300}"
RT_PORT="${SUPPORTKIT_RT_PORT:-8088}"
ENV_FILE="${SUPPORTKIT_INTEGRATION_ENV:-${XDG_RUNTIME_DIR:-/tmp}/supportkit-integration.env}"
STATE_DIR=/var/tmp/supportkit-integration
REDMINE_DIR=/usr/share/redmine
RT_LIBEXEC=/usr/share/request-tracker5/libexec
RT_LIB=/usr/share/request-tracker5/lib
RT_CONF_DIR=/etc/request-tracker5
FIELD_NAME="Supportkit report id"
# Ruby 3.1's default bundler shadows Debian's patched one; Debian's is the one that finds the gems.
export BUNDLER_VERSION=2.3.15

as_root() {
  if [ "$(id -u)" -eq 0 ]; then
    "$@"
  elif command -v sudo >/dev/null 2>&1; then
    # Ask for a password only when someone is at the terminal; never hang a test run.
    if [ -t 0 ]; then sudo "$@"; else sudo -n "$@"; fi
  else
    echo "integration-servers: need root (or sudo) for: $*" >&2
    exit 1
  fi
}

as_www() {
  # shellcheck disable=SC2016
  as_root su www-data -s /bin/sh -c "$1"
}

log() { echo "integration-servers: $*" >&2; }

launch() {
  # Runs $2 as www-data in the background as the leader of a session of its own, whose id
  # goes to $1.pid, so `stop` ends exactly that server and its workers. setpriv execs (su
  # would fork and leave the server in another session).
  # shellcheck disable=SC2016
  as_root setsid sh -c 'echo $$ >"$1"; exec env -i HOME=/tmp USER=www-data LOGNAME=www-data \
    PATH=/usr/local/bin:/usr/bin:/bin LANG=C.UTF-8 \
    setpriv --reuid=www-data --regid=www-data --init-groups /bin/sh -c "$3" >"$2" 2>&1' \
    launch "$STATE_DIR/$1.pid" "$STATE_DIR/$1.log" "$2" </dev/null >/dev/null 2>&1 &
}

answers() {
  # True when the URL answers with any HTTP status (curl first; python3 on bare machines).
  if command -v curl >/dev/null 2>&1; then
    curl -s -o /dev/null --max-time 5 "$1"
  else
    python3 - "$1" <<'PY'
import sys, urllib.error, urllib.request
try:
    urllib.request.urlopen(sys.argv[1], timeout=5)
except urllib.error.HTTPError:
    pass
except OSError:
    sys.exit(1)
PY
  fi
}

wait_for() {
  local name=$1 url=$2 pidfile=$3 deadline=$((SECONDS + 180))
  until answers "$url"; do
    if [ -f "$pidfile" ] && ! as_root kill -0 "$(as_root cat "$pidfile")" 2>/dev/null; then
      log "$name exited while starting; its log:"
      as_root tail -n 40 "$STATE_DIR/$name.log" >&2 || true
      exit 1
    fi
    if [ "$SECONDS" -ge "$deadline" ]; then
      log "$name did not answer at $url within 180 s; see $STATE_DIR/$name.log"
      exit 1
    fi
    sleep 1
  done
}

install_packages() {
  local missing=()
  for pkg in redmine redmine-sqlite request-tracker5 rt5-db-sqlite rt5-standalone; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed' ||
      missing+=("$pkg")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  log "installing ${missing[*]} (about 5 minutes, once)"
  as_root apt-get update -qq
  # The Redmine postinst can still fail on the bundler mismatch; configuring again with
  # BUNDLER_VERSION set (as it is here) finishes it.
  as_root env DEBIAN_FRONTEND=noninteractive BUNDLER_VERSION="$BUNDLER_VERSION" \
    apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null ||
    as_root env DEBIAN_FRONTEND=noninteractive BUNDLER_VERSION="$BUNDLER_VERSION" \
      dpkg --configure -a
}

prepare_redmine() {
  # No rack server is bundled on Ruby 3.1; webrick (ruby-webrick, already installed) is.
  if ! as_root grep -qs webrick "$REDMINE_DIR/Gemfile.local"; then
    echo 'gem "webrick"' | as_root tee "$REDMINE_DIR/Gemfile.local" >/dev/null
    (cd "$REDMINE_DIR" && as_root env BUNDLER_VERSION="$BUNDLER_VERSION" bundle install --local >/dev/null)
  fi
}

configure_redmine() {
  # Prints REDMINE_API_KEY=… and REDMINE_FIELD=…; creates the project and custom field once.
  local script
  script=$(
    cat <<'RUBY'
Setting.rest_api_enabled = "1"
project = Project.find_by(identifier: "support") ||
  Project.create!(name: "Support", identifier: "support", is_public: false,
                  enabled_module_names: %w[issue_tracking], tracker_ids: Tracker.pluck(:id))
field = IssueCustomField.find_by(name: "Supportkit report id") ||
  IssueCustomField.create!(name: "Supportkit report id", field_format: "string",
                           is_for_all: false, is_filter: true, searchable: true,
                           tracker_ids: Tracker.pluck(:id))
field.projects << project unless field.projects.include?(project)
puts "REDMINE_API_KEY=#{User.find_by_login("admin").api_key}"
puts "REDMINE_FIELD=#{field.id}"
RUBY
  )
  as_www "cd $REDMINE_DIR && BUNDLER_VERSION=$BUNDLER_VERSION REDMINE_INSTANCE=default \
    RAILS_ENV=production bin/rails runner '$script'" | grep -E '^REDMINE_(API_KEY|FIELD)='
}

start_redmine() {
  answers "http://127.0.0.1:$REDMINE_PORT/" && return 0
  log "starting Redmine on 127.0.0.1:$REDMINE_PORT"
  launch redmine "cd $REDMINE_DIR && BUNDLER_VERSION=$BUNDLER_VERSION REDMINE_INSTANCE=default \
    exec rackup -E production -o 127.0.0.1 -p $REDMINE_PORT"
}

prepare_rt() {
  # The generated site config is root-only, but rt-server runs as www-data.
  as_root chgrp www-data "$RT_CONF_DIR/RT_SiteConfig.pm"
  as_root chmod 640 "$RT_CONF_DIR/RT_SiteConfig.pm"
  local dropin="$RT_CONF_DIR/RT_SiteConfig.d/90-supportkit-integration.pm"
  as_root tee "$dropin" >/dev/null <<PERL
# Written by supportkit's scripts/integration-servers.sh: serve at the root of 127.0.0.1.
Set(\$WebPath, "");
Set(\$WebDomain, "127.0.0.1");
Set(\$WebPort, $RT_PORT);
Set(\$WebBaseURL, "http://127.0.0.1:$RT_PORT");
1;
PERL
  as_root chgrp www-data "$dropin"
  as_root chmod 640 "$dropin"
}

configure_rt() {
  # Prints RT_TOKEN=…: a fresh auth token for root; applies the custom field to General once.
  local script
  script=$(
    cat <<'PERL'
use strict; use warnings;
use RT; RT::LoadConfig(); RT::Init();
my $user = RT::User->new(RT->SystemUser); $user->Load("root");
my $queue = RT::Queue->new(RT->SystemUser); $queue->Load("General");
die "no queue General\n" unless $queue->id;
my $field = RT::CustomField->new(RT->SystemUser);
$field->LoadByName(Name => "Supportkit report id", LookupType => RT::Ticket->CustomFieldLookupType);
unless ($field->id) {
    my ($ok, $msg) = $field->Create(Name => "Supportkit report id", Type => "FreeformSingle",
        LookupType => RT::Ticket->CustomFieldLookupType, Description => "supportkit idempotency");
    die "custom field: $msg\n" unless $ok;
}
$field->AddToObject($queue) unless $field->IsAdded($queue->id);
my $token = RT::AuthToken->new(RT::CurrentUser->new($user));
my ($id, $msg, $value) = $token->Create(Owner => $user->id, Description => "supportkit integration");
die "token: $msg\n" unless $id;
print "RT_TOKEN=$value\n";
PERL
  )
  as_www "perl -I$RT_LIB -e '$script'" 2> >(grep -v 'internal HTML converter' >&2) |
    grep -E '^RT_TOKEN='
}

start_rt() {
  answers "http://127.0.0.1:$RT_PORT/" && return 0
  log "starting Request Tracker on 127.0.0.1:$RT_PORT"
  launch rt "exec $RT_LIBEXEC/rt-server --port $RT_PORT"
}

write_env() {
  local redmine_vars=$1 rt_vars=$2 key field token
  key=$(sed -n 's/^REDMINE_API_KEY=//p' <<<"$redmine_vars")
  field=$(sed -n 's/^REDMINE_FIELD=//p' <<<"$redmine_vars")
  token=$(sed -n 's/^RT_TOKEN=//p' <<<"$rt_vars")
  [ -n "$key" ] && [ -n "$field" ] && [ -n "$token" ] || {
    log "could not read the API key, custom field or token"
    exit 1
  }
  mkdir -p "$(dirname "$ENV_FILE")"
  (
    umask 077
    cat >"$ENV_FILE" <<EOF
SUPPORTKIT_IT_REDMINE_BASE=http://127.0.0.1:$REDMINE_PORT
SUPPORTKIT_IT_REDMINE_URL=redmine+http://127.0.0.1:$REDMINE_PORT/projects/support
SUPPORTKIT_IT_REDMINE_API_KEY=$key
SUPPORTKIT_IT_REDMINE_FIELD=$field
SUPPORTKIT_IT_RT_BASE=http://127.0.0.1:$RT_PORT
SUPPORTKIT_IT_RT_URL=rt+http://127.0.0.1:$RT_PORT/General
SUPPORTKIT_IT_RT_TOKEN=$token
SUPPORTKIT_IT_RT_FIELD='$FIELD_NAME'
EOF
  )
}

stop_one() {
  local pidfile="$STATE_DIR/$1.pid" pid
  as_root test -f "$pidfile" || return 0
  pid=$(as_root cat "$pidfile")
  # setsid made the server its own process group; end that group only.
  as_root kill -TERM -- "-$pid" 2>/dev/null || true
  for _ in $(seq 1 20); do
    as_root kill -0 "$pid" 2>/dev/null || break
    sleep 0.5
  done
  as_root kill -KILL -- "-$pid" 2>/dev/null || true
  as_root rm -f "$pidfile"
}

case "${1:-}" in
start)
  started=$SECONDS
  if [ -s "$ENV_FILE" ] && answers "http://127.0.0.1:$REDMINE_PORT/" &&
    answers "http://127.0.0.1:$RT_PORT/"; then
    log "already running; settings in $ENV_FILE"
    echo "$ENV_FILE"
    exit 0
  fi
  install_packages
  as_root mkdir -p "$STATE_DIR"
  as_root chmod 755 "$STATE_DIR"
  prepare_redmine
  prepare_rt
  redmine_vars=$(configure_redmine)
  start_redmine
  rt_vars=$(configure_rt)
  start_rt
  wait_for redmine "http://127.0.0.1:$REDMINE_PORT/" "$STATE_DIR/redmine.pid"
  wait_for rt "http://127.0.0.1:$RT_PORT/" "$STATE_DIR/rt.pid"
  write_env "$redmine_vars" "$rt_vars"
  log "ready in $((SECONDS - started)) s; settings in $ENV_FILE"
  echo "$ENV_FILE"
  ;;
stop)
  stop_one redmine
  stop_one rt
  ;;
status)
  answers "http://127.0.0.1:$REDMINE_PORT/" && answers "http://127.0.0.1:$RT_PORT/"
  ;;
env)
  cat "$ENV_FILE"
  ;;
*)
  echo "usage: $0 start|stop|status|env" >&2
  exit 2
  ;;
esac
