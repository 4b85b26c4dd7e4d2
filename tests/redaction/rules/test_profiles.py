"""Social network handles in links: the person's handle goes, the site and the link stay."""

from __future__ import annotations

import pytest
from _found import found

from supportkit.redaction import Redactor


@pytest.mark.parametrize(
    ("text", "values"),
    [
        ("profile: https://www.facebook.com/olga.petrova.123", ["olga.petrova.123"]),
        ("https://m.facebook.com/profile.php?id=100012345678901&ref=x", ["100012345678901"]),
        ("facebook.com/people/Olga-Petrova/100012345678901/", ["Olga-Petrova"]),
        ("see https://de-de.facebook.com/olga.petrova.", ["olga.petrova"]),
        ('"link": "https://www.linkedin.com/in/olga-petrova-4b2a1c/"', ["olga-petrova-4b2a1c"]),
        ("uk.linkedin.com/pub/juma-said/12/345/678", ["juma-said"]),
        ("https://instagram.com/olga.petrova/", ["olga.petrova"]),
        ("https://www.instagram.com/stories/olga_p/3141592653589/", ["olga_p"]),
        ("https://twitter.com/olgapetrova/status/1729012345678901234", ["olgapetrova"]),
        ("(https://x.com/olga_p)", ["olga_p"]),
        ("tg: t.me/olgapetrova", ["olgapetrova"]),
        ("https://www.tiktok.com/@olga.petrova?lang=en", ["olga.petrova"]),
        ("https://www.youtube.com/@juma-said", ["juma-said"]),
        ("https://vk.com/id123456789 https://vk.com/olga.petrova", ["id123456789", "olga.petrova"]),
    ],
)
def test_a_persons_handle_is_found(text: str, values: list[str]) -> None:
    assert found("social-profile", text) == values


@pytest.mark.parametrize(
    "text",
    [
        "https://www.facebook.com/help/1234567 https://facebook.com/groups/123456789",
        "https://www.facebook.com/sharer/sharer.php?u=https://example.com",
        "https://www.facebook.com/1234567890/posts/987",  # a number names a post or a page
        "https://twitter.com/home https://x.com/i/web/status/1729012345678901234",
        "https://twitter.com/intent/tweet?text=hi https://x.com/settings/account",
        "https://instagram.com/p/CxYz123AbC/ https://www.instagram.com/explore/tags/cats/",
        "https://t.me/SupportKitBot https://t.me/joinchat/AAAAAEkk https://t.me/s/x",
        "https://www.linkedin.com/company/acme-corp/ https://linkedin.com/feed/",
        "https://vk.com/club12345 https://vk.com/feed https://vk.com/wall-123_456",
        "https://inbox.com/olgapetrova https://netflix.com/olgapetrova https://chat.me/olga",
        "ana@x.com/olgapetrova",  # an address, not a link
        "https://api.twitter.com/2/users/by/username/olgapetrova",  # an API host
    ],
)
def test_the_sites_own_pages_and_other_sites_are_kept(text: str) -> None:
    assert found("social-profile", text) == []


def test_the_link_stays_around_the_placeholder() -> None:
    text = "reporter: https://www.linkedin.com/in/olga-petrova/ and t.me/olga_p\n"
    assert Redactor().text(text, artifact="app.log") == (
        "reporter: https://www.linkedin.com/in/<profile-1>/ and t.me/<profile-2>\n"
    )
