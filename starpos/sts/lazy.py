"""A value computed on first use and kept on the instance, without a lock.

:class:`functools.cached_property` takes a lock on every first use in Python 3.11 (removed
in 3.12); on the token batch's path that lock cost more than the Luhn digit it guarded.
The engine's objects are built and read by one thread, so the plain form is enough: a
non-data descriptor whose first answer goes into the instance's ``__dict__``, where
every later read finds it before the descriptor (frozen dataclasses included: their
``__dict__`` is written directly, as ``cached_property`` does).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Generic, TypeVar, overload

T = TypeVar("T")


class lazy(Generic[T]):
    def __init__(self, compute: Callable[[Any], T]) -> None:
        self.compute = compute
        self.name = compute.__name__
        self.__doc__ = compute.__doc__

    def __set_name__(self, owner: type, name: str) -> None:
        self.name = name

    @overload
    def __get__(self, instance: None, owner: type | None = None) -> lazy[T]: ...
    @overload
    def __get__(self, instance: object, owner: type | None = None) -> T: ...
    def __get__(self, instance: object | None, owner: type | None = None) -> T | lazy[T]:
        if instance is None:
            return self
        value = self.compute(instance)
        instance.__dict__[self.name] = value
        return value
