"""Host objects that misbehave when printed, for the tests of code that must not mind."""

from __future__ import annotations


class Unprintable:
    def __str__(self) -> str:
        raise RuntimeError("no str")

    def __repr__(self) -> str:
        raise RuntimeError("no repr")


class OnlyRepr:
    def __str__(self) -> str:
        raise RuntimeError("no str")

    def __repr__(self) -> str:
        return "<only repr>"
