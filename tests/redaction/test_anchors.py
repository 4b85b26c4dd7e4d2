"""Anchors: every engine finds the same starts, and the fast one is the default."""

from __future__ import annotations

import os
import random
import re
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from supportkit.redaction import _anchors, _views
from supportkit.redaction._canary import CANARY_KINDS, make_canary
from supportkit.redaction._engine import Redactor


@pytest.mark.parametrize(
    ("text", "anchor", "expected"),
    [
        ("Password, PASS and pas", _anchors.word("pass"), [0, 10]),
        ("passport", _anchors.word("pas"), [0]),
        ("ssss", _anchors.word("ss"), [0, 1, 2]),  # overlapping starts too
        ("aaaaa", _anchors.literal("aa"), [0, 1, 2, 3]),
        ("AKIA ASIA akia", _anchors.pattern(b"A[KS]IA", 4), [0, 5]),
        ("tel: +1 555", _anchors.literal("+1"), [5]),
        ("żółw café", _anchors.word("café"), [5]),
        ("no match here", _anchors.word("secret"), []),
        ("ТЕЛЕФОН: 1, Тел. 2, тел 3", _anchors.word("тел"), [0, 12, 20]),
        ("🙂 Điện thoại: 1; ĐIỆN THOẠI", _anchors.word("điện thoại"), [2, 17]),
        ("café, naïve", _anchors.word("тел"), []),
        # bytes that were not UTF-8, read with surrogateescape, beside words beyond Latin-1
        ("caf\udce9 тел", _anchors.word("тел"), [5]),
        ("\udcff🙂 тел", _anchors.word("тел"), [3]),
        # a wide word's bytes across two characters: U+2010 U+00FF is 10 20 FF 00, holding FF20
        ("ab\u2010\u00ffexample ＠", _anchors.word("\uff20"), [12]),
    ],
)
def test_starts_of_an_anchor(text: str, anchor: _anchors.Anchor, expected: list[int]) -> None:
    assert list(_anchors.starts(text, anchor)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("PassWord=1 api_KEY: 2", [9, 19]),
        ("pass_key=1", [9]),  # one end however many keywords the name holds
        ("keyboard, passes", []),
        ("ключ key=1", [9]),
    ],
)
def test_ends_of_a_keyword_run(text: str, expected: list[int]) -> None:
    anchor = _anchors.keyword_run(("pass", "key"), rb"[a-z_.]*[=:]")
    assert list(_anchors.ends(text, anchor)) == expected


def test_a_new_anchor_is_found_in_a_chunk_already_scanned() -> None:
    text = "key=1 zebra=2"
    assert _anchors.starts(text, _anchors.word("key")) == [0]
    assert _anchors.starts(text, _anchors.word("zebra")) == [6]


def test_an_anchor_made_twice_is_one_anchor() -> None:
    """Anchors compare by identity, so making the same one again must give the same object,
    declared once: a second copy would be scanned for, and looked up, on its own."""
    first = _anchors.pattern(rb"[0-9]{3}-zz", 6)
    assert _anchors.pattern(rb"[0-9]{3}-zz", 6) is first
    assert _anchors.pattern(rb"q\.zz", 4) is _anchors.literal("q.zz")
    assert [item for item in _anchors._REGISTRY if item.pattern == first.pattern] == [first]
    assert _anchors.starts("ab 123-zz q.zz", first) == [3]


def test_matches_is_finditer_over_the_right_view() -> None:
    text = "x AKIAIOSFODNN7EXAMPLE AKIAshort Ωmega AKIAIOSFODNN7EXAMPLF"
    full = re.compile(rb"AKIA[A-Z0-9]{16}")
    anchor = _anchors.literal("AKIA")
    found = [match.span() for match in _anchors.matches(text, anchor, full)]
    assert found == [match.span() for match in full.finditer(text.encode("latin-1", "replace"))]
    assert len(found) == 2


def test_engines_agree_on_planted_secrets() -> None:
    """Both engines see the same starts of every fixed-width anchor the default rules use, and
    the same ends of every keyword run (an anchor of varying width only narrows where a rule's
    own pattern is tried)."""
    Redactor().rules()
    rng = random.Random(7)
    text = "\n".join(make_canary(kind, rng).text for kind in CANARY_KINDS for _ in range(5))
    text = f"{text}\nPASSWORD=x pasSword TOKEN sess Bearer basic Cookie api.Key: 'k' p.pass"
    anchors = [anchor for anchor in _anchors._REGISTRY if anchor.width or anchor.keywords]
    seen = {}
    for engine in ("re", "hyperscan"):
        _anchors.use_engine(engine)
        seen[engine] = {anchor: list(_anchors.starts(text + " ", anchor)) for anchor in anchors}
    assert seen["re"] == seen["hyperscan"]
    assert sum(map(len, seen["re"].values())) > len(CANARY_KINDS)


@pytest.mark.parametrize(
    ("text", "group", "none"),
    [
        ("a secret here", ("token", "secret"), False),
        ("nothing to see", ("token", "secret"), True),
        ("ТЕЛЕФОН: 1", ("тел", "phone"), False),
        ("telephone", ("тел",), True),  # a word beyond Latin-1, in Latin-1 text
        ("café тел", ("phone", "secret"), True),
        ("café тел", ("phone", "тел"), False),
    ],
)
@pytest.mark.parametrize("scanned", [False, True])
def test_found_none_tells_whether_a_text_holds_any_anchor_of_a_group(
    text: str, group: tuple[str, ...], none: bool, scanned: bool
) -> None:
    fresh = "".join(list(text))  # a new object: positions are kept for the text last asked
    if scanned:
        _anchors.starts(fresh, _anchors.word("here"))
    assert _anchors.found_none(fresh, frozenset(_anchors.words(group))) is none


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a token, a secret, a token", [("secret", 11), ("token", 2), ("token", 21)]),
        ("nothing here", []),
    ],
)
def test_an_anchor_set_gives_each_anchors_starts(
    text: str, expected: list[tuple[str, int]]
) -> None:
    words = _anchors.AnchorSet(_anchors.words(("secret", "token")))
    names = {anchor: anchor.raw.decode() for anchor in words.anchors if anchor.raw}
    fresh = "".join(list(text))
    assert [(names[anchor], at) for anchor, at in words.each_start(fresh)] == expected


def test_a_thread_keeps_its_chunks_positions_while_another_redacts() -> None:
    """Two captures at once: each thread's chunk is scanned once, not again after every
    switch to the other thread."""
    anchor = _anchors.word("secret")
    mine, theirs = "".join(["my secret", " text"]), "".join(["their secret", " text"])
    _anchors.starts(mine, anchor)
    kept = _views.memo(mine)
    other = threading.Thread(target=_anchors.starts, args=(theirs, anchor))
    other.start()
    other.join()
    assert _views.memo(mine) is kept


def test_threads_scan_their_own_chunks() -> None:
    texts = [f"{'filler ' * index}secret{index}" for index in range(40)]
    anchor = _anchors.word("secret")
    results: dict[int, list[int]] = {}

    def scan(index: int) -> None:
        for _ in range(50):
            results[index] = list(_anchors.starts(texts[index] + "", anchor))

    threads = [threading.Thread(target=scan, args=(index,)) for index in range(len(texts))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert results == {index: [7 * index] for index in range(len(texts))}


def test_falls_back_to_re_without_hyperscan(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "hyperscan", None)
    assert _anchors.use_engine("hyperscan") == "re"
    assert _anchors.starts("a secret", _anchors.word("secret")) == [2]


def test_hyperscan_is_the_default_where_installed(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SUPPORTKIT_ANCHOR_ENGINE", raising=False)
    _anchors._ENGINE.clear()
    assert _anchors.engine_name() == "hyperscan"


def test_compiled_anchors_are_saved_for_the_next_process(
    monkeypatch: pytest.MonkeyPatch, supportkit_home: Path, anchor_engine: str
) -> None:
    import hyperscan

    _anchors.use_engine("hyperscan")
    assert _anchors.starts("one secret", _anchors.word("secret")) == [4]
    saved = list((supportkit_home / "cache" / "anchors").glob("*.hs"))
    assert saved

    def no_compiling(*_args: object, **_kwargs: object) -> None:
        raise AssertionError("compiled again instead of loading the saved database")

    monkeypatch.setattr(hyperscan, "Database", no_compiling)
    _anchors.use_engine("hyperscan")  # a fresh engine, as in a new process
    assert _anchors.starts("two secrets", _anchors.word("secret")) == [4]
    assert _anchors.engine_name() == "hyperscan"
    _anchors.use_engine(anchor_engine)


def test_falls_back_to_re_when_hyperscan_fails(
    monkeypatch: pytest.MonkeyPatch, anchor_engine: str
) -> None:
    import hyperscan

    def unsupported(*_args: object, **_kwargs: object) -> None:
        raise hyperscan.error("this CPU lacks SSSE3")

    monkeypatch.setattr(hyperscan, "Database", unsupported)
    monkeypatch.setattr(hyperscan, "loadb", unsupported)
    _anchors.use_engine("hyperscan")
    assert _anchors.starts("a secret", _anchors.word("secret")) == [2]
    assert _anchors.engine_name() == "re"
    _anchors.use_engine(anchor_engine)


def test_a_damaged_saved_database_is_compiled_again(
    supportkit_home: Path, anchor_engine: str
) -> None:
    _anchors.use_engine("hyperscan")
    _anchors.starts("one secret", _anchors.word("secret"))
    for saved in (supportkit_home / "cache" / "anchors").glob("*.hs"):
        saved.write_bytes(b"not a database")
    _anchors.use_engine("hyperscan")
    assert _anchors.starts("the secret", _anchors.word("secret")) == [4]
    _anchors.use_engine(anchor_engine)


def test_every_process_finds_the_database_the_first_one_saved(tmp_path: Path) -> None:
    """Words declared from a set come in another order in every process (hash seeds differ);
    the saved database must not depend on it, or each capture compiles and saves a new one."""
    script = (
        "from supportkit.redaction import Redactor, default_policy\n"
        "Redactor(default_policy()).text('one secret', artifact='log')\n"
    )
    for seed in ("1", "2", "3"):
        env = {**os.environ, "SUPPORTKIT_HOME": str(tmp_path), "PYTHONHASHSEED": seed}
        env.pop("SUPPORTKIT_ANCHOR_ENGINE", None)
        subprocess.run([sys.executable, "-c", script], env=env, check=True)
    assert len(list((tmp_path / "cache" / "anchors").glob("*.hs"))) == 1


def test_saving_a_database_forgets_the_oldest_beyond_a_few(
    supportkit_home: Path, anchor_engine: str
) -> None:
    """Each set of anchors saves its own database; the folder keeps the eight used last."""
    folder = supportkit_home / "cache" / "anchors"
    folder.mkdir(parents=True)
    for index in range(10):
        stale = folder / f"stale{index}.hs"
        stale.write_bytes(b"old")
        os.utime(stale, (1_000_000 + index, 1_000_000 + index))
    _anchors.use_engine("hyperscan")
    assert _anchors.starts("one secret", _anchors.word("secret")) == [4]
    left = {item.name for item in folder.glob("*.hs")}
    assert len(left) == 8
    assert {f"stale{index}.hs" for index in range(3)}.isdisjoint(left)
    _anchors.use_engine(anchor_engine)
