"""Credential rules: every kind is found in realistic surroundings; look-alikes are kept."""

from __future__ import annotations

import string

import pytest
from _fake import ALNUM, HEX, UPPER_DIGITS, fake
from pydantic import BaseModel, Field, ValidationError

from supportkit.redaction import Redactor

AWS_ID = "AKIA" + fake(16, UPPER_DIGITS)
AWS_SECRET = fake(38, ALNUM + "/+") + "a/"
SLACK_HOOK = f"T{fake(8, UPPER_DIGITS)}/B{fake(8, UPPER_DIGITS)}/{fake(24)}"
SENDGRID = f"SG.{fake(22, ALNUM + '_-')}.{fake(43, ALNUM + '_-')}"
RSA = "-----BEGIN RSA PRIVATE KEY-----\n{s}\n-----END RSA PRIVATE KEY-----"
OPENSSH = "-----BEGIN OPENSSH PRIVATE KEY-----\n{s}\n-----END OPENSSH PRIVATE KEY-----"
PKCS8_CRLF = "-----BEGIN PRIVATE KEY-----\r\n{s}\r\n-----END PRIVATE KEY-----\r\n"
PKCS8_JSON = '{{"pem": "-----BEGIN PRIVATE KEY-----\\n{s}\\n-----END PRIVATE KEY-----\\n"}}'
PEM_BODY = "\n".join(fake(64, ALNUM + "+/") for _ in range(6))
UUID = "3f2c1a9e-5b7d-4c8e-9a1b-2d3e4f5a6b7c"
JWT = f"eyJhbGciOiJIUzI1NiJ9.eyJ{fake(40, ALNUM + '_-')}.{fake(43, ALNUM + '_-')}"

# (case id, text with {s} where the secret goes, secret, expected placeholder kind)
POSITIVES = [
    ("aws-id-env", "export AWS_ACCESS_KEY_ID={s}", AWS_ID, "aws-key"),
    ("aws-id-prose", "leaked key {s} in build log", "ASIA" + fake(16, UPPER_DIGITS), "aws-key"),
    ("aws-secret-ini", "aws_secret_access_key = {s}", AWS_SECRET, "aws-secret"),
    ("aws-secret-csv", f"{AWS_ID},{{s}}", AWS_SECRET, "aws-secret"),
    ("aws-secret-json", '{{"SecretAccessKey": "{s}"}}', AWS_SECRET, "aws-secret"),
    ("github-classic", "git clone https://x:{s}@github.com/o/r", "ghp_" + fake(36), "github"),
    ("github-oauth", "token={s}", "gho_" + fake(36), "github-token"),
    ("github-fine", "GH_TOKEN {s}", f"github_pat_{fake(22)}_{fake(59)}", "github-token"),
    ("gitlab-pat", "PRIVATE-TOKEN: {s}", "glpat-" + fake(20, ALNUM + "_-"), "gitlab"),
    ("gitlab-runner", "runner {s} registered", "glrt-" + fake(24), "gitlab-token"),
    ("slack-bot", "slack client xoxb {s}", f"xoxb-{fake(12, string.digits)}-{fake(24)}", "slack"),
    ("slack-app", "app token {s}", f"xapp-1-A{fake(10, UPPER_DIGITS)}-{fake(40)}", "slack-token"),
    ("slack-client", "web {s}", f"xoxc-{fake(10, string.digits)}-{fake(13, string.digits)}-"
     f"{fake(13, string.digits)}-{fake(64, HEX)}", "slack-token"),
    ("slack-cookie", "cookie d={s}; d-s=1700000000", f"xoxd-{fake(20)}%2F{fake(40)}%3D",
     "slack-token"),
    ("aws-session", "using {s} now", "IQoJb3JpZ2luX2VjEJr" + fake(300, ALNUM + "+/") + "==",
     "aws-session-token"),
    ("slack-hook", "POST https://hooks.slack.com/services/{s}", SLACK_HOOK, "slack-webhook"),
    ("stripe-live", "stripe.api_key = {s}", "sk_live_" + fake(24), "stripe-key"),
    ("stripe-restricted", "key {s} ok", "rk_test_" + fake(24), "stripe-key"),
    ("stripe-webhook", "signing {s}", "whsec_" + fake(32), "stripe-key"),
    ("google", "maps?key={s}&z=3", "AIza" + fake(35, ALNUM + "_-"), "google-api-key"),
    ("openai-project", "OPENAI {s}", "sk-proj-" + fake(48, ALNUM + "_-"), "openai-key"),
    ("openai-legacy", "client = OpenAI({s})", "sk-" + fake(48), "openai-key"),
    ("anthropic", "x {s} y", "sk-ant-api03-" + fake(80, ALNUM + "_-"), "anthropic-key"),
    ("sendgrid", "mail via {s}", SENDGRID, "sendgrid"),
    ("npm", "//registry.npmjs.org/:_authToken={s}", "npm_" + fake(36), "npm-token"),
    ("pypi", "twine upload -p {s}", "pypi-AgEIcHlwaS5vcmc" + fake(120, ALNUM + "_-"), "pypi"),
    ("twilio-key-sid", "twilio key {s}", "SK" + fake(32, HEX), "twilio-key"),
    ("huggingface", "HF_HOME=/x hub {s}", "hf_" + fake(34, string.ascii_letters), "huggingface"),
    ("shopify", "X-Shopify-Access-Token: {s}", "shpat_" + fake(32, HEX), "shopify-token"),
    ("digitalocean", "doctl auth init -t {s}", "dop_v1_" + fake(64, HEX), "digitalocean"),
    ("vault", "using {s} for vault", "hvs." + fake(24, ALNUM + "_-"), "vault-token"),
    ("vault-no-digit", "vault login {s}", "hvs.GNeNLMJwfL_vTotbrdoYWAXA", "vault-token"),
    ("discord-hook", "POST https://discord.com/api/webhooks/1234567890123456789/{s}", fake(68),
     "discord-webhook"),
    ("teams-webhook", "POST https://acme.webhook.office.com/webhookb2/{s}",
     f"{UUID}@{UUID}/IncomingWebhook/{fake(32, HEX)}/{UUID}", "teams-webhook"),
    ("teams-webhook-legacy", "https://outlook.office.com/webhook/{s} failed",
     f"{UUID}@{UUID}/IncomingWebhook/{fake(32, HEX)}/{UUID}", "teams-webhook"),
    ("telegram-bot", "GET https://api.telegram.org/bot{s}/getMe", f"123456789:AA{fake(33)}",
     "telegram-bot-token"),
    ("google-oauth", "GET /drive/v3/files with {s}", "ya29.a0" + fake(150, ALNUM + "_-"),
     "google-oauth-token"),
    ("atlassian", "jira client {s} ok", "ATATT3xFfGF0" + fake(180, ALNUM + "_-"), "atlassian"),
    ("bitbucket", "app {s}", "ATBB" + fake(32), "bitbucket-token"),
    ("docker", "--password-stdin <<< {s}", "dckr_pat_" + fake(27, ALNUM + "_-"), "docker-token"),
    ("grafana-sa", "grafana {s}", f"glsa_{fake(32)}_{fake(8, HEX)}", "grafana-token"),
    ("grafana-cloud", "cloud {s}", "glc_" + fake(120, ALNUM + "+/") + "==", "grafana-token"),
    ("sentry-user", "sentry-cli {s}", "sntryu_" + fake(64, HEX), "sentry-token"),
    ("sentry-org", "SENTRY {s}", "sntrys_eyJ" + fake(100, ALNUM + "+/") + "==_" + fake(43),
     "sentry-token"),
    ("postman", "newman {s}", f"PMAK-{fake(24, HEX)}-{fake(34, HEX)}", "postman-token"),
    ("newrelic", "nr {s}", "NRAK-" + fake(27, UPPER_DIGITS), "newrelic-key"),
    ("databricks", "dbx {s}", "dapi" + fake(32, HEX), "databricks-token"),
    ("supabase", "supabase login {s}", "sbp_" + fake(40, HEX), "supabase-token"),
    ("doppler", "doppler {s}", "dp.st.prd." + fake(40), "doppler-token"),
    ("linear", "linear {s}", "lin_api_" + fake(40), "linear-key"),
    ("mailgun", "mailgun {s}", "key-" + fake(32, HEX), "mailgun-key"),
    ("square", "square {s}", "sq0atp-" + fake(22, ALNUM + "_-"), "square-token"),
    ("facebook", "graph {s}", "EAAB" + fake(150), "facebook-token"),
    ("mapbox", "mapbox {s}", f"sk.eyJ{fake(60, ALNUM + '_-')}.{fake(22, ALNUM + '_-')}",
     "mapbox-token"),
    ("heroku", "heroku {s}", "HRKU-AA" + fake(58, ALNUM + "_-"), "heroku-key"),
    ("groq", "groq {s}", "gsk_" + fake(52), "groq-key"),
    ("replicate", "replicate {s}", "r8_" + fake(37), "replicate-token"),
    ("perplexity", "pplx {s}", "pplx-" + fake(48), "perplexity-key"),
    ("xai", "grok {s}", "xai-" + fake(80), "xai-key"),
    ("planetscale", "pscale {s}", "pscale_tkn_" + fake(43, ALNUM + "_"), "planetscale-token"),
    ("pulumi", "pulumi {s}", "pul-" + fake(40, HEX), "pulumi-token"),
    ("buildkite", "bk {s}", "bkua_" + fake(40, HEX), "buildkite-token"),
    ("shippo", "shippo {s}", "shippo_live_" + fake(40, HEX), "shippo-token"),
    ("braintree", "bt {s}", f"access_token$production${fake(16, HEX)}${fake(32, HEX)}",
     "braintree-token"),
    ("age", "age {s}", "AGE-SECRET-KEY-1" + fake(58, "QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L"),
     "age-secret-key"),
    ("oauth-code-google", "GET /callback?code={s}&state=abc HTTP/1.1",
     "4%2F0AfJohX" + fake(60, ALNUM + "-_"), "oauth-code"),
    ("oauth-code-github", "GET /cb?state=x&code={s}", fake(20, HEX), "oauth-code"),
    ("jwt", "cookie-less auth with {s} done", JWT, "jwt"),
    ("auth-header", "Authorization: Bearer {s}", fake(40), "auth"),
    ("auth-lower", "authorization: Basic {s}", "dXNlcjpwYXNzd29yZA==", "auth"),
    ("auth-curl", "curl -H 'Authorization: token {s}' https://api", fake(40), "auth"),
    ("auth-json", '{{"headers": {{"Authorization": "Bearer {s}"}}}}', fake(40), "auth"),
    ("auth-digest", 'Authorization: Digest username="bob", response="{s}"', fake(32, HEX), "auth"),
    ("bearer-loose", "retrying with bearer {s}", fake(32), "auth"),
    ("basic-loose", "sent Basic {s} to proxy", "YWxpY2U6czNjcjN0", "auth"),
    ("cookie", "Cookie: theme=dark; sessionid={s}", fake(32), "cookie"),
    ("set-cookie", "Set-Cookie: sid={s}; Path=/; HttpOnly", fake(32), "cookie"),
    ("curl-cookie", "curl --cookie 'sid={s}' https://x", fake(32), "cookie"),
    ("url-password", "DATABASE_URL=postgres://app:{s}@db:5432/app", "Pa55-w0rd", "password"),
    ("url-password-redis", "redis://:{s}@cache:6379/0", fake(20), "password"),
    ("url-password-hash", "DB=postgres://app:{s}@db.internal:5432/app", "Xk9#mP2q?", "password"),
    ("url-password-at", "postgres://app:{s}@db:5432/app", "p@ssw0rd", "password"),
    ("url-password-ipv6-host", "postgres://app:{s}@[::1]:5432/app", "Xk9#mP2q", "password"),
    ("url-password-hosts", "mongodb://u:{s}@h1:27017,h2:27017/db", "p#ss@w0rd", "password"),
    ("url-password-email-user", "smtp://ana@example.com:{s}@smtp.example.com", "Sm#7", "password"),
    ("curl-user", "curl -u admin:{s} https://api.example.com/v1", "S3cr3t!", "password"),
    ("curl-user-quoted", "curl --user 'bob:{s}' -X POST", "p@ss", "password"),
    ("curl-proxy-user", "curl --proxy-user=ops:{s} x", "hunter22", "password"),
    ("query-token", "GET /cb?code=1&access_token={s}&state=ok", fake(30), "secret"),
    ("query-sig", "https://a.blob.core.windows.net/c?sv=2022&sig={s}", fake(40) + "%3D", "secret"),
    ("kv-password", "login user=bob password={s} ok", "hunter2", "secret"),
    ("kv-braced", "Server=db;Uid=sa;Pwd={{{s}}};Database=app", "p;w=d!9", "secret"),
    ("kv-punctuated", "conn Password={s};Database=app", "Zx9m;Q2vL8,k)j", "secret"),
    ("kv-then-dot", "PASSWORD={s}", "abc123. (retry)", "secret"),
    ("kv-yaml", "db:\n  password: {s}\n  host: db", "correct horse battery", "secret"),
    ("kv-json", '{{"client_secret": "{s}", "id": 4}}', fake(24), "secret"),
    ("kv-json-number", '{{"pin": {s}}}', "482913", "secret"),
    ("kv-json-escaped", '{{"m": "{{\\"pwd\\": \\"{s}\\", \\"n\\": 1}}"}}', "hunter2", "secret"),
    ("kv-json-escaped-spaces", '"{{\\"client_secret\\":\\"{s}\\"}}"', "a b", "secret"),
    ("kv-xml", "<user>bob</user><password>{s}</password>", "hunter2", "secret"),
    ("kv-xml-camel", "<apiKey>{s}</apiKey>", "ZXhhbXBsZWtleQ==", "secret"),
    ("kv-env-glued-name", "PGPASSWORD='{s}' psql -h db", "p@ss word", "secret"),
    ("kv-glued-lower", "dbpassword={s}", "hunter22", "secret"),
    ("kv-part-of-name", "DB_PASSWORD={s}", "dbpass", "secret"),
    ("kv-shares-letters", "auth_token = {s}", "autht0k", "secret"),
    ("kv-annotation-like", "password: {s}", "str-and-more", "secret"),
    ("kv-type-like-word", "login user: bob, password: {s}", "strong", "secret"),
    ("kv-capitals-and-digits", "password = {s}", "P4SS_W0RD", "secret"),
    ("kv-letters-and-underscores", "password = {s}", "DNbYJWcIUavbAbO_Jv", "secret"),
    ("kv-cvv-digits", "card=<card-1> exp=12/29 cvv={s}", "387", "secret"),
    ("kv-cvc2-digits", '{{"CVC2": "{s}"}}', "4913", "secret"),
    ("kv-security-code", "payment failed: security_code={s} exp=12/27", "913", "secret"),
    ("kv-cvv-spaced", "payment failed: card ending 1111, exp 12/27, CVV {s}", "913", "secret"),
    ("kv-security-code-spaced", "Security code {s} entered", "4321", "secret"),
    ("kv-security-code-words", "card security code: {s}", "913", "secret"),
    ("kv-verification-code", '{{"verificationCode": "{s}"}}', "482913", "secret"),
    ("kv-backup-code", "backup code: {s}", "k3j9-x8m2", "secret"),
    ("kv-pin-digits", "pin: {s}", "8531", "secret"),
    ("kv-mfa-code", "mfa_code={s}", "804193", "secret"),
    ("header-functions-key", "x-functions-key: {s}", fake(40), "secret"),
    ("kv-dotted-not-a-key-file", "password = {s}", "hunter2.key9", "secret"),
    ("kv-env-export", 'export DB_PASSWORD="{s}"', "p@ss w0rd", "secret"),
    ("kv-env-plain", "STRIPE_WEBHOOK_SECRET={s}", fake(20), "secret"),
    ("kv-long-name", "x PAYMENTS_PROVIDER_SANDBOX_WEBHOOK_SIGNING_SECRET={s}", fake(20), "secret"),
    ("kv-ini-spaces", "[db]\nsecret = {s}", "two words", "secret"),
    ("kv-camel", "const stripeSecretKey = '{s}';", fake(20), "secret"),
    ("kv-python-kwarg", "connect(host='db', passwd='{s}')", "s3cret!", "secret"),
    ("kv-python-literal", "    password = '{s}'  # TODO: move to vault", "hunter22", "secret"),
    ("kv-dict-literal", "    'password': '{s}',", "hunter22", "secret"),
    ("kv-header", "X-Api-Key: {s}", fake(32), "secret"),
    ("kv-short-version-like", "password=1.2", "1.2", "secret"),
    ("kv-logfmt-line-start", "token={s} user=bob level=info", fake(20), "secret"),
    ("kv-env-spaces", "PASSWORD={s}", "correct horse battery", "secret"),
    ("named-k8s-yaml", "env:\n- name: DB_PASSWORD\n  value: {s}\n- name: X", fake(20), "secret"),
    ("named-k8s-json", '{{"name": "API_TOKEN", "value": "{s}"}}', fake(20), "secret"),
    ("named-dotnet", '<add key="Password" value="{s}" />', "p@ss w0rd", "secret"),
    ("named-ant", '<property name="db.password" value="{s}"/>', fake(16), "secret"),
    ("named-har-cookie", '"cookies": [{{"name": "a", "value": "b"}}, {{"name": "sid", "value": '
     '"{s}", "path": "/"}}]', fake(16), "secret"),
    ("named-har-cookie-indented", '"cookies": [\n  {{\n    "name": "sid",\n    "value": "{s}"\n',
     fake(16), "secret"),
    ("cli-mysql", "mysqldump -u root -p{s} --all-databases", "S3cr3t!x", "password"),
    ("cli-docker-login", "docker login -u bob -p {s} reg.io", fake(24), "password"),
    ("cli-sshpass", "sshpass -p '{s}' ssh ops@host", "hunter22", "password"),
    ("netrc", "machine api.example.com login bob password {s}", "hunter22", "password"),
    ("netrc-lines", "machine gh.io\n  login bob\n  password {s}\n", "p@ss", "password"),
    ("cli-redis", "redis-cli -h cache -a {s} ping", fake(24), "password"),
    ("cli-quoted-spaces", "sshpass -p 'correct horse battery' ssh ops@host", "horse battery",
     "password"),
    ("cli-sqlcmd", "sqlcmd -S db01 -U sa -P {s} -Q 'select 1'", "S3cr3t!x", "password"),
    ("cli-powershell", '$pw = ConvertTo-SecureString "{s}" -AsPlainText -Force', "P@ss w0rd!",
     "password"),
    ("cli-powershell-named", "ConvertTo-SecureString -String '{s}' -AsPlainText", "P@ssw0rd!",
     "password"),
    ("cli-keytool", "keytool -importkeystore -srcstorepass {s} -deststorepass x", "S3cr3t!x",
     "secret"),
    ("cli-zip", "zip -r -P {s} backup.zip data/", "S3cr3t!x", "password"),
    ("cli-unzip-quoted", "unzip -P '{s}' backup.zip", "two words", "password"),
    ("cli-7z", "7z a -p{s} backup.7z data/", "S3cr3t!x", "password"),
    ("cli-7za-quoted", '7za x -p"{s}" backup.7z', "two words", "password"),
    ("cli-ldap", "ldapsearch -x -D cn=admin,dc=x -w {s} -b dc=x", "S3cr3t!x", "password"),
    ("cli-openssl-enc", "openssl enc -aes-256-cbc -k {s} -in a -out b", "S3cr3t!x", "password"),
    ("cli-smbclient", "smbclient //srv/share -U ana%{s}", "S3cr3t!x", "password"),
    ("cli-wpa-passphrase", 'wpa_passphrase "Home Net" "{s}"', "my wifi pass", "password"),
    ("cli-nmcli", "nmcli dev wifi connect HomeNet password '{s}'", "correct horse", "password"),
    ("cli-nmcli-psk", "nmcli con modify home wifi-sec.psk {s}", "S3cr3t!x", "password"),
    ("cli-ssh-keygen", "ssh-keygen -t ed25519 -N '{s}' -f key", "two words", "password"),
    ("cli-net-user", "net user ana {s} /add", "S3cr3t!x", "password"),
    ("cli-net-use", "net use Z: \\\\srv\\share /user:ACME\\ana {s} /persistent:yes", "S3cr3t!x",
     "password"),
    ("cli-mongo", "mongo -u admin -p {s} --authenticationDatabase admin", "M0ngoPw9", "password"),
    ("cli-mongodump", "mongodump --host db -u u -p {s} --db x", "M0ngoPw9", "password"),
    ("cli-az-keyvault", 'az keyvault secret set --vault-name kv --name DbPw --value "{s}"',
     "AzKvPw9x!", "password"),
    ("cli-htpasswd", "htpasswd -cbB /etc/nginx/.htpasswd ana {s}", "S3cr3t!x", "password"),
    ("cli-schtasks-run-as", "schtasks /Create /TN Backup /SC DAILY /RU ACME\\svc /RP {s}",
     "Sch3dPw!x", "password"),
    ("cli-schtasks-remote", "schtasks /Query /S web01 /U ACME\\ana /P {s}", "Sch3dPw!x",
     "password"),
    ("cli-psexec", "psexec \\\\web01 -u ACME\\admin -p {s} cmd.exe", "Ps3x3cPw!", "password"),
    ("cli-redis-prompt", "127.0.0.1:6379> AUTH {s}", "Rd1sP4ss!", "password"),
    ("cli-redis-prompt-user", "cache:6379> auth default {s}", "Rd1sP4ss!", "password"),
    ("cli-redis-monitor", '1701873334.12 [0 10.0.0.5:51234] "AUTH" "{s}"', "Rd1sP4ss!",
     "password"),
    ("cli-redis-monitor-user", '1701873334.12 [0 10.0.0.5:5] "AUTH" "default" "{s}"', "Rd1sP4ss!",
     "password"),
    ("cli-cisco-username", "username admin privilege 15 password 0 {s}", "C1sc0Adm1n!", "password"),
    ("cli-cisco-enable-secret", "enable secret 5 {s}", "$1$mERr$hx5rVt7rPNoS4wqbXKX7m0",
     "password"),
    ("cli-snmp-community", "snmp-server community {s} RO", "Snmp5ecret", "password"),
    ("cli-snmpd-community", "rocommunity {s} default", "Snmp5ecret", "password"),
    ("cli-snmpwalk", "snmpwalk -v2c -c {s} 192.0.2.10 system", "Snmp5ecret", "password"),
    ("cli-haproxy-stats-auth", "    stats auth admin:{s}", "H4St4tsPw", "password"),
    ("cli-add-mask", "+ echo ::add-mask::{s}", "Sup3rS3cretMask", "password"),
    ("cli-echo-password-stdin", 'echo "{s}" | docker login -u ana --password-stdin ghcr.io',
     "Sup3rT0ken!", "password"),
    ("cli-printf-with-token", "printf '%s' {s} | gh auth login --with-token", fake(24),
     "password"),
    ("account-password-sasl", "[smtp.example.com]:587 ana@example.com:{s}", "abcdwxyzefghijkl",
     "password"),
    ("rubygems-key", "gem push app-1.0.gem --key {s}", "rubygems_" + fake(48, HEX),
     "rubygems-key"),
    ("crates-io-token", "Authorization: {s}", "cio" + fake(32), "crates-io-token"),
    ("onepassword-token", "OP_SERVICE_ACCOUNT_TOKEN {s}", "ops_eyJ" + fake(300, ALNUM + "+/"),
     "onepassword-token"),
    ("alibaba-key", "access key id {s}", "LTAI5t" + fake(18), "alibaba-key"),
    ("cli-poetry-http-basic", "poetry config http-basic.private ana {s}", "P0etryPw!",
     "password"),
    ("cli-composer-http-basic", "composer config http-basic.repo.acme.io ana {s}", "C0mpPw!x",
     "password"),
    ("cli-cargo-login", "cargo login --registry acme {s}", fake(24), "password"),
    ("anaconda-channel-token", "channels:\n  - https://conda.anaconda.org/t/{s}/acme",
     "ab-1c2d3e4f-5a6b-7c8d-9e0f-1a2b3c4d5e6f", "anaconda-token"),
    ("cli-echo-chpasswd", 'RUN echo "{s}" | chpasswd', "root:Passw0rd!", "password"),
    ("hash-bcrypt", "binding parameter [2] as [VARCHAR] - [{s}]",
     "$2a$10$N9qo8uLOickgx2ZMRZoMyeIjZAgcfl7p92ldGxad68LJZdL17lhWy", "password-hash"),
    ("hash-sha512-crypt", "root:{s}:19000:0:99999:7:::", "$6$saltsalt$8iYtNHxjWRl.NF6oNZ5tF."
     "iKFlQREaXBLlSmZKP6dy9l5z3vsooWNW0/GZ6Nej73/TFug6pIPSqbJoCT6dfnj.", "password-hash"),
    ("hash-apr1-htpasswd", "ana:{s}", "$apr1$saltsalt$r/QcFGT5pNL28bNkeDMHR.", "password-hash"),
    ("hash-argon2", "hash={s}", "$argon2id$v=19$m=65536,t=3,p=4$c2FsdHNhbHQ$ZmFrZWhhc2hmYWtl"
     "aGFzaGZha2VoYXNo", "password-hash"),
    ("hash-django", "INSERT INTO auth_user VALUES ('{s}')",
     "pbkdf2_sha256$600000$abc123$" + fake(43) + "=", "password-hash"),
    ("php-pdo-trace", "#0 /var/www/db.php(5): PDO->__construct('mysql:host=db', 'root', '{s}', "
     "Array)", "MyPhpPdoPw!", "password"),
    ("php-mysqli-connect", 'mysqli_connect("db", "app", "{s}", "app")', "MyPhpPw!", "password"),
    ("php-mysqli-real-connect", "mysqli_real_connect($link, 'db', 'app', '{s}')", "MyPhpPw!",
     "password"),
    ("sql-postgres-role", "LOG:  statement: ALTER ROLE app WITH PASSWORD '{s}';", "Xk9mP2qL",
     "password"),
    ("sql-postgres-encrypted", "CREATE USER app ENCRYPTED PASSWORD '{s}' VALID UNTIL 'x'",
     "md5" + fake(32, HEX), "password"),
    ("sql-mysql-identified", "CREATE USER 'bob'@'%' IDENTIFIED BY '{s}';", "B0b#22", "password"),
    ("sql-mysql-plugin", "ALTER USER 'x'@'%' IDENTIFIED WITH caching_sha2_password BY '{s}';",
     "My8Pw!q", "password"),
    ("sql-doubled-quote", "alter user y identified by '{s}';", "it''s-a-Pw9", "password"),
    ("sql-oracle-bare", "SQL> ALTER USER system IDENTIFIED BY {s};", "Orcl2024pw", "password"),
    ("sql-mysql-function", "SET PASSWORD FOR 'root'@'localhost' = PASSWORD('{s}');", "Rt00t!9",
     "password"),
    ("oracle-sqlplus", "sqlplus -s sys/{s}@orcl as sysdba", "Sy5Pw99x", "password"),
    ("oracle-sqlldr", "sqlldr userid=scott/{s} control=emp.ctl", "Ld3rPw9", "password"),
    ("oracle-rman", "rman target sys/{s}@prod", "RmPw9x8", "password"),
    ("oracle-jdbc-thin", "url=jdbc:oracle:thin:scott/{s}@//ora01:1521/ORCL", "T1gerPw9",
     "password"),
    ("kv-bytes-literal", "headers={{'X-Amz-Security-Token': b'{s}', 'Host': 'x'}}", fake(40),
     "secret"),
    ("kv-base64-padded", "Endpoint=sb://x/;SharedAccessKeyName=Root;SharedAccessKey={s}",
     "Q" + fake(42) + "=", "secret"),
    ("named-element-attribute", '<Data Name="TargetUserName">ana</Data><Data Name="Password">{s}'
     "</Data>", "W1nEvtPw9", "secret"),
    ("named-dotnet-setting", '<setting name="Password" serializeAs="String">\n  <value>{s}</value>',
     "N3tSetPw9", "secret"),
    ("named-java-properties-xml", '<entry key="db.password">{s}</entry>', "PropsPw9", "secret"),
    ("kv-argv-list-flag", '"sys.argv": ["app.py", "--db-password", "{s}", "-v"]', "S3cr3tPw",
     "secret"),
    ("kv-requests-auth-tuple", 'session.get(url, auth=("svc", "{s}"), timeout=3)', "Tr4ceAuthPw9",
     "secret"),
    ("kv-requests-basic-auth", 'requests.get(u, auth=HTTPBasicAuth("svc", "{s}"))', "p4ss w0rd",
     "secret"),
    ("kv-f-string", 'headers = {{"X-Api-Key": f"{s}"}}', fake(24), "secret"),
    ("prose-password", "I log in as ana with password {s} and it fails", "Hunter22!", "secret"),
    ("prose-password-is", "my password is {s}, it worked yesterday", "Sommer2024", "secret"),
    ("prose-pw", "user ana pw {s} does not work", "Kx9mPq2L", "secret"),
    ("prose-password-json", '{{"msg": "my password is {s}"}}', "Sommer2024", "secret"),
    ("kv-pw", "pw: {s}", "Hunter22!", "secret"),
    ("kv-wordpress-define", "define( 'AUTH_KEY', '{s}' );", "a8#Kz!2m@Lq9$Xw4^Tn6&(Vd5)Ue7",
     "secret"),
    ("kv-php-define", "define('DB_PASSWORD', '{s}');", "WpDbPw!9x", "secret"),
    ("kv-python-pair", "form: MultiDict([('user', 'ana'), ('password', '{s}')])", "Hunter22!",
     "secret"),
    ("kv-python-header-pair", "[('Authorization', '{s}'), ('Host', 'x')]", "Bearer " + fake(32),
     "secret"),
    ("kv-django-list", "POST=<QueryDict: {{'email': ['a'], 'password': ['{s}']}}>", "Hunter22!",
     "secret"),
    ("kv-cli-flag", "mysql --password {s} -h db", "Tr0ub4dor", "secret"),
    ("kv-cli-flag-quoted", 'az ad sp create-for-rbac --password "{s}"', "Q~8x K2m.Lq", "secret"),
    ("kv-cli-flag-single-quoted", "tool --api-key '{s}' --region eu", fake(16), "secret"),
    ("kv-wpa-psk", 'network={{\n\tssid="Home"\n\tpsk="{s}"\n}}', "my wifi pass", "secret"),
    ("kv-cli-flag-eq", "app --api-key={s} --verbose", fake(16), "secret"),
    ("kv-yaml-block", "tls:\n  private_key: |\n    {s}\n  cert: x", fake(40), "secret"),
    ("kv-unseal-key", "VAULT_UNSEAL_KEY={s}", fake(44, ALNUM + "+/"), "secret"),
    ("kv-age-key", "SOPS_AGE_KEY={s}", fake(40), "secret"),
    ("kv-argv-value-like-a-flag", "sys.argv: ['app.py', '--db-password', '{s}', '--verbose']",
     "-OoyaGl-ayVcgDk6", "secret"),
    ("kv-json-escaped-twice", '{{"message": "{{\\\\\\"token\\\\\\": \\\\\\"{s}\\\\\\"}}"}}',
     fake(20), "secret"),
    ("shown-loguru-diagnose", "    conn = connect(user, password)\n    │              │     └ '{s}'"
     "\n    │              └ 'ana'\n    └ <function connect at 0x7f3a>", "L0guruPw!9", "secret"),
    ("shown-loguru-attribute", "    return self.db.login(self.api_token)\n"
     "                         └ '{s}'", fake(24), "secret"),
    ("shown-pytest-where", "E       AssertionError: assert 'x' == 'y'\nE        +  where '{s}' = "
     "settings.get_secret()", "PytestWherePw9", "secret"),
    ("kv-php-print-r", "Array\n(\n    [db_password] => {s}\n    [user] => ana\n)", "PhpPrintR9x",
     "secret"),
    ("kv-php-print-r-one-line", "Array ( [password] => {s} [user] => ana )", "PhpPrintR9x",
     "secret"),
    ("kv-php-var-dump", 'array(2) {{\n  ["password"]=>\n  string(9) "{s}"\n  ["user"]=>\n}}',
     "PhpVarDmp", "secret"),
    ("shown-spring-rejected-value", "Validation failed for argument [0]: [Field error in object "
     "'signupRequest' on field 'password': rejected value [{s}]; codes [Size.password]]",
     "short9Pw", "secret"),
    ("query-encoded-first-parameter", "POST body=password%3D{s}%26user%3Dana logged", "Hunter22x",
     "secret"),
    ("query-encoded-json", "GET /t?data=%7B%22password%22%3A%22{s}%22%2C%22user%22%3A%22ana%22%7D",
     "UrlJsonPw9", "secret"),
    ("kv-value-then-remark", "password: {s} (the old one)", "Hunter22x", "secret"),
    ("kv-two-words-then-bracket", " API key: {s} [", "t1QAMQjv7aCs7gPlj0", "secret"),
    ("kv-subscript-python", 'os.environ["DB_PASSWORD"] = "{s}"', "Hunter22x", "secret"),
    ("kv-subscript-ruby", 'ENV["SECRET_KEY_BASE"]="{s}"', fake(64, HEX), "secret"),
    ("kv-subscript-php-nested", "$db['default']['password'] = '{s}';", "C1Db!Pw9", "secret"),
    ("kv-multipart-field", '--xx\r\nContent-Disposition: form-data; name="password"\r\n\r\n'
     "{s}\r\n--xx--", "MultiP4rtPw!", "secret"),
    ("kv-multipart-escaped", "send: b'--xx\\r\\nContent-Disposition: form-data; "
     "name=\"api_key\"\\r\\nContent-Type: text/plain\\r\\n\\r\\n{s}\\r\\n--xx--'", fake(24),
     "secret"),
    ("kv-xml-namespace-attributes", '<wsse:Username>svc</wsse:Username><wsse:Password Type="'
     'http://docs.oasis-open.org/wss#PasswordText">{s}</wsse:Password>', "S0apWssePw!", "secret"),
    ("kv-wireguard-preshared", "[Peer]\nPresharedKey = {s}\nEndpoint = vpn:51820",
     fake(43) + "=", "secret"),
    ("kv-env-list-entry", '"Env": [\n    "POSTGRES_PASSWORD={s}",\n    "PATH=/usr/bin"\n]',
     "Tr0ub4dor&3xyz", "secret"),
    ("kv-env-before-command", "PGPASSWORD={s} pg_dump -h db -U app app", "PgEnvPw2024", "secret"),
    ("entropy-context", "rotating secret {s} now", fake(32), "secret"),
    ("entropy-letters", "a signing secret {s} sent", "RigCmTUKhLOxlKmDElHefMTqRyGrirrB", "secret"),
    ("twilio-auth-token", "TWILIO_AUTH_TOKEN={s}", fake(32, HEX), "secret"),
    ("pem-rsa", f"key:\n{RSA}\nok", PEM_BODY, "private-key"),
    ("pem-openssh", OPENSSH, PEM_BODY, "private-key"),
    ("pem-pkcs8-crlf", PKCS8_CRLF, PEM_BODY.replace("\n", "\r\n"), "private-key"),
    ("pem-truncated", "-----BEGIN EC PRIVATE KEY-----\n{s}\n[cut]", PEM_BODY, "private-key"),
    ("pem-json-escaped", PKCS8_JSON, fake(64), "private-key"),
]  # fmt: skip

DECOYS = [
    "AKIA is the prefix of long-term AWS key ids; AKIAEXAMPLE is too short",
    "see task-list and disk-usage-report-for-the-whole-cluster-in-may-2024-final-v2",
    "request 550e8400-e29b-41d4-a716-446655440000 took 12ms",
    "commit 3f786850e387550fdab836ed7e6dc881de23001b on main",
    "sha256 9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08 verified",
    "usage: token_count=5 max_tokens=4096 prompt_tokens=12 completion_tokens=80",
    "password_length=12 secret_name=prod-db auth_method=oauth token_type=bearer",
    "publishable key pk_live_" + fake(24) + " is public",
    "twilio account AC" + fake(32, HEX) + " sent 3 messages",
    "Bearer token expired; basic usage is fine",
    "postgres://db.internal:5432/app and http://[::1]:8080/health and ssh://git@github.com/o/r",
    "password: ${DB_PASSWORD}\ntoken: ***\npassword=None\nsecret: true\napi_key=\npin: 7",
    "cache key=user:123 primary key: id keyboard: us sort_key=created_at",
    "Cookie consent banner shown",
    "the eyJ prefix marks base64 JSON; eyJhbGciOiJIUzI1NiJ9 alone is a header",
    "-----BEGIN CERTIFICATE-----\nMIIBszCCAVmgAwIBAgIU\n-----END CERTIFICATE-----",
    "-----BEGIN PUBLIC KEY-----\nMFkwEwYHKoZIzj0CAQYI\n-----END PUBLIC KEY-----",
    "    resp = self.session.get(url, timeout=3)",
    '    token = request.headers["X-Token"]',
    "DESKTOP_SESSION=ubuntu SSH_AUTH_SOCK=/tmp/ssh-XXXX/agent.12 PWD=/srv/app",
    "version 2.4.1 at 2024-05-01T12:00:00Z, order #88231, error E1042, duration 3.2s",
    "SG.exe crashed; npm_config_cache set; the sk- prefix; ghp_short",
    "token refreshed; auth: required; session: 42",
    "<password></password> <token/> <authors>Ann</authors> a->token>b",
    "docker run -u 1000:1000 img; git push -u origin main; sudo -u postgres psql; diff -u a b",
    "secret AbstractSingletonProxyFactoryBean wired; token HelloWorldFooBarBazQuxQuux sent",
    "google-auth==2.23.0\ndjango-rest-auth==0.9.5\nif token == expected: pass",
    "    'HAVE_STRUCT_PASSWD_PW_GECOS': 1,\ndef extract(self, path=None, pwd=None):",
    "def unix_getpass(prompt='Password: ', stream=None):\n    self.token = token",
    "    logger.info('login token=%s user=%s', tok, user)\n    #cap = 'AUTH=%s' % mech",
    "ssl.wrap(server_hostname=None, session=None):\n    connect(session=session)",
    "msg = f'password={pw!r} token={self.token}'; secret={}; token={'a': 1}",
    "    pwd = self.pwd\n    text_sig = base.__text_signature__\n    wrap(session=self._session)",
    "status installed libtext-password-pronounceable-perl:all 0.30-3",
    " libpam-auth-update:amd64 1.6.15-3",
    "Setting up google-cloud-cli-gke-gcloud-auth-plugin:amd64 (528.0.0-0) ...",
    "apt-get install gcloud-auth-plugin=528.0.0-0 kubectl",
    '"next-auth": "^4.24.5", "express-session": "~1.17.3", "passport-jwt": "4.0.1"',
    "the machine password was reset; machine learning model password-free",
    "hf_hub_download_and_cache_the_files ok; /bottom/bot12/x; hvs.example; shpat_ too short",
    "see hvs.service_account_token_lookup_docs and hvb.batch_token_requests_explained",
    "docs: https://learn.microsoft.com/en-us/microsoftteams/platform/webhooks-and-connectors/",
    "the key-value store; monkey-0123 patch; EAAAA; dapi docs; ya29.short; r8_dev; xai-sdk",
    "docker login --password-stdin; lin_api_docs; sbp_ prefix; gsk_ keys; pul-request",
    'docker login --password-stdin <<< "$TOKEN"; app --password >out.txt; x --token | jq',
    "        lasttoken = token\n    api_key = settings.API_KEY\n    self.auth = auth",
    "    password: str = ''\n    token: Optional[str] = None\n    secret: bytes | None = None",
    "    p = subprocess.Popen(args, pass_fds=(), close_fds=True)",
    "def check(passwd: str, token: Optional[bytes] = None, secret: int | None = None):",
    "    user_pass = (self.username + ':' + self.password).encode('ascii')",
    "push @$data, ( pass => $config{passwd} || read_passwd() ); $pw = $DB{'admin_password'};",
    "== 20160404080304 ForcePasswordResetDuringSetup: migrating ==========",
    "== 20180913072918 AddVerifyPeerToAuthSources: migrated (0.0123s) ====",
    "-session\toptional\tpam_systemd.so\nauth\tsufficient\tpam_rootok.so",
    "tls_privatekey = REMOTE_SMTP_SMARTHOST_PRIVATEKEY\nMAIN_TLS_PRIVATEKEY = CONFDIR/exim.key",
    "ssl_key = /etc/ssl/private/server.key\npassword = CHANGE_ME",
    "initdb --auth-local peer --auth-host scram-sha-256; AUTH_REALM=corp; token_server: idp",
    "dckr_pat_example_token_value_here EAA" + "A" * 100,
    "GET /status?code=404&msg=not+found; GET /x?country_code=DE&zip_code=10115",
    "sqlcmd -S db01 -E -Q 'select 1'; $pw = ConvertTo-SecureString $plain -AsPlainText",
    "az login --service-principal -u http://app-id --tenant t",
    "pin_attempts=3 mfa=true mfa_enabled: false cvv_length=3 retries=123",
    "mysql -u root -p -h db app; ssh -p 2222 h; mkdir -p /srv && docker run -p 8080:80 img",
    "redis-cli -h cache -n 2 ping; sshpass -f ~/.pw ssh host; mysql --port=3306 -P 3306",
    "gzip -P 4 f; unzip -l a.zip; smbclient -L srv -U ana; htpasswd -c .htpasswd ana",
    "fields = ['password', 'email']; ('password', 'email', 'name'); {'token': []}; ('pin', '')",
    "PASSWORD_HASHERS = ['django.contrib.auth.hashers.Argon2PasswordHasher']",
    "the security code was wrong; security code: invalid; status code: 500; error_code=123",
    "cvv length 3; CVV 123.45; cvc 12; key 1234; token 5678 used; pin 1234",
    "ssh-keygen -N '' -f k; net user ana * /add; net user ana /delete; runas /user:admin cmd",
    'Connect-AzAccount -Credential (New-Object PSCredential("ana", $secure))',
    'Steps: 3. Enter new password: it says "too short"\nsecret: not set\ntoken: wrong',
    "password: not configured\napi_key: incorrect\nthe token was: the same",
    'key_mgmt=WPA-PSK; docker login --password-stdin <<< "$TOKEN"; app --password "$PW"',
    "- name: LOG_LEVEL\n  value: debug\n- name: DB_PASSWORD\n  valueFrom:\n    secretKeyRef: {}",
    '<add key="Theme" value="dark"/><property name="password.length" value="12"/>',
    '{"name": "token_count", "value": 512}, default_value: 3, {"key": "pin", "value": null}',
    'FATAL:  password authentication failed for user "app"; ALTER ROLE app PASSWORD NULL;',
    "the issue identified by QA was fixed, identified by the user; password 'x' is required",
    "sqlplus / as sysdba; sqlplus /nolog; rman target /; sqlplus -s @report.sql; German/English",
    "      + password = (sensitive value)\n      + token    = (known after apply)",
    "      API_TOKEN:  <set to the key 'token' in secret 'api'>  Optional: false",
    '"cookies": [], "headers": [{"name": "Accept", "value": "text/html"}], "queryString": []',
    '"cookies": ["sid"], "params": [{"name": "page", "value": "2"}]',
    "const headers = { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' };",
    "Authorization: `token ${process.env.GH_TOKEN}`\npassword=${db.password}",
    "  NODE_AUTH_TOKEN: ${{ secrets.NPM_TOKEN }}\ntoken: ${{ github.token }}",
    "Kennwort: vergessen? Klicken Sie hier\nMot de passe : oublié ?\nПароль: забыли?",
    "Contraseña: olvidada\nPasswort: falsch\nsenha: esquecida",
    '["--password", "--verbose"]; ["--password-file", "/run/secrets/pw"]; ["password", "email"]',
    "$cred = Get-Credential; $pw = Read-Host -AsSecureString\n"
    "$cred = New-Object System.Management.Automation.PSCredential ($user, $pw)",
    '<Data Name="Mode">2</Data><Data Name="Password"></Data><Data Name="TokenType">1</Data>',
    "mongosh mongodb://h -u admin -p --authenticationDatabase admin; az keyvault secret show -n x",
    '    token = get_token("svc", "scope")\n    headers = {"X-Token": f"{api_token}"}',
    "use --token or --password to log in; run with --password and --user; zip -P, 7z -p, ok",
    "my password is correct but it says invalid; the password is too short for the policy",
    "password reset email sent to user42; password hashed with bcrypt; password policy v2",
    "PW_VERSION=1.2 pwned PWDEBUG=1 pw_length=12",
    'net user "id": "82e2e662-f728-44fa-8248-5e3a0a5d2f34"; net user ana /delete',
    '<input type="password" name="password">Forgot?</a><param name="password"/>',
    "redis-cli -h cache -a $REDIS_PW --no-auth-warning ping; curl --no-auth-prompt url",
    "12-06 15:40:12.346  4321  4400 I AuthRepo: login ok; D AuthController: redirect to /home",
    "~> AUTH LOGIN\nentered the wrong password 3 times; username: ana; auth login done",
    "echo done | tee log; echo $TOKEN | docker login --password-stdin; ::add-mask::$TOKEN",
    "snmpwalk -v2c -c public 192.0.2.10; snmp-server community public RO; stats enable",
    "git clone git@github.com:org/app.git; ssh host.example.com:22; image@sha256:abcdef0123",
    "new PDO($dsn, $user, $password); mysqli_connect($host, $user, $pass, $db)",
    "mutation Login($email: String!, $password: String!, $codes: [ID!]!) { login }",
    '    if request.form["password"]:\n        login(); d["token"] == x; fields = ["secret"]',
    "config['token'] = os.environ['TOKEN']; echo \"ana:$PW\" | chpasswd",
    "//registry.npmjs.org/:_authToken = (protected)",
    "    conn = connect(user, password)\n    │              └ 'ana'\n    └ <function connect>",
    "E        +  where 'ana' = get_user()\nE        +  where 3 = len(tokens)",
    "Field error in object 'signup' on field 'email': rejected value [not-an-email]; codes [x]",
    "INFO [cache] key=session:user:42 ttl=300 hit=false; lock=token:refresh:web",
    "GET /t?data=%7B%22user%22%3A%22ana%22%2C%22token%22%3A%22%22%7D",
    "GOOGLE_APPLICATION_CREDENTIALS=/srv/keys/sa.json; PWD=/srv/app",
    "auth=ok token_refresh=true session=started sig=v1\nDEBUG session: created for request 8",
    "pass: 3 fail: 0 skip: 1\nAuthorization: Bearer\nauthorization: Basic",
    "a precious ciao; cio: 3; poetry config http-basic.pypi --unset; cargo login --help",
    'Content-Disposition: form-data; name="token"; filename="token.txt"\r\n\r\nfile text\r\n',
    "echo $1$2 costs $5$ today; s/(a)(b)/$2$1/; price $6$ each",
]


@pytest.mark.parametrize(
    ("template", "secret", "kind"), [c[1:] for c in POSITIVES], ids=[c[0] for c in POSITIVES]
)
def test_credential_is_replaced(redactor: Redactor, template: str, secret: str, kind: str) -> None:
    """The secret is gone, a placeholder of its kind stands there, and lines are kept."""
    text = template.format(s=secret)
    out = redactor.text(text, artifact="log")
    assert secret not in out
    assert f"<{kind}" in out
    assert out.count("\n") == text.count("\n")


@pytest.mark.parametrize("text", DECOYS)
def test_look_alike_is_kept(redactor: Redactor, text: str) -> None:
    """Identifiers, hashes, counters and public values that resemble secrets survive."""
    assert redactor.text(text, artifact="log") == text


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("Cookie: theme=dark; sessionid=abc123def", ["theme=", "sessionid="]),
        (
            "Set-Cookie: sid=abc123def; Path=/; Max-Age=3600; HttpOnly",
            ["sid=", "Path=/", "Max-Age=3600"],
        ),
        ("https://alice:s3cr3t-pw@example.com/x", ["https://alice:", "@example.com/x"]),
        ("postgres://app:Xk9#mP2q@db.internal:5432/app", ["postgres://app:", "@db.internal:5432/"]),
        (
            "https://alice:pw1234@example.com?next=/a@b&c=1#top",
            ["https://alice:", "@example.com?next=/a@b&c=1#top"],
        ),
        ("GET /a?api_key=abcdef123&page=2", ["?api_key=", "&page=2"]),
        ("GET /cart;jsessionid=0A1B2C3D4E5F?item=5#top", ["/cart;jsessionid=", "?item=5#top"]),
        ("Authorization: Bearer abcdef123456", ["Authorization: Bearer "]),
        ('{"password": "hunter2", "user": "bob"}', ['{"password": "', '", "user": "bob"}']),
        ("token=abc123def user=bob level=info", ["token=", " user=bob level=info"]),
        ("PGPASSWORD=Pg2024x pg_dump -h db app", ["PGPASSWORD=", " pg_dump -h db app"]),
        ("pass: 12345678 fail: 0", ["pass: ", " fail: 0"]),
        ("Array ( [password] => PhpPw9x [user] => ana )", ["Array ( [password] => ", " [user]"]),
        (
            'array(2) {\n  ["password"]=>\n  string(9) "PhpVarDmp"\n'
            '  ["user"]=>\n  string(3) "ana"',
            ['["password"]=>\n  string(9) "', '"\n  ["user"]=>\n  string(3) "ana"'],
        ),
        (
            "send: b'GET / HTTP/1.1\\r\\nAuthorization: Basic YW5hOmh1bnRlcjI=\\r\\n\\r\\n'",
            ["\\r\\nAuthorization: Basic <auth-1>\\r\\n"],
        ),
        (
            "<wsse:UsernameToken><wsse:Username>svc</wsse:Username><wsse:Password>S0ap9x"
            "</wsse:Password></wsse:UsernameToken>",
            ["<wsse:UsernameToken><wsse:Username>svc</wsse:Username><wsse:Password>"],
        ),
        ('  "DB_PASSWORD=Tr0ub4dor&3",\n  "A=b"', ['  "DB_PASSWORD=', '",\n  "A=b"']),
        (
            "[smtp.example.com]:587 ana@example.com:abcdwxyz",
            ["[smtp.example.com]:587 ", ":<password-"],
        ),
        ("mysql -u root -pHunter22 -h db", ["mysql -u root -p", " -h db"]),
        (
            "conn Server=db;User Id=sa;Password=hunter2;Database=app;Encrypt=true",
            ["conn Server=db;User Id=sa;Password=", ";Database=app;Encrypt=true"],
        ),
        ("x AccountKey=Zx9mQ2vL8kR4==;EndpointSuffix=core", [";EndpointSuffix=core"]),
        (
            "headers={'Authorization': b'Bearer abcdef123456', 'X-Amz-Date': b'20240501T1'}",
            ["{'Authorization': b'Bearer ", "', 'X-Amz-Date': b'20240501T1'}"],
        ),
        ("ALTER USER 'y'@'%' IDENTIFIED BY 'Pw9x';", ["ALTER USER 'y'@'%' IDENTIFIED BY '", "';"]),
        ("jdbc:oracle:thin:scott/T1ger@//ora01:1521/X", ["thin:scott/", "@//ora01:1521/X"]),
        (
            'get(url, headers={"Authorization": f"Bearer {token}"}, auth=("svc", "Tr4ce9"))',
            ['{"Authorization": f"Bearer {token}"}, auth=("svc", "'],
        ),
        (
            "pip install --index-url https://__token__:pypi-AgEIcHlwaS5vcmc@pypi.acme.io/simple x",
            ["https://__token__:", "@pypi.acme.io/simple x"],
        ),
        (
            "fetch(u, {headers: {Authorization: `Bearer abcdef1234567890`, Accept: '*/*'}})",
            ["{Authorization: `Bearer ", "`, Accept: '*/*'}})"],
        ),
    ],
)
def test_names_and_structure_around_values_are_kept(
    redactor: Redactor, text: str, kept: list[str]
) -> None:
    """Only values are replaced: names, schemes, attributes and punctuation stay."""
    out = redactor.text(text, artifact="log")
    for part in kept:
        assert part in out


def test_audit_counts_each_rule_by_name(redactor: Redactor) -> None:
    """The audit names the rule that fired and counts occurrences, never values."""
    text = f"{AWS_ID} {AWS_ID} password=hunter2"
    redactor.text(text, artifact="app.log")
    assert redactor.audit.artifacts["app.log"] == {"aws-access-key-id": 2, "secret-assignment": 1}
    assert "hunter2" not in repr(redactor.audit)


@pytest.mark.parametrize(
    ("template", "secret", "kind"),
    [c[1:] for c in POSITIVES[:12]],
    ids=[c[0] for c in POSITIVES[:12]],
)
def test_credentials_only_mode_still_removes_credentials(
    template: str, secret: str, kind: str
) -> None:
    """Text the reporter typed loses credentials too."""
    out = Redactor().text(template.format(s=secret), artifact="summary", credentials_only=True)
    assert secret not in out


class _Account(BaseModel):
    api_token: int


class _SignUp(BaseModel):
    email: str
    password: str = Field(min_length=12)
    account: _Account


@pytest.mark.parametrize("render", ["text", "json"])
def test_pydantic_validation_error_loses_rejected_secrets(redactor: Redactor, render: str) -> None:
    """A validation error quotes what it rejected: the inputs of fields named like a secret go,
    the others (a field's name, a rejected email) stay."""
    with pytest.raises(ValidationError) as caught:
        _SignUp(email=12345678, password="short9Pw", account={"api_token": "tok9x8y7"})  # type: ignore[arg-type]
    error = caught.value
    out = redactor.text(str(error) if render == "text" else error.json(), artifact="api.log")
    assert "short9Pw" not in out
    assert "tok9x8y7" not in out
    assert "12345678" in out
    assert "password" in out
