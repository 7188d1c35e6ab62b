#!/usr/bin/env bash
# Writes the production layout's secrets (docker/docker-compose.production.yml) into docker/secrets/, one file each,
# random, and prepares docker/certs/ for KurrentDB's certificates. A file that exists is never replaced: a new
# master_key would make every case's sensitive fields unreadable, and a new password would lock the services out of
# data that was created with the old one. smtp_url is yours to write (your mail provider's account).
#
# docker/secrets/ is git-ignored and readable by its owner only; the files in it are world-readable so that the
# services' unprivileged users (node, redis, kurrent: uid 1000 and others) can read them where compose mounts them.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
secrets="$root/docker/secrets"
certs="$root/docker/certs"

random_hex() { od -An -tx1 -N"$1" /dev/urandom | tr -d ' \n'; }

# write NAME VALUE: only when the file is missing.
write() {
  local file="$secrets/$1"
  if [ -e "$file" ]; then
    echo "kept     docker/secrets/$1"
  else
    printf '%s' "$2" >"$file"
    chmod 0644 "$file"
    echo "created  docker/secrets/$1"
  fi
}

# The password inside a URL secret must be the one its server was given: read back what is on disk.
secret() { cat "$secrets/$1"; }

mkdir -p "$secrets"
chmod 0700 "$secrets"

write master_key "$(random_hex 32)"
write webhook_secret "$(random_hex 24)"
write bootstrap_admin_password "$(random_hex 16)"
write postgres_password "$(random_hex 24)"
write redis_password "$(random_hex 24)"
write kurrentdb_admin_password "$(random_hex 24)"
write kurrentdb_ops_password "$(random_hex 24)"
write database_url "postgres://casetrack:$(secret postgres_password)@postgres:5432/casetrack"
write redis_url "redis://:$(secret redis_password)@redis:6379"
write kurrentdb_connection_string \
  "kurrentdb://admin:$(secret kurrentdb_admin_password)@kurrentdb:2113?tls=true&tlsCAFile=/etc/casetrack/kurrentdb-ca.crt"

# The certificate generator and KurrentDB run as uid 1000.
mkdir -p "$certs"
if [ "$(id -u)" = 0 ]; then chown 1000:1000 "$certs"; fi

if [ ! -e "$secrets/smtp_url" ]; then
  echo "missing  docker/secrets/smtp_url: write your SMTP server's URL into it, e.g."
  echo "         printf '%s' 'smtps://user:password@smtp.example.org:465' > docker/secrets/smtp_url"
fi
echo "Back up docker/secrets/master_key apart from the database backups: without it the cases' sensitive fields are lost."
echo "The first admin signs in with BOOTSTRAP_ADMIN_EMAIL and the password in docker/secrets/bootstrap_admin_password."
