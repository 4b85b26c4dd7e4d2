"""Values a host hands over (breadcrumb data, structures to redact) are not to be trusted.

``str()`` of a host object may raise, and a structure may refer to itself or share one
container many times over: ``a = {}; a["x"] = a["y"] = a`` is one dict, yet walked as a tree
it never ends, and a list holding the same list twice, forty levels down, has 2**40 leaves.
Walks over such values stop at a container already on the path (a cycle, marked
:data:`CYCLE`) and after a fixed number of values, so that a capture costs bounded time and
memory whatever it was given.
"""

from __future__ import annotations

__all__ = ["CYCLE", "WalkGuard", "printable"]

CYCLE = "<cycle>"


def printable(value: object) -> str:
    """``str(value)``, falling back to ``repr`` and then the type name when those raise."""
    if isinstance(value, str):
        return value
    try:
        return str(value)
    except Exception:  # noqa: BLE001  (host objects may raise anything)
        try:
            return repr(value)
        except Exception:  # noqa: BLE001
            return f"<unprintable {type(value).__name__}>"


class WalkGuard:
    """The containers on the current path of one walk, and how many values it may still visit.

    A walk calls :meth:`spend` for each value and stops when it returns False; it calls
    :meth:`enter` before walking into a container (False: a cycle, do not) and :meth:`leave`
    after.
    """

    __slots__ = ("_open", "left", "over")

    def __init__(self, budget: int) -> None:
        self._open: set[int] = set()
        self.left = budget
        self.over = 0  # values refused once the budget was spent

    def spend(self) -> bool:
        if self.left <= 0:
            self.over += 1
            return False
        self.left -= 1
        return True

    def enter(self, container: object) -> bool:
        key = id(container)
        if key in self._open:
            return False
        self._open.add(key)
        return True

    def leave(self, container: object) -> None:
        self._open.discard(id(container))
