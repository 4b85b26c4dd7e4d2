"""A person's profile on a social network, in a link: ``facebook.com/olga.petrova.123``,
``linkedin.com/in/olga-petrova``, ``t.me/olgapetrova``, ``tiktok.com/@olga``. The handle names
the person as surely as an e-mail address does; the site and the rest of the link stay, so
the reader still sees where it pointed.

A link's first path segment is a profile only where the site keeps its own pages elsewhere:
``facebook.com/help/…``, ``twitter.com/i/…``, ``instagram.com/p/…`` and a Telegram bot
(``t.me/…bot``) stay. A brand's page has the same shape as a person's and goes too; that is
a loss of a name anyone could look up, not of the bundle's meaning.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from supportkit.redaction import _anchors
from supportkit.redaction._rule import Rule, Span
from supportkit.redaction.rules._finders import FinderRule

__all__ = ["RULES"]

_SITES = (
    "facebook.com/",
    "linkedin.com/",
    "instagram.com/",
    "twitter.com/",
    "x.com/",
    "t.me/",
    "tiktok.com/@",
    "youtube.com/@",
    "vk.com/",
)
_ANCHORS = tuple(_anchors.literal(site) for site in _SITES)
# Each site's handle, after a subdomain of the kind these sites serve (www., m., mobile.,
# uk., de-de.) or none: a host that merely ends like one (inbox.com/) is another site.
_PROFILE = re.compile(
    r"(?<![\w.@-])(?i:(?:www|m|mobile|web|[a-z]{2}(?:-[a-z]{2})?)\.)?(?:"
    r"(?i:facebook\.com)/(?:profile\.php\?id=(?P<facebook_id>[0-9]{5,20})"
    r"|people/(?P<facebook_person>[^/\s?#]{2,100})/[0-9]{5,20}"
    r"|(?P<facebook>[A-Za-z0-9.]{5,50}))"
    r"|(?i:linkedin\.com)/(?:in|pub)/(?P<linkedin>[\w%-]{3,100})"
    r"|(?i:instagram\.com)/(?:stories/)?(?P<instagram>[\w.]{1,30})"
    r"|(?i:twitter\.com|x\.com)/(?P<twitter>\w{1,15})"
    r"|(?i:t\.me)/(?P<telegram>[A-Za-z]\w{3,31})"
    r"|(?i:tiktok\.com|youtube\.com)/@(?P<at_handle>[\w.-]{2,30})"
    r"|(?i:vk\.com)/(?P<vk>[A-Za-z][\w.]{1,31})"
    r")(?![\w%-])"
)
# Each site's own pages, where the first segment names no person.
_SITE_PAGES = {
    "facebook": frozenset((
        "about", "ads", "bookmarks", "business", "careers", "checkpoint", "dialog", "events",
        "friends", "fundraisers", "gaming", "groups", "hashtag", "help", "home.php", "legal",
        "login", "login.php", "marketplace", "media", "memories", "messages", "notifications",
        "pages", "permalink.php", "photo.php", "photos", "plugins", "policies", "policy.php",
        "privacy", "recover", "reel", "saved", "search", "security", "settings", "sharer",
        "sharer.php", "stories", "story.php", "terms", "video.php", "videos", "watch"
    )),
    "instagram": frozenset((
        "about", "accounts", "api", "challenge", "developer", "direct", "explore", "legal",
        "oauth", "p", "reel", "reels", "static", "tv", "web"
    )),
    "twitter": frozenset((
        "about", "account", "compose", "download", "explore", "hashtag", "help", "home", "i",
        "intent", "jobs", "login", "logout", "messages", "notifications", "oauth", "privacy",
        "rules", "search", "settings", "share", "signup", "tos", "widgets"
    )),
    "telegram": frozenset((
        "addemoji", "addstickers", "joinchat", "login", "proxy", "setlanguage", "share", "socks"
    )),
    "vk": frozenset((
        "about", "apps", "audio", "away.php", "blog", "dev", "doc", "feed", "friends", "groups",
        "im", "login", "market", "music", "privacy", "search", "services", "settings",
        "support", "terms", "video"
    )),
}  # fmt: skip
_VK_PAGE = re.compile(r"(?:club|public|event|app|wall|photo|video|topic)-?[0-9]")
_REACH = 140  # from the site's name back over "https://www." and on over the longest handle


def _handle(found: re.Match[str]) -> tuple[int, int] | None:
    """Where the person's handle is, or None for one of the site's own pages."""
    site = found.lastgroup
    if site is None:
        return None
    handle = found.group(site)
    if site == "facebook" and not any(char.isalpha() for char in handle):
        return None  # facebook.com/123456789: a post's or a page's number
    if site in ("facebook", "instagram", "vk"):
        handle = handle.rstrip(".")  # a sentence's full stop
    lowered = handle.lower()
    if lowered in _SITE_PAGES.get(site, ()):
        return None
    if site == "telegram" and lowered.endswith("bot"):
        return None  # a bot, not a person
    if site == "vk" and _VK_PAGE.match(lowered):
        return None
    start = found.start(site)
    return start, start + len(handle)


def _profiles(text: str) -> Iterator[Span]:
    seen: set[int] = set()
    for anchor, site in zip(_ANCHORS, _SITES, strict=True):
        for at in _anchors.starts(text, anchor):
            start = max(0, at - 16)  # "https://de-de." before "facebook.com/"
            for found in _PROFILE.finditer(text, start, min(len(text), at + _REACH)):
                if found.start() > at:
                    break
                if found.end() > at + len(site):  # this site's link, not one before it
                    handle = _handle(found)
                    if handle is not None and handle[0] not in seen:
                        seen.add(handle[0])
                        yield Span(*handle, "profile")
                    break


RULES: tuple[Rule, ...] = (FinderRule("social-profile", 160, _profiles),)
