"""Values of secret-naming keys: where a value starts and ends, and which names name a secret."""

from __future__ import annotations

import pytest

from supportkit.redaction import Redactor
from supportkit.redaction.rules.secret_values import is_secret_key


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("password: 'it''s a secret' # yaml", "password: '<secret-1>' # yaml"),
        ("SET pwd = 'o''brien''s' WHERE", "SET pwd = '<secret-1>' WHERE"),
        ('"{\\"token\\": \\"abc123\\"}"', '"{\\"token\\": \\"<secret-1>\\"}"'),
        ("password: ''", "password: ''"),
        ("CSRF_COOKIE = 'eGPwAOUixJkQUG'", "CSRF_COOKIE = '<secret-1>'"),
        ("<nt-hash>8846f7eaee8fb117ad06bdd830b7586c</nt-hash>", "<nt-hash><secret-1></nt-hash>"),
        ("<crt>TUlJ</crt><prv>TUlJRVBSSVZBVEU=</prv>", "<crt>TUlJ</crt><prv><secret-1></prv>"),
        ("<rocommunity>s3cr3t</rocommunity>", "<rocommunity><secret-1></rocommunity>"),
    ],
)  # fmt: skip
def test_quoted_value_is_replaced_whole(redactor: Redactor, text: str, expected: str) -> None:
    """A quote doubled inside single quotes (YAML, SQL) does not end the value, and JSON held
    escaped inside a JSON string keeps its quotes around the placeholder."""
    assert redactor.text(text, artifact="log") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("INFO auth.session: user signed in", "INFO auth.session: user signed in"),
        ("INFO auth: session started", "INFO auth: session started"),
        ("WARN token: refresh failed for client", "WARN token: refresh failed for client"),
        ("[app] auth: Bearer abc123def456", "[app] auth: Bearer <auth-1>"),
        ("foo session: a3f9c1 ok", "foo session: <secret-1> ok"),
        ("INFO auth.session: 'abc' ok", "INFO auth.session: '<secret-1>' ok"),
        ("db.password: hunter22", "db.password: <secret-1>"),
        ("db.password:hunter22 x", "db.password:<secret-1> x"),
        ("password: two words", "password: <secret-1>"),
        ("INFO spring.db.password:=hunter22", "INFO spring.db.password:=<secret-1>"),
        ("the key orders rows", "the key orders rows"),
        ("run --token abc123 now", "run --token <secret-1> now"),
        ("the token Zx9mQ2vL8kR4tY7wPq3sN6 was", "the token <secret-1> was"),
        ("token  =  abc123", "token  =  <secret-1>"),
        ("I/Firebase: getIdToken: token=abc123def", "I/Firebase: getIdToken: token=<secret-1>"),
        ("<Creds: access_token=abc123def, user=ana>", "<Creds: access_token=<secret-1>, user=ana>"),
        # a logger's prefix starting its line, as Go's log.SetPrefix writes it
        ("auth: user not found", "auth: user not found"),
        ("auth: 2026/12/01 10:00:01 token refreshed", "auth: 2026/12/01 10:00:01 token refreshed"),
        ("password: 2026-12-01T10:00:01 reset sent", "password: 2026-12-01T10:00:01 reset sent"),
        ("auth: bearer abcdefghijklmn", "auth: <secret-1>"),
        ("token: Zx9mQ2vL8kR4 expires soon", "token: <secret-1>"),
        ("session.token: user not found", "session.token: <secret-1>"),
        # a reverse domain name is a service's or a package's name
        (
            "event name for stream/token: com.apple.xpc.activity/4505: 132: Request",
            "event name for stream/token: com.apple.xpc.activity/4505: 132: Request",
        ),
    ],
)  # fmt: skip
def test_dotted_names_and_spaced_names(redactor: Redactor, text: str, expected: str) -> None:
    """A dotted name before a colon mid-line is a logger, unless a quoted value follows, and so
    is a name followed by a date or by a message's words; a name followed by a space has a value
    after a separator, as a flag, or when it looks random."""
    assert redactor.text(text, artifact="log") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("run `export TOKEN=abc123def456` now.", "run `export TOKEN=<secret-1>` now."),
        ("then `TOKEN=abc123def456`.", "then `TOKEN=<secret-1>`."),
        ("see `x` and TOKEN=abc123`def456 there", "see `x` and TOKEN=<secret-1> there"),
        ("TOKEN=abc123`def456", "TOKEN=<secret-1>"),
    ],
)  # fmt: skip
def test_a_backtick_closes_a_value_inside_inline_code(
    redactor: Redactor, text: str, expected: str
) -> None:
    """A command quoted in Markdown keeps the backtick that closes it, and what follows; a
    backtick with no code span open on its line is part of the value."""
    assert redactor.text(text, artifact="log") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("--db.password=hunter2x -h db", "--db.password=<secret-1> -h db"),
        ("  --spring.datasource.password=L@123 ^", "  --spring.datasource.password=<secret-1> ^"),
        ("DB_PASSWORD=hunter2x ./run.sh --port 80", "DB_PASSWORD=<secret-1> ./run.sh --port 80"),
        ("export PGPASSWORD=hunter2x && psql -h db", "export PGPASSWORD=<secret-1> && psql -h db"),
        ("password=hunter2x;timeout=30", "password=<secret-1>;timeout=30"),
        ("token=abc123XYZ789qwe&lang=en", "token=<secret-1>&lang=en"),
        ("password: hunter2x  # a comment", "password: <secret-1>  # a comment"),
        ("password=hunter2x, user=bob", "password=<secret-1>, user=bob"),
        ("set PASSWORD=abc123 \\", "set PASSWORD=<secret-1> \\"),
        ("DB_PASSWORD=my secret phrase", "DB_PASSWORD=<secret-1>"),
        ("password=abc#def -x", "password=<secret-1> -x"),
        ("PASSWORD=$(kubectl get secret pg)", "PASSWORD=$(kubectl get secret pg)"),
        ("PASSWORD=`cat /run/secrets/pw`", "PASSWORD=`cat /run/secrets/pw`"),
        ("userpass = var.postgres_apps_password", "userpass = var.postgres_apps_password"),
        ("PASSWORD=`hunter2x", "PASSWORD=<secret-1>"),
    ],
)  # fmt: skip
def test_a_value_at_a_line_start_ends_before_what_follows_it(
    redactor: Redactor, text: str, expected: str
) -> None:
    """A value at the start of its line runs to the line's end, as in an env or INI file, but
    not over a comment, a shell line's next flag, command or continuation, or a connection
    string's next setting; a flag's value is one word; a command substitution fetches the
    secret and holds none."""
    assert redactor.text(text, artifact="log") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('"spring.datasource.password": { "value": "Xk29vLq7", "origin": "a.yml:5:17" }',
         '"spring.datasource.password": { "value": "<secret-1>", "origin": "a.yml:5:17" }'),
        ('"mail.password" : {\n    "value" : "s3cr\\"t",\n    "origin" : "env"\n  }',
         '"mail.password" : {\n    "value" : "<secret-1>",\n    "origin" : "env"\n  }'),
        ('{"api.key": {"value": 12345678}}', '{"api.key": {"value": <secret-1>}}'),
        ('{"password": {"value": "******"}}', '{"password": {"value": "******"}}'),
        ('{"password": {"hash": "ab", "algo": "x"}}', '{"password": {"hash": "ab", "algo": "x"}}'),
    ],
)  # fmt: skip
def test_a_value_wrapped_with_its_origin_goes(redactor: Redactor, text: str, expected: str) -> None:
    """Spring Boot's /actuator/env wraps each property's value in an object with its origin."""
    assert redactor.text(text, artifact="log") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("define( 'AUTH_KEY',       'AN`d5;x' );", "define( 'AUTH_KEY',       '<secret-1>' );"),
        ("define('NONCE_SALT',\t'p3w8w9e8');", "define('NONCE_SALT',\t'<secret-1>');"),
        ("('password', 'hunter2')", "('password', '<secret-1>')"),
        ("('total', 'password',  'email')", "('total', 'password',  'email')"),
    ],
)  # fmt: skip
def test_a_pair_may_line_its_value_up(redactor: Redactor, text: str, expected: str) -> None:
    """wp-config.php pads the name's side of each define() so the values line up."""
    assert redactor.text(text, artifact="log") == expected


_PHRASE = "replace equip genuine provide legal dash page pet corn pause bulb salute"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (f"mnemonic: {_PHRASE}", "mnemonic: <secret-1>"),
        (f"INFO restored, seed phrase: {_PHRASE} ok", "INFO restored, seed phrase: <secret-1> ok"),
        (f"I/Wallet: recovery phrase = {_PHRASE}", "I/Wallet: recovery phrase = <secret-1>"),
        ("words: 12 of them", "words: 12 of them"),
        ("key words: some words here", "key words: some words here"),
    ],
)  # fmt: skip
def test_a_recovery_phrase_goes_whole(redactor: Redactor, text: str, expected: str) -> None:
    """A wallet's twelve to twenty-four recovery words are its keys, every one of them."""
    assert redactor.text(text, artifact="log") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('{"session_id":"659c3115.3c21","session_line_num":"1"}',
         '{"session_id":"659c3115.3c21","session_line_num":"1"}'),
        ("session_id=659c3115.3c21x9", "session_id=<secret-1>"),
        ('dsn = "host=db.internal port=5432 dbname=app"',
         'dsn = "host=db.internal port=5432 dbname=app"'),
        ("dsn=postgres://db:5432/app", "dsn=postgres://db:5432/app"),
        ('dsn = "host=db password=hunter2x"', 'dsn = "<secret-1>"'),
        ("SENTRY_DSN=https://abc123def456@o1.ingest.sentry.io/4", "SENTRY_DSN=<secret-1>"),
        # a short flag with its value glued on is no name: the database after it stays
        ("mysql -uroot -pS3cr3tPass mydb", "mysql -uroot -p<password-1> mydb"),
        ("keytool -list -storepass changeit -v", "keytool -list -storepass <secret-1> -v"),
    ],
)  # fmt: skip
def test_values_that_name_no_secret_are_kept(redactor: Redactor, text: str, expected: str) -> None:
    """PostgreSQL's session id is a start time and a process id; a data source name without a
    password or user info says where the database is, which a report needs."""
    assert redactor.text(text, artifact="log") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("{&quot;password&quot;=&gt;&quot;Hunter2pw&quot;}",
         "{&quot;password&quot;=&gt;&quot;<secret-1>&quot;}"),
        ("&quot;api_token&quot;: &quot;Hunter2pw&quot;, &quot;n&quot;: 1",
         "&quot;api_token&quot;: &quot;<secret-1>&quot;, &quot;n&quot;: 1"),
        ("&#x27;PASSWORD&#x27;: &#x27;Hunter2pw&#x27;, &#x27;HOST&#x27;: &#x27;db&#x27;",
         "&#x27;PASSWORD&#x27;: &#x27;<secret-1>&#x27;, &#x27;HOST&#x27;: &#x27;db&#x27;"),
        ("&#39;secret&#39;: &#39;Hunter2pw&#39;", "&#39;secret&#39;: &#39;<secret-1>&#39;"),
        ("&quot;password&quot;=&gt;&quot;[FILTERED]&quot;",
         "&quot;password&quot;=&gt;&quot;[FILTERED]&quot;"),
        ("&quot;count&quot;:&quot;12&quot;", "&quot;count&quot;:&quot;12&quot;"),
    ],
)  # fmt: skip
def test_a_value_quoted_for_html_goes(redactor: Redactor, text: str, expected: str) -> None:
    """Exception pages and mails print a request's parameters with their quotes escaped."""
    assert redactor.text(text, artifact="log") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("  auth = psk", "  auth = psk"),
        ('phase2="auth=MSCHAPV2"', 'phase2="auth=MSCHAPV2"'),
        ("* CAPABILITY AUTH=PLAIN AUTH=XOAUTH2", "* CAPABILITY AUTH=PLAIN AUTH=XOAUTH2"),
        ("Authentication-Results: mx; auth=pass", "Authentication-Results: mx; auth=pass"),
        ("auth = eap-mschapv2", "auth = eap-mschapv2"),
        ("auth = hunter2x", "auth = <secret-1>"),
        ("auth-user-pass creds.txt", "auth-user-pass creds.txt"),
        ("userPassword:: e1NTSEF9cXJzdHV2d3h5", "userPassword:: <secret-1>"),
        ("userPassword: {SSHA}qrstuvwxyz012345", "userPassword: <secret-1>"),
        ("         :date:dkim-signature:arc-authentication-results;",
         "         :date:dkim-signature:arc-authentication-results;"),
        # a presigned URL's signature is its credential, though lower-case like header names
        ("?X-Amz-Signature=fe5f80f77d5fa3beca038a248ff027d0445342fe2855ddc963176630326f1024&a=b",
         "?X-Amz-Signature=<secret-1>&a=b"),
        ("signature: cafe0123456789abcdef", "signature: <secret-1>"),
        ("client_token=hmac-sha256:9cc3aa7a5f0e", "client_token=hmac-sha256:9cc3aa7a5f0e"),
        ('"resultSignature": "Succeeded.", "signature": "Conflict"',
         '"resultSignature": "Succeeded.", "signature": "Conflict"'),
        ("getting credentials: exec: aws failed", "getting credentials: exec: aws failed"),
        ("password: hunter2:", "password: <secret-1>"),
        ("Type '{ token: string; user: string | undefined; }'",
         "Type '{ token: string; user: string | undefined; }'"),
        ("const token = await getToken()", "const token = await getToken()"),
        ('fetch(u, {"credentials":"omit"}); {"credentials": "same-origin"}',
         'fetch(u, {"credentials":"omit"}); {"credentials": "same-origin"}'),
        ("Version=4.0.0.0, Culture=neutral, PublicKeyToken=b03f5f7f11d50a3a",
         "Version=4.0.0.0, Culture=neutral, PublicKeyToken=b03f5f7f11d50a3a"),
    ],
)  # fmt: skip
def test_methods_and_files_are_no_secrets(redactor: Redactor, text: str, expected: str) -> None:
    """An authentication's method or result is no secret, nor is the file credentials are
    read from; LDIF's base64 value after "::" and an LDAP hash after its {SCHEME} are."""
    assert redactor.text(text, artifact="log") == expected


_STATE = """{"resources": [
  {"type": "random_password", "instances": [{
    "attributes": {"id": "none", "result": "p4ssw0rd-xyz", "length": 24},
    "sensitive_attributes": [
      [
        {
          "type": "get_attr",
          "value": "result"
        }
      ]
    ]}]},
  {"type": "aws_ssm_parameter", "instances": [{
    "attributes": {"id": "/acme/x", "value": "hunter2x", "type": "SecureString"},
    "sensitive_attributes": [[{"type": "get_attr", "value": "value"}]]}]},
  {"type": "aws_instance", "instances": [{
    "attributes": {"id": "i-123", "result": "keep-me", "value": "keep-too"},
    "sensitive_attributes": []}]}
]}"""


def test_terraform_state_loses_the_attributes_it_marks_sensitive(redactor: Redactor) -> None:
    """Terraform's state names its resources' sensitive attributes after them, whatever the
    attributes are called; the others stay."""
    redacted = redactor.text(_STATE, artifact="terraform.tfstate")
    assert "p4ssw0rd-xyz" not in redacted
    assert "hunter2x" not in redacted
    assert '"result": "keep-me", "value": "keep-too"' in redacted
    assert '"type": "SecureString"' in redacted


@pytest.mark.parametrize(
    ("name", "secret"),
    [
        ("password", True), ("DB_PASSWORD", True), ("stripeSecretKey", True), ("X-Api-Key", True),
        ("APIKEY", True), ("client_secret", True), ("aws_secret_access_key", True),
        ("session", True), ("session_id", True), ("PHPSESSID", True), ("X-Amz-Signature", True),
        ("refresh_token", True), ("pin", True), ("credentials", True), ("Authorization", True),
        ("token_count", False), ("max_tokens", False), ("password_length", False),
        ("secret_name", False), ("primary_key", False), ("keyboard", False), ("author", False),
        ("DESKTOP_SESSION", False), ("SSH_AUTH_SOCK", False), ("token_expires_at", False),
        ("passed", False), ("signal", False), ("key", False), ("cache_key", False),
        ("Пароль", True), ("mật_khẩu", True), ("MotDePasse", True), ("DB-Passwort", True),
        ("Datenbankpasswort", True), ("clé_password", True), ("user_senha", True),
        ("passport", False), ("usenha", False), ("passwort_length", False), ("имя", False),
        ("cvv", True), ("CVC2", True), ("x-functions-key", True), ("recovery_codes", True),
        ("security_code", True), ("mfa_enabled", False), ("cvv_length", False),
        ("AuthFail", False), ("auth_failures", False), ("code_verifier", True),
        ("handle_will_sleep_auth_and_shield_windows", False), ("pi_3Lq8kLm2pW4nB7c", False),
        ("SENDGRID_API_KEY_ID", True), ("requirepass", True), ("ldap_default_authtok", True),
        ("NONCE_KEY", True), ("LOGGED_IN_KEY", True), ("LOGGED_IN_SALT", True),
        ("NONCE_SALT", True), ("salt", False), ("in_key", False), ("sign_in_key", False),
        ("adminpass", True), ("replicationpass", True), ("rootpass", True), ("bypass", False),
        ("compass", False), ("firstpass", False),
        ("PublicKeyToken", False), ("public_key", False),
        ("nt-hash", True), ("bcrypt-hash", True), ("prv", True), ("rocommunity", True),
        ("md5-hash", False),
        ("auth.identity", False), ("auth.persistence", False),
    ],
)  # fmt: skip
def test_secret_key_names(name: str, secret: bool) -> None:
    """Names are judged by their components; later property words make them non-secret, and
    a secret word more than three components from the end is part of a function's name. The
    word for password in another language counts at the end of a name."""
    assert is_secret_key(name) is secret


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "GET /login?next=%2Freset%3Ftoken%3DZx9mQ2vL8kR4%26lang%3Den HTTP/1.1",
            "GET /login?next=%2Freset%3Ftoken%3D<secret-1>%26lang%3Den HTTP/1.1",
        ),
        (
            "redirect_uri=https%3A%2F%2Fapp.example%2Fcb%3Fstate%3Dx%26access_token%3Dab%252Fc",
            "redirect_uri=https%3A%2F%2Fapp.example%2Fcb%3Fstate%3Dx%26access_token%3D<secret-1>",
        ),
        ("GET /search?q=token%3Dnothing HTTP/1.1", "GET /search?q=token%3Dnothing HTTP/1.1"),
        (
            "GET /search?q=token%3DZx9mQ2vL8kR4 HTTP/1.1",
            "GET /search?q=token%3D<secret-1> HTTP/1.1",
        ),
        ("GET /x?body=password%3DHunter22x&y=1", "GET /x?body=password%3D<secret-1>&y=1"),
    ],
)
def test_secret_in_a_url_encoded_query_goes(redactor: Redactor, text: str, expected: str) -> None:
    """A URL carried URL-encoded in another's query (a login's ``next``, an OAuth redirect)
    loses its secret parameters, up to the encoded ``&``; after an encoded ``=`` alone, only a
    value that is no word goes (a search for ``token=nothing`` stays)."""
    assert redactor.text(text, artifact="log") == expected
