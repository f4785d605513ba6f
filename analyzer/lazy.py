"""``lazy``: a property computed on first use and kept on the instance.

``functools.cached_property`` takes a lock on every first access up to Python 3.11, and a note's
``Document`` fills a dozen such layers for every note judged; this descriptor does the same
without the lock (a ``Document`` is never shared between threads while it is being filled).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Generic, TypeVar

T = TypeVar("T")


class lazy(Generic[T]):
    def __init__(self, fn: Callable[[Any], T]) -> None:
        self.fn = fn
        self.name = fn.__name__
        self.__doc__ = fn.__doc__

    def __set_name__(self, owner: type, name: str) -> None:
        self.name = name

    def __get__(self, obj: Any, owner: type | None = None) -> T:
        if obj is None:
            return self  # type: ignore[return-value]
        value = self.fn(obj)
        # A non-data descriptor: once the value sits in the instance's __dict__, it is found first.
        obj.__dict__[self.name] = value
        return value
