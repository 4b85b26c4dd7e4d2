"""Credentials with a shape of their own: tokens with a known prefix, passwords in URLs, on
command lines and in SQL statements, and AWS secret keys next to their names.

Each pattern is found from a cheap anchor (a literal such as ``AKIA`` or ``eyJ``) and must
start at a token boundary, which keeps adversarial input linear."""

from __future__ import annotations

import base64
import binascii
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from supportkit.redaction import _anchors
from supportkit.redaction._rule import Category, Rule, Span
from supportkit.redaction.rules._text import (
    COMMAND_ARGUMENTS,
    FLAG_NAME,
    URL_USER_INFO,
    WINDOWS_NAME_CHAR,
    is_trivial,
    keyword_positions,
    mixed,
)

__all__ = ["RULES"]


@dataclass(slots=True)
class _PrefixRule:
    """A token that starts with a literal prefix, so the regex engine skips to it quickly.

    Each pattern is ``PREFIX(?<!X.{n})REST``: the look-behind right after the prefix rejects
    a prefix that continues a longer token, so attempts happen only at token boundaries and a
    run of near-matches (``eyJeyJeyJ…``) costs linear time. Patterns of ASCII classes run over
    the chunk's Latin-1 view (:mod:`supportkit.redaction._views`), which is faster.
    """

    name: str
    kind: str
    anchors: tuple[_anchors.Anchor, ...] = field(repr=False)
    patterns: tuple[re.Pattern[Any], ...] = field(repr=False)
    max_span: int
    category: Category = "credential"
    check: Callable[[str], bool] | None = field(default=None, repr=False)
    # Where a match starts from its anchor: before it, for a token whose literal comes last.
    offset: int = 0
    _group: frozenset[_anchors.Anchor] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        self._group = frozenset(self.anchors)

    def find(self, text: str) -> Iterator[Span]:
        if len(self.anchors) > 1 and _anchors.found_none(text, self._group):
            return
        yield from self.spans(text)

    def spans(self, text: str) -> Iterator[Span]:
        """:meth:`find` without first asking whether any anchor is in ``text``."""
        for anchor, pattern in zip(self.anchors, self.patterns, strict=True):
            for match in _anchors.matches(text, anchor, pattern, offset=self.offset):
                start, end = match.span(match.lastindex or 0)
                if self.check is None or self.check(text[start:end]):
                    yield Span(start, end, self.kind)


@dataclass
class _OneRule:
    """Prefix rules of one name tried as one: a text that holds none of their anchors (most
    texts hold none of the fifty commands that take a password) is passed over at once."""

    parts: tuple[_PrefixRule, ...]
    name: str = field(init=False)
    category: Category = field(init=False)
    max_span: int = field(init=False)
    _group: frozenset[_anchors.Anchor] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        (self.name,) = {part.name for part in self.parts}
        (self.category,) = {part.category for part in self.parts}
        self.max_span = max(part.max_span for part in self.parts)
        self._group = frozenset(anchor for part in self.parts for anchor in part.anchors)

    def find(self, text: str) -> Iterator[Span]:
        if _anchors.found_none(text, self._group):
            return
        for part in self.parts:
            yield from part.spans(text)  # the group held all of their anchors


_TOKEN_CLASS = "A-Za-z0-9_-"  # noqa: S105  (a character class, not a password)


def _prefix(
    name: str,
    kind: str,
    prefixes: Iterable[tuple[int, str]],
    rest: str,
    max_span: int,
    *,
    before: str = _TOKEN_CLASS,
    check: Callable[[str], bool] | None = None,
    ascii_only: bool = True,
) -> _PrefixRule:
    """``prefixes``: (width, regex that always matches ``width`` characters) pairs; each is
    the anchor the rule starts from, so the longer it is the fewer false starts.

    ``ascii_only``: the pattern matches ASCII characters only, so it may run over bytes.
    """
    patterns: list[re.Pattern[Any]] = []
    anchors: list[_anchors.Anchor] = []
    for width, regex in prefixes:
        guard = f"(?<![{before}].{{{width}}})" if before else ""
        source = f"{regex}{guard}{rest}"
        patterns.append(re.compile(source.encode() if ascii_only else source))
        anchors.append(_anchors.pattern(regex.encode(), width))
    return _PrefixRule(name, kind, tuple(anchors), tuple(patterns), max_span, check=check)


def _literal(*prefixes: str) -> list[tuple[int, str]]:
    return [(len(prefix), re.escape(prefix)) for prefix in prefixes]


def _mixed_case(value: str) -> bool:
    """Letters-only keys mix cases; a snake_case word after the prefix does not."""
    return not (value.islower() or value.isupper())


def _varied(value: str) -> bool:
    """Two of lower-case letters, capitals and digits, as any random key has, where a word after
    the prefix (``dckr_pat_example``) has one. :func:`mixed` (letters and digits) would refuse
    one random 27-character key in a hundred."""
    digits = any(char.isdigit() for char in value)
    return sum((value.lower() != value, value.upper() != value, digits)) >= 2


def _not_trivial(value: str) -> bool:
    """Not a placeholder, a reference to a variable, or a user and one (``ana:$PW``)."""
    password = value.rpartition(":")[2]
    return not (is_trivial(value) or (password.startswith("$") and is_trivial(password)))


def _end(chars: str) -> str:
    return rf"(?![{chars}])"


_AWS_KEY_ID = _prefix(
    "aws-access-key-id",
    "aws-key",
    _literal("AKIA", "ASIA"),
    "[A-Z0-9]{16}" + _end("A-Za-z0-9"),
    20,
)
_SLACK_WEBHOOK = _prefix(
    "slack-webhook",
    "slack-webhook",
    _literal("hooks.slack.com/"),
    "(?:services|workflows|triggers)/([A-Za-z0-9_/-]{20,200})",
    240,
    before="",
)
_TWILIO = _prefix(
    "twilio-api-key",
    "twilio-key",
    [(34, "SK[0-9a-f]{32}")],  # "SK" alone starts too many words
    _end("A-Za-z0-9"),
    34,
    check=mixed,
)


def _discord_user_id(value: str) -> bool:
    """Whether a token's first part is a Discord user id (17 to 20 digits) in base64."""
    first = value.partition(".")[0]
    try:
        decoded = base64.urlsafe_b64decode(first + "=" * (-len(first) % 4))
    except (binascii.Error, ValueError):
        return False
    return decoded.isdigit() and 17 <= len(decoded) <= 20


# A Discord account's token, with no label: its user id in base64, a timestamp and an HMAC
# (MTA4NjQ….GaBcDe.…). Whoever has it is signed in as the user.
_DISCORD_USER_TOKEN = _prefix(
    "discord-token",
    "discord-token",
    [(id_chars + 8, rf"[MNO][A-Za-z0-9_-]{{{id_chars - 1}}}\.[A-Za-z0-9_-]{{6}}\.")
     for id_chars in (23, 24, 25, 26)],
    "[A-Za-z0-9_-]{27,38}" + _end(_TOKEN_CLASS),
    74,
    check=_discord_user_id,
)  # fmt: skip
_DISCORD_WEBHOOK = _prefix(
    "discord-webhook",
    "discord-webhook",
    _literal("discord.com/api/webhooks/", "discordapp.com/api/webhooks/"),
    "[0-9]{17,20}/([A-Za-z0-9_-]{60,80})" + _end(_TOKEN_CLASS),
    130,
    before="",
)
# A Microsoft Teams incoming webhook: anyone with its path can post to the channel.
# https://TENANT.webhook.office.com/webhookb2/GROUP@TENANT/IncomingWebhook/ID/OWNER[/V2…], or
# the retired outlook.office.com/webhook/… form.
_TEAMS_WEBHOOK = _prefix(
    "teams-webhook",
    "teams-webhook",
    _literal("webhook.office.com/webhookb2/", "outlook.office.com/webhook/"),
    "([A-Za-z0-9@/_-]{60,400})" + _end("@/" + _TOKEN_CLASS),
    440,
    before="",
)
# Other services' webhook and trigger URLs, whose path is the key to them: Zapier's catch hooks
# (hooks.zapier.com/hooks/catch/ACCOUNT/HOOK/), Make's (hook.eu1.make.com/KEY), IFTTT's
# Webhooks key (maker.ifttt.com/trigger/EVENT/with/key/KEY) and PagerDuty's Events API v1
# integration key (events.pagerduty.com/integration/KEY/enqueue).
_WEBHOOK_URLS = tuple(
    _prefix("webhook-url", "webhook", _literal(*literals), rest + _end(_TOKEN_CLASS), max_span,
        before="")
    for literals, rest, max_span in (
        (("hooks.zapier.com/hooks/catch/",), "([0-9]{3,12}/[A-Za-z0-9]{4,16})", 60),
        (("hook.eu1.make.com/", "hook.eu2.make.com/", "hook.us1.make.com/",
            "hook.us2.make.com/", "hook.integromat.com/"), "([a-z0-9]{30,40})", 60),
        (("maker.ifttt.com/",), "(?:trigger/[^/\\s]{1,64}/with/(?:json/)?key/|use/)"
            "([A-Za-z0-9_-]{20,64})", 160),
        (("events.pagerduty.com/integration/",), "([a-f0-9]{32})", 70),
    )
)  # fmt: skip
# SonarQube's tokens before they had prefixes: 40 hex digits, passed to a build as
# -Dsonar.login= (the property's name before sonar.token, which the secret-name rule knows).
_SONAR_LOGIN = _prefix(
    "sonarqube-token",
    "sonarqube-token",
    _literal("sonar.login="),
    "([a-f0-9]{40})" + _end("A-Za-z0-9"),
    52,
    before="",
)
# A bot's token in a Bot API URL (https://api.telegram.org/bot<id>:<secret>/sendMessage): the
# bot id is part of the token.
_TELEGRAM_BOT = _prefix(
    "telegram-bot-token",
    "telegram-bot-token",
    _literal("/bot"),
    "([0-9]{5,16}:[A-Za-z0-9_-]{35})" + _end(_TOKEN_CLASS),
    50,
    before="",
)


@dataclass(slots=True)
class _AroundRule:
    """A token found from a rare literal inside it rather than a prefix: ``pattern`` is
    searched from ``reach`` characters before the anchor, over ``max_span`` characters."""

    name: str
    anchor: _anchors.Anchor = field(repr=False)
    pattern: re.Pattern[str] = field(repr=False)
    reach: int
    max_span: int
    category: Category = "credential"

    def find(self, text: str) -> Iterator[Span]:
        for at in _anchors.starts(text, self.anchor):
            start = max(0, at - self.reach)
            # One character past the longest match, so the end's look-ahead sees the text.
            found = self.pattern.search(text, start, start + self.max_span + 1)
            if found is not None and found.start() <= at < found.end():
                yield Span(found.start(), found.end(), self.name)


# The same token on its own (1234567890:AAHdqTcv…): the bot id and 35 characters, which begin
# with "AA" in the tokens Telegram issues.
_TELEGRAM_BARE_BOT = _AroundRule(
    "telegram-bot-token",
    _anchors.literal(":AA"),
    re.compile(r"(?<![\w:-])[0-9]{8,10}:AA[A-Za-z0-9_-]{33}(?![\w-])"),
    10,
    46,
)
# An Azure AD (Entra ID) application's client secret, as the portal shows it once: three
# characters, a digit, "Q~" and 31 to 34 more (abc8Q~…).
_AZURE_CLIENT_SECRET = _AroundRule(
    "azure-client-secret",
    _anchors.literal("Q~"),
    re.compile(r"(?<![\w~.-])[A-Za-z0-9_~.]{3}[0-9]Q~[A-Za-z0-9_~.-]{31,34}(?![\w~.-])"),
    4,
    40,
)
# An Anaconda channel's token, part of its URL (https://conda.anaconda.org/t/TOKEN/channel).
_ANACONDA_TOKEN = _prefix(
    "anaconda-token",
    "anaconda-token",
    _literal("anaconda.org/t/", "anaconda.cloud/t/"),
    "([A-Za-z0-9-]{8,128})(?=/)",
    150,
    before="",
)
# The same token in a request line without its host, as conda's debug output logs it
# ("> GET /t/su-fde61afe-…/acme/noarch/repodata.json"): two letters and a UUID.
_ANACONDA_PATH_TOKEN = _prefix(
    "anaconda-token",
    "anaconda-token",
    _literal(" /t/"),
    "([A-Za-z]{2}-[0-9a-fA-F]{8}-(?:[0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12})(?=/)",
    60,
    before="",
)
# Services' tokens, each with the prefix its vendor documents: (rule and placeholder kind,
# prefixes, what follows, characters that may not follow it, longest match, check).
_PREFIXED_TOKENS = tuple(
    _prefix(name, name, prefixes, body + _end(after), max_span, check=check)
    for name, prefixes, body, after, max_span, check in (
        ("github-token", [(4, "gh[pousr]_"), *_literal("github_pat_")], "[A-Za-z0-9_]{36,251}",
            "A-Za-z0-9_", 262, None),
        ("gitlab-token", _literal("gl"),
            "(?:pat|dt|rt|ptt|cbt|oas|soat|ffct|ft|imt|agent)-[A-Za-z0-9_-]{20,64}", _TOKEN_CLASS,
            76, None),
        # xoxd- cookies come URL-encoded
        ("slack-token", [(4, "xox[abcdeprs]"), *_literal("xapp")], "-[A-Za-z0-9%-]{10,250}",
            "A-Za-z0-9%-", 255, mixed),
        ("stripe-key", _literal("sk_", "rk_"), "(?:live|test)_[A-Za-z0-9]{10,247}", "A-Za-z0-9",
            255, None),
        ("stripe-key", _literal("whsec_"), "[A-Za-z0-9+/=]{24,128}", "A-Za-z0-9", 134, None),
        ("google-api-key", _literal("AIza"), "[A-Za-z0-9_-]{35}", _TOKEN_CLASS, 39, None),
        ("anthropic-key", _literal("sk-ant-"), "[A-Za-z0-9_-]{32,250}", _TOKEN_CLASS, 257, None),
        ("openai-key", _literal("sk-"),
            "(?!ant-)(?:(?:proj|svcacct|admin)-[A-Za-z0-9_-]{20,250}|[A-Za-z0-9_-]{48,250})",
            _TOKEN_CLASS, 262, mixed),
        ("sendgrid-key", _literal("SG."), r"[A-Za-z0-9_-]{16,32}\.[A-Za-z0-9_-]{16,64}",
            _TOKEN_CLASS, 100, None),
        ("npm-token", _literal("npm_"), "[A-Za-z0-9]{36}", "A-Za-z0-9", 40, None),
        ("pypi-token", _literal("pypi-AgE"),
            "(?:IcHlwaS5vcmc|NdGVzdC5weXBpLm9yZw)[A-Za-z0-9_-]{40,1000}", _TOKEN_CLASS, 1030, None),
        ("huggingface-token", _literal("hf_", "api_org_"), "[A-Za-z0-9]{34}", "A-Za-z0-9", 42,
            _mixed_case),
        ("shopify-token", [(6, "shp(?:at|ca|pa|ss)_")], "[a-fA-F0-9]{32}", "A-Za-z0-9", 38, None),
        ("digitalocean-token", [(7, "do[opr]_v1_")], "[a-f0-9]{64}", "A-Za-z0-9", 71, None),
        ("vault-token", [(4, r"hv[sb]\.")], "[A-Za-z0-9_-]{24,512}", _TOKEN_CLASS, 516, _varied),
        # Google OAuth 2.0 access tokens, as Google's client libraries log them.
        ("google-oauth-token", _literal("ya29."), "[A-Za-z0-9_-]{30,2048}", _TOKEN_CLASS, 2053,
            _varied),
        ("atlassian-token", _literal("ATATT3"), "[A-Za-z0-9_=-]{150,250}", "=" + _TOKEN_CLASS, 256,
            _varied),
        ("bitbucket-token", _literal("ATBB"), "[A-Za-z0-9]{32}", "A-Za-z0-9", 36, _varied),
        ("docker-token", [(9, "dckr_(?:pat|oat)_")], "[A-Za-z0-9_-]{20,64}", _TOKEN_CLASS, 73,
            _varied),
        ("grafana-token", _literal("glsa_"), "[A-Za-z0-9]{32}_[A-Fa-f0-9]{8}", "A-Za-z0-9_", 46,
            None),
        ("grafana-token", _literal("glc_"), "[A-Za-z0-9+/]{32,400}={0,2}", "A-Za-z0-9+/=", 406,
            _varied),
        ("sentry-token", _literal("sntryu_"), "[a-f0-9]{64}", "A-Za-z0-9", 71, None),
        ("sentry-token", _literal("sntrys_eyJ"), "[A-Za-z0-9+/=_]{60,1000}", "A-Za-z0-9+/=_",
            1010, None),
        ("postman-token", _literal("PMAK-"), "[a-f0-9]{24}-[a-f0-9]{34}", "A-Za-z0-9", 64, None),
        ("newrelic-key", _literal("NRAK-"), "[A-Z0-9]{27}", "A-Za-z0-9", 32, None),
        ("databricks-token", _literal("dapi"), "[a-f0-9]{32}(?:-[0-9])?", "A-Za-z0-9-", 38,
            _varied),
        ("supabase-token", _literal("sbp_"), "[a-f0-9]{40}", "A-Za-z0-9", 44, _varied),
        ("doppler-token", _literal("dp.pt.", "dp.st.", "dp.sa.", "dp.ct.", "dp.scim.",
            "dp.audit."), r"(?:[a-z0-9_-]{1,64}\.)?[A-Za-z0-9]{40,44}", "A-Za-z0-9", 118, _varied),
        ("linear-key", _literal("lin_api_"), "[A-Za-z0-9]{40}", "A-Za-z0-9", 48, _varied),
        ("mailgun-key", _literal("key-"), "[a-f0-9]{32}", "A-Za-z0-9", 36, _varied),
        ("square-token", [(7, "sq0(?:atp|csp)-")], "[A-Za-z0-9_-]{22,43}", _TOKEN_CLASS, 50,
            _varied),
        ("facebook-token", _literal("EAA"), "[A-Za-z0-9]{90,512}", "A-Za-z0-9", 515, _varied),
        ("mapbox-token", _literal("sk.eyJ"), r"[A-Za-z0-9_-]{20,512}\.[A-Za-z0-9_-]{20,128}",
            _TOKEN_CLASS, 647, None),
        ("heroku-key", _literal("HRKU-"), "[A-Za-z0-9_-]{58,64}", _TOKEN_CLASS, 69, _varied),
        ("groq-key", _literal("gsk_"), "[A-Za-z0-9]{52}", "A-Za-z0-9", 56, _varied),
        ("replicate-token", _literal("r8_"), "[A-Za-z0-9]{37}", "A-Za-z0-9", 40, _varied),
        ("perplexity-key", _literal("pplx-"), "[A-Za-z0-9]{48}", "A-Za-z0-9", 53, _varied),
        ("xai-key", _literal("xai-"), "[A-Za-z0-9]{80}", "A-Za-z0-9", 84, _varied),
        # LangSmith's and Tavily's keys, which LLM apps hold beside their model provider's
        ("langsmith-key", [(8, "lsv2_(?:pt|sk)_")], "[a-f0-9]{32}_[a-f0-9]{10}", "A-Za-z0-9_",
            51, None),
        ("tavily-key", _literal("tvly-"), "(?:dev-|prod-)?[A-Za-z0-9]{32}", "A-Za-z0-9", 42,
            _varied),
        # PostHog's personal API keys (its phc_ project keys are public); HubSpot's private
        # app tokens; Brevo's (Sendinblue's) API and SMTP keys
        ("posthog-key", _literal("phx_"), "[A-Za-z0-9_]{43}", "A-Za-z0-9_", 47, _varied),
        ("hubspot-token", [(8, "pat-(?:na|eu|ap)[0-9]-")],
            "[a-f0-9]{8}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{12}", "A-Za-z0-9", 44, None),
        ("brevo-key", _literal("xkeysib-", "xsmtpsib-"), "[a-f0-9]{64}-[A-Za-z0-9]{16}",
            "A-Za-z0-9", 90, None),
        ("planetscale-token", _literal("pscale_tkn_", "pscale_pw_", "pscale_oauth_"),
            "[A-Za-z0-9_.=-]{32,64}", ".=" + _TOKEN_CLASS, 77, _varied),
        ("pulumi-token", _literal("pul-"), "[a-f0-9]{40}", "A-Za-z0-9", 44, _varied),
        ("buildkite-token", _literal("bkua_"), "[a-f0-9]{40}", "A-Za-z0-9", 45, _varied),
        ("shippo-token", [(12, "shippo_(?:live|test)_")], "[a-f0-9]{40}", "A-Za-z0-9", 52, None),
        ("braintree-token", _literal("access_token$production$"), r"[0-9a-z]{16}\$[0-9a-f]{32}",
            "A-Za-z0-9", 73, None),
        # AWS STS session tokens: base64 of a header that starts the same in every one.
        ("aws-session-token", _literal("IQoJb3JpZ2luX2Vj", "FwoGZXIvYXdzE"),
            "[A-Za-z0-9+/]{100,2048}={0,2}", "A-Za-z0-9+/=", 2080, None),
        ("age-secret-key", _literal("AGE-SECRET-KEY-1"), "[QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L]{58}",
            "A-Za-z0-9", 74, None),
        # package registries: RubyGems, crates.io
        ("rubygems-key", _literal("rubygems_"), "[a-f0-9]{48}", "A-Za-z0-9", 57, None),
        ("crates-io-token", _literal("cio"), "[A-Za-z0-9]{32}", "A-Za-z0-9", 35, mixed),
        ("onepassword-token", _literal("ops_eyJ"), "[A-Za-z0-9+/]{250,4096}={0,3}",
            "A-Za-z0-9+/=", 4110, None),
        ("alibaba-key", _literal("LTAI"), "[A-Za-z0-9]{20}", "A-Za-z0-9", 24, mixed),
        # a GitLab runner's registration token; a Google OAuth refresh token
        ("gitlab-token", _literal("GR1348941"), "[A-Za-z0-9_-]{20,64}", _TOKEN_CLASS, 73,
            _varied),
        ("google-oauth-token", _literal("1//0"), "[A-Za-z0-9_-]{40,512}", _TOKEN_CLASS, 516,
            _varied),
        # Figma's personal access tokens, Notion's integration secrets, Fly.io's tokens
        ("figma-token", _literal("figd_"), "[A-Za-z0-9_-]{40,64}", _TOKEN_CLASS, 69, _varied),
        ("notion-token", _literal("ntn_"), "[A-Za-z0-9]{40,50}", "A-Za-z0-9", 54, _varied),
        ("flyio-token", _literal("fo1_"), "[A-Za-z0-9_-]{43}", _TOKEN_CLASS, 47, _varied),
        # SonarQube's user, project and global analysis tokens
        ("sonarqube-token", _literal("squ_", "sqp_", "sqa_"), "[a-f0-9]{40}", "A-Za-z0-9", 44,
            None),
        # Notion's older integration secrets; Square's production access tokens
        ("notion-token", _literal("secret_"), "[A-Za-z0-9]{43}", "A-Za-z0-9", 50, _varied),
        ("square-token", _literal("EAAA"), "[A-Za-z0-9_-]{60}", _TOKEN_CLASS, 64, _varied),
        # New Relic's insert keys and browser keys; NuGet's and Clojars' API keys
        ("newrelic-key", _literal("NRII-"), "[A-Za-z0-9_-]{32}", _TOKEN_CLASS, 37, _varied),
        ("newrelic-key", _literal("NRJS-"), "[a-f0-9]{19}", "A-Za-z0-9", 24, None),
        ("nuget-key", _literal("oy2"), "[a-z0-9]{43}", "A-Za-z0-9", 46, _varied),
        ("clojars-token", _literal("CLOJARS_"), "[a-z0-9]{60}", "A-Za-z0-9", 68, _varied),
        # Tailscale's auth, API and OAuth client keys; Dropbox's short-lived access tokens;
        # a Cloudflare Origin CA key
        ("tailscale-key", _literal(*(f"tskey-{kind}-" for kind in ("auth", "api", "client",
            "scim", "webhook"))),
            "[A-Za-z0-9]{6,32}-[A-Za-z0-9]{16,64}", "A-Za-z0-9", 110, _varied),
        ("dropbox-token", _literal("sl."), "(?:u\\.)?[A-Za-z0-9_-]{120,1400}", _TOKEN_CLASS, 1410,
            _varied),
        ("cloudflare-key", _literal("v1.0-"), "[a-f0-9]{24}-[a-f0-9]{146}", "A-Za-z0-9", 176,
            None),
    )
)  # fmt: skip


def _literal_last(
    name: str, lead: tuple[int, str], literal: str, rest: str, max_span: int
) -> _PrefixRule:
    """A token whose ``literal`` (its anchor) follows ``lead``, a regex that always matches
    its width of random characters before it."""
    width, regex = lead
    pattern = f"(?<![A-Za-z0-9]){regex}{re.escape(literal)}{rest}"
    return _PrefixRule(
        name,
        name,
        (_anchors.literal(literal),),
        (re.compile(pattern.encode()),),
        max_span,
        check=_varied,
        offset=-width,
    )


# Tokens whose literal comes after a random part: Mailchimp's API keys (32 hex digits, then
# the data centre, "-us21"), Terraform Cloud's API tokens (14 characters, ".atlasv1.", more).
_MAILCHIMP_KEY = _literal_last(
    "mailchimp-key", (32, "[0-9a-f]{32}"), "-us", "[0-9]{1,2}(?![A-Za-z0-9])", 36
)
_TERRAFORM_TOKEN = _literal_last(
    "terraform-token", (14, "[A-Za-z0-9]{14}"), ".atlasv1.", r"[A-Za-z0-9_=-]{60,70}(?![\w=-])", 93
)
# An OAuth authorization code in a redirect's query: exchanged for tokens, so a secret while it
# lives. Only a long random one: "?code=404" and promo codes in words stay.
_OAUTH_CODE = _prefix(
    "oauth-code",
    "oauth-code",
    _literal("?code=", "&code="),
    "([A-Za-z0-9%/_.~-]{20,512})" + _end("A-Za-z0-9%/_.~-"),
    518,
    before="",
    check=mixed,
)
# A shorter code is one only beside the state it answers (…&code=1KIn6H&state=093a…).
_OAUTH_SHORT_CODE = _prefix(
    "oauth-code",
    "oauth-code",
    _literal("?code=", "&code="),
    "([A-Za-z0-9_.~-]{6,19})(?=&(?:state|session_state|scope|iss)=)",
    40,
    before="",
    check=mixed,
)
# A live stream's key: the last segment of an RTMP ingest URL (OBS, nginx-rtmp and every
# streaming service print rtmp://host/app/KEY), or its key= or p= parameter. Whoever has it
# broadcasts on the account.
_STREAM_KEY = _prefix(
    "stream-key",
    "stream-key",
    _literal("rtmp://", "rtmps://"),
    r"[^\s/?#'\"]{1,255}(?:/[^\s/?#'\"]{1,255}){0,8}"
    r"(?:/|\?(?:[^\s#'\"]{0,255}&)?(?:key|p|streamkey|stream_key)=)"
    r"([^\s/?#&'\"]{12,512})(?![^\s/?#&'\"])",
    1_900,
    before="",
    check=mixed,
)
# Firebase Cloud Messaging's legacy server key: AAAA and seven characters (the project's
# number), ":APA91b" and 134 more. Whoever has it pushes notifications to the app's users.
_FCM_SERVER_KEY = _prefix(
    "fcm-server-key",
    "fcm-server-key",
    _literal("AAAA"),
    r"[A-Za-z0-9_-]{7}:APA91b[A-Za-z0-9_-]{134}" + _end(_TOKEN_CLASS),
    151,
)
# The Dart VM service's URL, as every Flutter debug run prints it ("The Dart VM service is
# listening on http://127.0.0.1:50353/ZyjwEXRRIyo=/", "ws://…/ws", DevTools' ?uri= encoded):
# its path is the service's auth code, and whoever has it runs code in the app.
_DART_VM_SERVICE = _prefix(
    "dart-vm-service-token",
    "vm-service-token",
    _literal("://127.0.0.1:", "://localhost:", "%2F%2F127.0.0.1%3A", "%2F%2Flocalhost%3A"),
    r"\d{2,5}(?:/|%2F)([A-Za-z0-9_-]{8,86}(?:={1,2}|(?:%3D){1,2}))(?=/|%2F)",
    140,
    before="",
    check=_varied,
)
_JWT = _prefix(
    "jwt",
    "jwt",
    _literal("eyJ"),
    r"[A-Za-z0-9_-]{8,4096}\.eyJ[A-Za-z0-9_-]{2,8192}\.[A-Za-z0-9_-]{0,1024}" + _end(_TOKEN_CLASS),
    13_320,
)
# curl's -u/--user/--proxy-user user:password on a command line: only the password goes. A
# user id and group (docker run -u 1000:1000) is no password, nor is a URL (az login -u
# http://app).
_CLI_USER_PASSWORD = _prefix(
    "cli-user-password",
    "password",
    _literal(" -u", " -U", " --user", " --proxy-user"),
    r"[ =]?[\"']?[^\s:\"']{1,256}:(?!//)([^\s\"']{1,256})",
    530,
    before="",
    check=lambda value: not (is_trivial(value) or value.isdigit()),
    ascii_only=False,
)
# A password given to a client by a short flag, which means something else elsewhere (ssh -p is a
# port), so only after the commands where it is a password: mysql's -pPASSWORD (glued; -p alone
# prompts), sshpass -p, docker/podman/helm "login -p", redis-cli -a, SQL Server's sqlcmd -P,
# PowerShell's ConvertTo-SecureString "…", and the archive, LDAP, Samba and Wi-Fi tools below.
_ARGUMENTS = COMMAND_ARGUMENTS
# A Windows account name (a JSON key is no name).
_WINDOWS_USER = WINDOWS_NAME_CHAR + "{1,64}"
# What follows a flag that takes a value, unless it is the next flag.
_NOT_A_FLAG = rf"(?!{FLAG_NAME}(?:[ \t]|$))"
# A password on a command line: quoted (spaces and all), or one word.
# A network device's secret is written with its type: 0 (the password itself), 7 (a reversible
# encoding), 5, 8 or 9 (hashes), or a hash's name ("enable secret sha512 $6$…").
_SECRET_TYPE = r"(?:[ \t]+(?:[0-9]|sha512|sha256|md5|pbkdf2|scrypt))?"  # noqa: S105
_QUOTED_OR_WORD = r"(?:\"([^\"\r\n]{1,256})\"|'([^'\r\n]{1,256})'|([^\s\"'|;&<>]{1,256}))"
_CLI_PASSWORDS = tuple(
    _prefix("cli-password", "password", _literal(*commands), rest + _QUOTED_OR_WORD, 4_400,
        before=before, check=_not_trivial)
    for commands, rest, before in (
        (("mysql", "mariadb"), r"[a-z_-]{0,16}" + _ARGUMENTS + "-p", _TOKEN_CLASS),
        (("sshpass",), _ARGUMENTS + r"-p[ \t]*", _TOKEN_CLASS),
        ((" login",), _ARGUMENTS + r"-p[ \t]+", ""),
        (("redis-cli",), _ARGUMENTS + r"-a[ \t]+", _TOKEN_CLASS),
        (("sqlcmd", "osql", "bcp"), _ARGUMENTS + r"-P[ \t]*", _TOKEN_CLASS),
        # MongoDB's shells and tools: -p PASSWORD (-p before another flag prompts)
        (("mongo",), r"[a-z]{0,8}" + _ARGUMENTS + r"-p[ \t]+" + _NOT_A_FLAG, _TOKEN_CLASS),
        # Azure Key Vault: az keyvault secret set ... --value SECRET
        (("keyvault",), r"[ \t]+secret[ \t]+set" + _ARGUMENTS + r"--value(?:[ \t]+|=)"
            + _NOT_A_FLAG, _TOKEN_CLASS),
        # PowerShell turning a plain-text password into a SecureString
        (("ConvertTo-SecureString",), r"(?:[ \t]+-String)?[ \t]+", _TOKEN_CLASS),
        # archives: zip and unzip -P, 7-Zip's glued -p; OpenLDAP's clients' -w; openssl enc -k
        (("zip", "unzip"), _ARGUMENTS + r"-P[ \t]+", _TOKEN_CLASS),
        (("7z",), r"[ar]?" + _ARGUMENTS + r"-p", _TOKEN_CLASS),  # 7z, 7za, 7zr
        (("ldap",), r"[a-z]{3,8}" + _ARGUMENTS + r"-w[ \t]+", _TOKEN_CLASS),
        (("openssl",), _ARGUMENTS + r"-k[ \t]+", _TOKEN_CLASS),
        # Samba's -U user%password
        (("smbclient", "rpcclient", "smbcacls", "smbget"), _ARGUMENTS + r"-U[ \t]*[^\s%]{1,256}%",
            _TOKEN_CLASS),
        # Wi-Fi: wpa_passphrase SSID PASSPHRASE; nmcli ... password PASSWORD (or the psk property)
        (("wpa_passphrase",), r"[ \t]+(?:\"[^\"\r\n]{1,64}\"|'[^'\r\n]{1,64}'|\S{1,64})[ \t]+",
            _TOKEN_CLASS),
        (("nmcli",), _ARGUMENTS + r"(?:password|wifi-sec\.psk|802-11-wireless-security\.psk)[ \t]+",
            _TOKEN_CLASS),
        # Apple's build tools: security's keychain commands (-p, an .p12's -P, -k), altool's and
        # notarytool's app-specific password; dotnet's and nuget's package source password
        (("security",), r"[ \t]+(?:unlock|create)-keychain" + _ARGUMENTS + r"-p[ \t]+"
            + _NOT_A_FLAG, _TOKEN_CLASS),
        (("security",), r"[ \t]+import" + _ARGUMENTS + r"-P[ \t]+" + _NOT_A_FLAG, _TOKEN_CLASS),
        (("security",), r"[ \t]+set-key-partition-list" + _ARGUMENTS + r"-k[ \t]+" + _NOT_A_FLAG,
            _TOKEN_CLASS),
        (("altool", "notarytool"), _ARGUMENTS + r"(?:-p|--password)[ \t]+" + _NOT_A_FLAG,
            _TOKEN_CLASS),
        (("nuget",), r"(?:[ \t]+(?:add|update)[ \t]+source|[ \t]+sources[ \t]+(?:add|update))"
            + _ARGUMENTS + r"(?:-p|--password|-Password)[ \t]+" + _NOT_A_FLAG, _TOKEN_CLASS),
        # ssh-keygen -N NEW_PASSPHRASE (-N '' is none: nothing to replace)
        (("ssh-keygen",), _ARGUMENTS + r"-N[ \t]+", _TOKEN_CLASS),
        # Windows: net user NAME PASSWORD, net use \\host\share /user:NAME PASSWORD, and the order
        # its help gives, net use [Z:] \\host\share PASSWORD /user:NAME
        (("net user",), r"[ \t]+" + _WINDOWS_USER + r"[ \t]+(?=[^\s/])", _TOKEN_CLASS),
        (("net use",), r"(?:[ \t]+[^\s/]\S{0,255}){0,2}[ \t]+/user:\S{1,64}[ \t]+(?=[^\s/])",
            _TOKEN_CLASS),
        (("net use",), r"(?:[ \t]+[A-Za-z\*]:)?[ \t]+\\\\\S{1,255}[ \t]+"
            r"(?=(?:\"[^\"\r\n]{1,256}\"|[^\s/*\"]\S{0,255})[ \t]+/user:)", _TOKEN_CLASS),
        # htpasswd -b FILE USER PASSWORD (-c creates the file; -B, -m... choose the hash)
        (("htpasswd",), r"(?:[ \t]+-[A-Za-z]{1,6})*?[ \t]+-[A-Za-z]{0,5}b[A-Za-z]{0,5}"
            r"(?:[ \t]+-[A-Za-z]{1,6})*(?:[ \t]+[^\s-]\S{0,255}){2}[ \t]+", _TOKEN_CLASS),
        # Windows: schtasks /RP (the task's account) and /P (the remote one), PsExec -p
        (("schtasks",), r"(?:\.exe)?" + _ARGUMENTS + r"/R?P[ \t]+(?=[^\s/])", _TOKEN_CLASS),
        (("psexec", "PsExec"), r"(?:64)?(?:\.exe)?" + _ARGUMENTS + r"-p[ \t]+" + _NOT_A_FLAG,
            _TOKEN_CLASS),
        # Redis: AUTH [user] password, typed at redis-cli's prompt (host:port>) or quoted by
        # MONITOR; swaks prints its SMTP commands after "~> "
        (("> AUTH", "> auth"), r"(?<=[0-9]> [Aa][Uu][Tt][Hh])"
            r"(?:[ \t]+[^\s\"']{1,64}(?=[ \t]+\S))?[ \t]+", ""),
        (("\"AUTH\"", "\"auth\""), r"(?:[ \t]+\"[^\"\r\n]{0,64}\"(?=[ \t]+\"))?[ \t]+", ""),
        # network devices: "username NAME [privilege N] password|secret [TYPE] VALUE" and
        # "enable secret|password [level N] [TYPE] VALUE" (type 0 is the password itself,
        # the others a hash of it or a reversible encoding); HAProxy's "stats auth user:pass"
        (("username",), r"[ \t]+\S{1,64}(?:[ \t]+privilege[ \t]+[0-9]{1,2})?[ \t]+"
            r"(?:password|secret)" + _SECRET_TYPE + r"[ \t]+", _TOKEN_CLASS),
        (("enable secret", "enable password"), r"(?:[ \t]+level[ \t]+[0-9]{1,2})?"
            + _SECRET_TYPE + r"[ \t]+", _TOKEN_CLASS),
        (("stats auth",), r"[ \t]+[^\s:]{1,64}:", _TOKEN_CLASS),
        # a package manager's credentials for a repository: poetry and composer's
        # "config http-basic.REPO USER PASSWORD"; cargo login TOKEN
        (("http-basic.",), r"[\w.-]{1,128}[ \t]+[^\s-]\S{0,255}[ \t]+", _TOKEN_CLASS),
        (("cargo login",), r"(?:[ \t]+--registry[ \t=]\S{1,64})?[ \t]+" + _NOT_A_FLAG,
            _TOKEN_CLASS),
        # GitHub Actions' ::add-mask:: command: what follows is a secret by definition
        (("::add-mask::",), r"[ \t]*", ""),
        # a password echoed into a login that reads it from standard input, or user:password
        # into chpasswd
        (("echo", "printf"), r"(?:[ \t]+-[ne])?(?:[ \t]+'%s')?[ \t]+(?=\S[^\r\n|]{0,256}\|"
            r"[^\r\n|]{1,256}(?:--password-stdin|--with-token|chpasswd))", _TOKEN_CLASS),
    )
)  # fmt: skip
# The other keys in network devices' configurations, whatever characters they hold: IPsec
# pre-shared keys (IOS keyrings and ISAKMP, ASA tunnel groups, Junos' ascii-text), key chains',
# TACACS+ and RADIUS servers' keys, routing protocols' authentication keys, ASA's failover key,
# SNMPv3 users' passwords, a line's password with its type; strongSwan's ipsec.secrets; and
# an IMAP client's LOGIN.
_QUOTED_OR_UNSPACED = r"(?:\"([^\"\r\n]{1,256})\"|'([^'\r\n]{1,256})'|(\S{1,256}))"
_DEVICE_SECRETS = tuple(
    _prefix("cli-password", "password", _literal(*words), rest + _QUOTED_OR_UNSPACED, 4_400,
        before=before, check=_not_trivial)
    for words, rest, before in (
        (("pre-shared-key",), r"(?:[ \t]+(?:address|hostname)[ \t]+\S{1,255}"
            r"(?:[ \t]+[0-9.]{7,15})?[ \t]+key)?(?:[ \t]+(?:ascii-text|hexadecimal|key))?"
            + _SECRET_TYPE + r"[ \t]+", _TOKEN_CLASS),
        (("crypto isakmp key", "key-string", "server-key", "failover key"),
            r"(?:[ \t]+(?:password|key))?" + _SECRET_TYPE + r"[ \t]+", _TOKEN_CLASS),
        # NTP's "authentication-key 1 md5 KEY [TYPE]", OSPF's "authentication-key [TYPE] KEY"
        (("authentication-key",), r"(?:[ \t]+[0-9]{1,10}[ \t]+md5)?" + _SECRET_TYPE + r"[ \t]+",
            _TOKEN_CLASS),
        (("message-digest-key",), r"[ \t]+[0-9]{1,3}[ \t]+md5" + _SECRET_TYPE + r"[ \t]+",
            _TOKEN_CLASS),
        (("tacacs-server", "radius-server", "server-private"),
            r"[^\r\n]{0,200}?[ \t]key" + _SECRET_TYPE + r"[ \t]+", _TOKEN_CLASS),
        ((" key 0", " key 7", "\tkey 0", "\tkey 7", " password 0", " password 7"), r"[ \t]+",
            ""),
        (("snmp-server user",), r"[^\r\n]{0,200}?[ \t]auth[ \t]+(?:md5|sha[0-9]{0,3})[ \t]+",
            _TOKEN_CLASS),
        (("snmp-server user",), r"[^\r\n]{0,300}?[ \t]priv[ \t]+(?:des|3des|aes)"
            r"(?:[ \t]+[0-9]{3})?[ \t]+", _TOKEN_CLASS),
        # strongSwan's ipsec.secrets: [ids] : PSK "…" (XAUTH and EAP passwords alike)
        ((": PSK", ": XAUTH", ": EAP"), r"[ \t]+", ""),
        # IMAP's LOGIN command after its tag (which ends in a digit): a1 LOGIN user password,
        # 3 login "user" "password"
        (("LOGIN",), r"(?<=[0-9] LOGIN)[ \t]+(?:\"[^\"\r\n]{1,256}\"|[^\s\"]{1,256})[ \t]+",
            ""),
        (("login \"",), r"(?<=[0-9] login \")[^\"\r\n]{1,256}\"[ \t]+", ""),
    )
)  # fmt: skip
# An SNMP community string is its password: after the net-snmp tools' -c, and in Cisco's and
# net-snmp's configuration. "public" is everyone's default, no secret.
_SNMP_COMMUNITIES = tuple(
    _prefix("cli-password", "password", _literal(*words), rest + _QUOTED_OR_WORD, 4_400,
        check=lambda value: _not_trivial(value) and value != "public")
    for words, rest in (
        (("snmp",), r"(?:(?:bulk)?walk|(?:bulk)?get|getnext|set|table|trap|inform|delta|df"
            r"|netstat|status)(?:\.exe)?" + _ARGUMENTS + r"-c[ \t]*"),
        (("snmp-server community", "rocommunity", "rwcommunity"), r"6?[ \t]+"),
        (("snmp-server host",), r"[ \t]+\S{1,255}(?:[ \t]+(?:traps|informs))?"
            r"(?:[ \t]+version[ \t]+(?:1|2c|3[ \t]+(?:auth|noauth|priv)))?[ \t]+"),
    )
)  # fmt: skip
# A password hash in crypt(3)'s format (/etc/shadow, htpasswd, a users table in a statement
# log): whoever has it can guess the password offline. bcrypt, SHA-crypt, MD5-crypt, yescrypt,
# Argon2, and Django's PBKDF2.
_CRYPT = "./A-Za-z0-9"
_PASSWORD_HASHES = tuple(
    _prefix("password-hash", "password-hash", _literal(*prefixes), rest + _end(_CRYPT + "$+="),
        460, before=_CRYPT + "$")
    for prefixes, rest in (
        (("$2a$", "$2b$", "$2y$"), rf"[0-9]{{2}}\$[{_CRYPT}]{{53}}"),
        (("$5$", "$6$"), rf"(?:rounds=[0-9]{{1,9}}\$)?[{_CRYPT}]{{1,16}}\$[{_CRYPT}]{{43,86}}"),
        (("$1$", "$apr1$"), rf"[{_CRYPT}]{{1,8}}\$[{_CRYPT}]{{22}}"),
        # Juniper's reversible "$9$" encoding of a secret in a configuration
        (("$9$",), r"[./A-Za-z0-9-]{4,512}"),
        (("$y$",), rf"[{_CRYPT}]{{1,64}}\$[{_CRYPT}]{{1,64}}\$[{_CRYPT}]{{43}}"),
        (("$argon2",), r"(?:id|i|d)\$v=[0-9]{1,3}\$m=[0-9]{1,10},t=[0-9]{1,10},p=[0-9]{1,3}"
            r"\$[A-Za-z0-9+/]{8,128}\$[A-Za-z0-9+/]{16,256}"),
        (("pbkdf2_sha",), r"(?:1|256)\$[0-9]{1,8}\$[A-Za-z0-9./+]{1,64}"
            r"\$[A-Za-z0-9+/]{40,128}={0,2}"),
    )
)  # fmt: skip
# An account and its password as one word, user@domain:password: Postfix's sasl_passwd
# ("[smtp.example.com]:587 ana@example.com:…"), a combo list; also quoted, as a JSON log's
# message holds the line. A port, a path or a repository (git@github.com:org/app.git) is no
# password.
_ACCOUNT_PASSWORD = _prefix(
    "account-password",
    "password",
    [(1, "@")],
    r"(?<=[\w.%+-]@)[A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63}){1,8}"
    r":([^\s:/@\"'<>]{4,256})(?![^\s\"'])",
    580,
    before="",
    check=lambda value: _not_trivial(value) and not value.isdigit(),
    ascii_only=False,
)
# Bundler's credentials for a gem source, "user:password" under the source's host: in the
# environment (BUNDLE_GEMS__ACME__IO, "." written "__"; BUNDLE_BUILD__ and BUNDLE_MIRROR__ are
# other settings), in .bundle/config, and set with "bundle config [set] [--global] HOST U:P".
_BUNDLER_CREDENTIALS = tuple(
    _prefix("account-password", "password", _literal(*words),
        rest + r"[^\s:\"']{1,128}:([^\s\"']{1,256})", 700, check=_not_trivial)
    for words, rest in (
        (("BUNDLE_",), r"(?!BUILD__|MIRROR__)[A-Z0-9_]{1,200}?__[A-Z]{2,24}"
            r"(?:=|[\"']?:[ \t]{0,8})[\"']?"),
        (("bundle config",), r"(?:[ \t]+set)?(?:[ \t]+--(?:global|local))?[ \t]+"
            r"[A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63}){1,8}[ \t]+"),
    )
)  # fmt: skip
# The password a PHP stack trace shows among a call's arguments: a database connection's
# (#0 …: PDO->__construct('mysql:host=…', 'root', '…', Array); mysqli_connect('db', 'app', '…')),
# the built-in logins' (ldap_bind(Object(LDAP\Connection), 'cn=admin', '…'), ftp_login,
# ssh2_auth_password, imap_open, oci_connect) and a login method's (Mailer->login('ana', '…')).
_PHP_ARGUMENT = (
    r"(?:'[^'\r\n]{0,256}'|\"[^\"\r\n]{0,256}\"|Object\([\w\\]{1,128}\)|Resource id #[0-9]{1,10}"
    r"|[\w$.]{1,64})[ \t]*,[ \t]*"
)
_PHP_CONNECT_PASSWORDS = tuple(
    _prefix("php-connect-password", "password", _literal(*calls),
        r"[ \t]*" + _PHP_ARGUMENT * before + r"(?:'([^'\r\n]{1,256})'|\"([^\"\r\n]{1,256})\")",
        1_200, before="", check=_not_trivial, ascii_only=False)
    for calls, before in (
        (("PDO->__construct(", "new PDO(", "mysqli->__construct(", "mysqli_connect(",
            "mysqli->real_connect(", "ldap_bind(", "ftp_login(", "ssh2_auth_password(",
            "imap_open(", "mysql_connect(", "mysql_pconnect("), 2),
        (("mysqli_real_connect(",), 3),  # the connection comes first
        (("oci_connect(", "oci_pconnect(", "->login(", "::login(", "->authenticate("), 1),
    )
)  # fmt: skip
# A .netrc entry (curl, git, ftp, pip read it): "machine HOST login USER password SECRET", on one
# line or spread over several.
_NETRC_PASSWORD = _prefix(
    "netrc-password",
    "password",
    _literal("machine "),
    r"\S{1,256}(?:\s{1,64}(?:login|account)\s{1,64}\S{1,256}){0,2}\s{1,64}password\s{1,64}(\S{1,256})",
    1_400,
    check=_not_trivial,
    ascii_only=False,
)
# A PostgreSQL password file line (~/.pgpass, PGPASSFILE): host:port:database:user:password,
# the port PostgreSQL's own or "*"; the password is the rest of the line.
_PGPASS_PASSWORD = _prefix(
    "pgpass-password",
    "password",
    _literal(":5432:", ":*:"),
    r"[^:\s]{1,128}:[^:\s]{1,128}:([^\s]{1,256}+)(?=[ \t]*(?:\r?\n|\Z))",
    520,
    before="",
    check=_not_trivial,
    ascii_only=False,
)
# A password in an SQL statement, as a server's statement log keeps it: PostgreSQL's CREATE or
# ALTER ROLE ... PASSWORD '...', MySQL's PASSWORD('...'), and IDENTIFIED [WITH plugin] BY '...'
# (MySQL, MariaDB, Oracle; Oracle's may be a bare word, and a bare word after "identified by"
# in lower case is prose). Only a quoted value follows PASSWORD: "password authentication
# failed" stays. SQL writes a quote inside a string twice.
_SQL_QUOTED = r"(?:'((?:[^'\r\n]|''){1,256})'|\"([^\"\r\n]{1,256})\")"
_SQL_BY = (
    r"[ \t]+(?:(?i:with)[ \t]+[\w'\"]{1,64}[ \t]+)?(?i:by|as)[ \t]+"
    r"(?:(?i:password|values)[ \t]+)?"
)
_SQL_PASSWORDS = tuple(
    _prefix("sql-password", "password", _literal(*words), rest, 560, check=_not_trivial)
    for words, rest in (
        (("PASSWORD", "password"), r"(?:[ \t]{1,8}|[ \t]*\([ \t]*)" + _SQL_QUOTED),
        (("identified",), _SQL_BY + _SQL_QUOTED),
        (("IDENTIFIED",), _SQL_BY + r"(?:" + _SQL_QUOTED + r"|([^\s'\";,)]{1,256}))"),
    )
)
# Oracle's user/password@database logon: after the tools that take it as their first argument
# (sqlplus, the Data Pump and loader tools' userid=, rman target) and in a thin JDBC URL.
_ORACLE_SLASH_VALUE = r"/(?:\"([^\"\r\n]{1,256})\"|([^\s@\"'/;]{1,256}))"
_ORACLE_USER = r"[\"']?[A-Za-z0-9_$#.]{1,128}[\"']?"
_ORACLE_LOGONS = tuple(
    _prefix("oracle-logon", "password", _literal(*commands),
        rest + _ORACLE_USER + _ORACLE_SLASH_VALUE, 660, check=_not_trivial)
    for commands, rest in (
        (("sqlplus", "expdp", "impdp", "sqlldr", "rman"), r"(?:[ \t]+-[A-Za-z]{1,12})*[ \t]+"
            r"(?:(?i:userid|target|catalog)(?:[ \t]*=[ \t]*|[ \t]+))?[\"']?"),
        (("jdbc:oracle:thin:",), ""),
    )
)  # fmt: skip
# scheme://user:password@host: only the password goes.
_URL_PASSWORD = _prefix(
    "url-password",
    "password",
    _literal("://"),
    URL_USER_INFO,
    520,
    before="",
    check=_not_trivial,
    ascii_only=False,
)

# A Sentry DSN's key in its URL's user info (https://KEY@o123.ingest.sentry.io/4505; old DSNs
# add :SECRET): with it anyone can send events to the project. The DSN ends in the project's
# number, maybe after a path where Sentry is hosted under one.
_SENTRY_DSN_KEY = _prefix(
    "sentry-dsn-key",
    "secret",
    _literal("://"),
    r"([0-9a-f]{32}(?::[0-9a-f]{32})?)@[A-Za-z0-9.-]{1,253}(?::[0-9]{1,5})?/"
    r"(?:[\w.-]{1,64}/){0,4}[0-9]{1,20}/?(?![\w.-])",
    640,
    before="",
)


# --- AWS secret access keys, only in a secret context -----------------------------------------

_AWS_SECRET = re.compile(r"(?<![A-Za-z0-9/+])[A-Za-z0-9/+]{40}(?![A-Za-z0-9/+=])")
# (name, offset of "secret" in it)
_AWS_SECRET_NAMES = (
    ("secret_access_key", 0),
    ("secret-access-key", 0),
    ("secretaccesskey", 0),
    ("aws_secret", 4),
)


def _looks_like_aws_secret(value: str) -> bool:
    return (
        any(ch.isupper() for ch in value)
        and any(ch.islower() for ch in value)
        and any(ch.isdigit() or ch in "/+" for ch in value)
    )


@dataclass(slots=True)
class _AwsSecretRule:
    """A 40-character AWS secret key right after a key id or a secret-access-key name."""

    name: str = "aws-secret-access-key"
    kind: str = "aws-secret"
    category: Category = "credential"
    max_span: int = 200

    def find(self, text: str) -> Iterator[Span]:
        for start in self._contexts(text):
            line_end = text.find("\n", start)
            stop = min(start + 120, len(text) if line_end < 0 else line_end)
            match = _AWS_SECRET.search(text, start, stop)
            if match is not None and _looks_like_aws_secret(match.group()):
                yield Span(match.start(), match.end(), self.kind)

    @staticmethod
    def _contexts(text: str) -> Iterator[int]:
        for span in _AWS_KEY_ID.find(text):
            yield span.end
        for pos in keyword_positions(text, "secret"):
            for name, offset in _AWS_SECRET_NAMES:
                start = pos - offset
                if start >= 0 and text[start : start + len(name)].lower() == name:
                    yield pos - offset + len(name)
                    break


RULES: tuple[Rule, ...] = (
    _AWS_KEY_ID,
    _AwsSecretRule(),
    *_PREFIXED_TOKENS,
    _SLACK_WEBHOOK,
    _TWILIO,
    _DISCORD_WEBHOOK,
    _DISCORD_USER_TOKEN,
    _TEAMS_WEBHOOK,
    *_WEBHOOK_URLS,
    _TELEGRAM_BOT,
    _TELEGRAM_BARE_BOT,
    _AZURE_CLIENT_SECRET,
    _SONAR_LOGIN,
    _ANACONDA_TOKEN,
    _ANACONDA_PATH_TOKEN,
    _OAUTH_CODE,
    _OAUTH_SHORT_CODE,
    _STREAM_KEY,
    _DART_VM_SERVICE,
    _FCM_SERVER_KEY,
    _MAILCHIMP_KEY,
    _TERRAFORM_TOKEN,
    _JWT,
    _URL_PASSWORD,
    _SENTRY_DSN_KEY,
    _CLI_USER_PASSWORD,
    _OneRule((*_CLI_PASSWORDS, *_DEVICE_SECRETS, *_SNMP_COMMUNITIES)),
    _ACCOUNT_PASSWORD,
    _OneRule(_BUNDLER_CREDENTIALS),
    _OneRule(_PASSWORD_HASHES),
    _OneRule(_PHP_CONNECT_PASSWORDS),
    _NETRC_PASSWORD,
    _PGPASS_PASSWORD,
    _OneRule(_SQL_PASSWORDS),
    _OneRule(_ORACLE_LOGONS),
)
