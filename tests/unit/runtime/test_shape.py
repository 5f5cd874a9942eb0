"""``Shape``'s own behaviour on a hand-written dataclass: sensitivity is carried
by ``field(metadata=SENSITIVE)``, and ``from_dict``/``validate`` report through
``ValidationError``."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, ClassVar, Self

import pytest

from codegen.generate.runtime import _runtime as rt

_NAME = rt.String(min_length=1)


@dataclass(frozen=True, slots=True, kw_only=True, repr=False)
class Login(rt.Shape[dict[str, Any]]):
    _wire_names: ClassVar[frozenset[str]] = frozenset({"User", "Password"})

    user: str
    password: str | None = field(default=None, metadata=rt.SENSITIVE)

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {"User": self.user}
        if self.password is not None:
            data["Password"] = self.password
        return data

    @classmethod
    def _from_wire(
        cls, data: object, path: str, reader: rt.Reader, required: bool = False
    ) -> Self | None:
        mapping = reader.structure(data, path, cls._wire_names, required)
        if mapping is None:
            return None
        user = _NAME.read(
            mapping.get("User", rt.ABSENT), rt.join(path, "User"), reader, required=True
        )
        password = _NAME.read(
            mapping.get("Password"), rt.join(path, "Password"), reader
        )
        if user is None:
            return None
        return cls(user=user, password=password)

    def _is_valid(self) -> bool:
        return _NAME.accepts(self.user) and (
            self.password is None or _NAME.accepts(self.password)
        )

    def _check(self, path: str, errors: list[rt.Violation], sensitive: bool) -> None:
        _NAME.check(self.user, rt.join(path, "User"), errors, sensitive, required=True)
        _NAME.check(self.password, rt.join(path, "Password"), errors, sensitive=True)


def test_a_sensitive_field_never_shows_in_a_repr() -> None:
    login = Login(user="ann", password="hunter2")
    assert repr(login) == "Login(user='ann', password=<sensitive>)"
    assert repr(Login(user="ann")) == "Login(user='ann')"


def test_from_dict_is_strict_by_default_and_reports_every_violation() -> None:
    with pytest.raises(rt.ValidationError) as caught:
        Login.from_dict({"Password": 3, "Extra": 1})
    assert sorted(str(v) for v in caught.value.errors) == [
        "Extra: unknown member",
        "Password: expected str, got int",
        "User: required member is missing",
    ]
    assert Login.from_dict({"User": "a", "Extra": 1}, strict=False) == Login(user="a")


def test_validate_checks_every_member() -> None:
    with pytest.raises(rt.ValidationError) as caught:
        Login(user="", password="").validate()
    assert [str(v) for v in caught.value.errors] == [
        "User: length 0 is below the minimum 1 characters",
        "Password: length 0 is below the minimum 1 characters",
    ]
    Login(user="a").validate()
