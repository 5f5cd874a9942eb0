"""botocore's protocol fixtures, run against packages generated from their models.

The pinned botocore's sdist carries ``tests/unit/protocols/{input,output}/*.json``
(and ``legacy/``, reported separately): small models, each case with the
parameters and the exact request botocore must send (input), or an HTTP response
and the result botocore must parse from it (output). For each case a package is
generated from the model botocore's own runner builds (``cases.py``), imported,
and checked:

- input: ``from_dict(params)`` builds the request class, ``to_dict()`` gives the
  params back, and botocore serializes ``to_dict()`` to exactly the expected
  request, compared as botocore's runner compares (``wire.py``);
- output: ``from_dict`` of the expected result builds and ``to_dict()`` gives it
  back, and so does ``from_dict`` of what botocore's parser makes of the HTTP
  response; for an error, the modeled error class's ``from_response`` of the
  parsed error gives its members back and ``error_from_client_error`` finds it.

``from_dict`` reads the fixture's values as stated (epoch numbers and ISO
strings for timestamps, ``str`` for blobs: botocore accepts them), except the
special floats JSON cannot hold (``"NaN"``...), converted as botocore's runner
does. Comparisons normalise the EXPECTED side only, by botocore's shape model
(``normalise.py``): timestamps become the aware UTC datetimes botocore reads
them as, ``str`` blobs UTF-8 bytes, ``"NaN"``/``"Infinity"`` floats. Before
judging generated code, each test checks that the normalised expectation is
still what botocore serializes or parses (a ``harness:`` failure would be this
suite's bug, not the generator's).

The packages are generated without black: black only reformats (it checks that
the AST is unchanged) and dominates generation time, and the formatting is
covered by the golden tests. Every module of each package must import.

The sdist is fetched (once, then cached: ``sdist.py``) while the tests are
collected, because the cases parametrize them; the ``fixtures_root`` fixture
hands the folder to each test, and when PyPI cannot be reached a single test
per direction skips with pip's last line instead.

Cases are skipped only by the rules in ``SKIP_RULES`` below.
"""

from __future__ import annotations

import dataclasses
import importlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from types import ModuleType
from typing import Any, NoReturn

import botocore.model
import pytest
from botocore.exceptions import ClientError
from botocore.validate import ParamValidator

from codegen.errors import CodegenError

from . import sdist, wire
from .cases import Case, ignored_by_botocore, load_cases, load_ignore_list
from .normalise import differences, expected_value, special_floats
from .packages import Packages

UNAVAILABLE = "sdist-unavailable"
SPARSE_LISTS_CASE = "legacy/json/output/Lists (3:1)"


@dataclass(frozen=True)
class SkipRule:
    """A reason to skip, and which cases it covers.

    ``applies(case, ignore_list, refusal)``: ``refusal`` is ``None`` before
    generating, then the generator's ``CodegenError`` for the case's model, or
    the exception ``from_dict(params)`` raised; rules are asked at each step.
    """

    reason: str
    applies: Callable[[Case, dict[str, Any], Exception | None], bool]


def _botocore_rejects_none(case: Case) -> bool:
    """botocore's ``ParamValidator`` (which its clients run) refuses the params,
    and only for explicit ``None`` values."""
    shape = case.operation_model().input_shape
    if shape is None:
        return False
    params = special_floats(case.data.get("params"), shape)
    errors = ParamValidator().validate(params, shape)._errors
    return bool(errors) and all(
        reason == "invalid type" and extra.get("param", "") is None
        for reason, _, extra in errors
    )


def _validation_error(refusal: Exception | None) -> bool:
    """A ``ValidationError`` of a generated package (each has its own class)."""
    return type(refusal).__name__ == "ValidationError" and isinstance(
        refusal, ValueError
    )


# The only skips. Each one can be told apart from a failure: a case that matches
# no rule runs, and a refusal that no rule explains fails.
SKIP_RULES = (
    SkipRule(
        "botocore's protocol-tests-ignore-list.json: botocore's own runner skips it",
        lambda case, ignore, refusal: ignored_by_botocore(ignore, case),
    ),
    SkipRule(
        "params botocore's ParamValidator rejects (explicit None): its runner "
        "serializes unvalidated, its clients refuse them, so does strict from_dict",
        lambda case, ignore, refusal: _validation_error(refusal)
        and _botocore_rejects_none(case),
    ),
    SkipRule(
        "a response list with null entries: botocore keeps them, a typed list[T] "
        "has no room for None (lenient reading drops them); the fixture's model "
        "also declares strings where its result has objects",
        lambda case, ignore, refusal: case.test_id == SPARSE_LISTS_CASE,
    ),
)


@cache
def _fixtures() -> Path | str:
    """The fixture folder, or why the registry could not be reached."""
    try:
        return sdist.protocol_tests()
    except sdist.RegistryUnreachable as unreachable:
        return f"PyPI unreachable, cannot fetch the botocore sdist: {unreachable}"


@cache
def _cases(direction: str) -> tuple[Case, ...]:
    root = _fixtures()
    assert isinstance(root, Path)
    found = load_cases(root, legacy=False) + load_cases(root, legacy=True)
    return tuple(case for case in found if case.direction == direction)


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    """One test per case, ``<file>/<direction>/<case>``; collected from the
    fetched sdist, or a single test that skips when PyPI cannot be reached."""
    if "case" not in metafunc.fixturenames:
        return
    direction = metafunc.function.__name__.removeprefix("test_")
    if not isinstance(_fixtures(), Path):
        metafunc.parametrize("case", [None], ids=[f"{UNAVAILABLE}/{direction}"])
        return
    cases = _cases(direction)
    metafunc.parametrize("case", cases, ids=[case.test_id for case in cases])


@pytest.fixture(scope="session")
def fixtures_root() -> Path:
    """The fetched ``tests/unit/protocols`` folder (skips if PyPI is unreachable)."""
    root = _fixtures()
    if not isinstance(root, Path):
        pytest.skip(root)
    return root


@pytest.fixture(scope="session")
def ignore_list(fixtures_root: Path) -> dict[str, Any]:
    return load_ignore_list(fixtures_root)


@pytest.fixture(scope="session")
def packages(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Packages]:
    made = Packages(tmp_path_factory.mktemp("protocol_packages"))
    yield made
    made.close()


def _skip_reason(
    case: Case, ignore: dict[str, Any], refusal: Exception | None
) -> str | None:
    for rule in SKIP_RULES:
        if rule.applies(case, ignore, refusal):
            return rule.reason
    return None


def _package(case: Case, packages: Packages, ignore: dict[str, Any]) -> ModuleType:
    """The case's generated package, or a skip by one of ``SKIP_RULES``."""
    reason = _skip_reason(case, ignore, None)
    if reason is not None:
        pytest.skip(reason)
    try:
        return packages.package(case)
    except CodegenError as refusal:
        reason = _skip_reason(case, ignore, refusal)
        if reason is not None:
            pytest.skip(reason)
        pytest.fail(f"generation refused the model\n{refusal}")


def _from_dict(cls: type, data: Any, what: str) -> Any:
    """``cls.from_dict(data)``, failing with a message naming what was read."""
    try:
        return cls.from_dict(data)  # type: ignore[attr-defined]
    except Exception as error:  # any exception is the finding, reported as such
        _fail_reading(cls, data, what, error)


def _fail_reading(cls: type, data: Any, what: str, error: Exception) -> NoReturn:
    pytest.fail(
        f"{cls.__name__}.from_dict({what}) raised {type(error).__name__}\n"
        f"{error}\n{what}: {data!r}"
    )


def _assert_same(
    actual: Any, expected: Any, check: str, *, same_zone: bool = True
) -> None:
    found = differences(actual, expected, same_zone=same_zone)
    assert not found, (
        f"{check}\n"
        + "\n".join(found)
        + f"\nactual:   {actual!r}\nexpected: {expected!r}"
    )


def test_input(
    case: Case, fixtures_root: Path, ignore_list: dict[str, Any], packages: Packages
) -> None:
    package = _package(case, packages, ignore_list)
    shape = case.operation_model().input_shape
    params = special_floats(case.data["params"], shape)
    expected = expected_value(params, shape)
    _assert_harness_serializes(expected, case)
    if shape is None:
        assert params == {}, "harness: params for an operation without input"
        sent: dict[str, Any] = {}
    else:
        request = _read_params(getattr(package, shape.name), params, case, ignore_list)
        sent = request.to_dict()
        _assert_same(sent, expected, "to_dict() != params")
    mismatch = wire.request_mismatch(wire.serialize(sent, case), case)
    assert mismatch is None, f"botocore serializes to_dict() differently\n{mismatch}"


def _read_params(
    cls: type, params: dict[str, Any], case: Case, ignore: dict[str, Any]
) -> Any:
    """``from_dict(params)``; a refusal fails unless a skip rule explains it."""
    try:
        return cls.from_dict(params)  # type: ignore[attr-defined]
    except Exception as refusal:  # judged by SKIP_RULES, else reported
        reason = _skip_reason(case, ignore, refusal)
        if reason is not None:
            pytest.skip(reason)
        _fail_reading(cls, params, "params", refusal)


def _assert_harness_serializes(expected: dict[str, Any], case: Case) -> None:
    """The normalised params still give the expected request (else: our bug)."""
    mismatch = wire.request_mismatch(wire.serialize(expected, case), case)
    assert (
        mismatch is None
    ), f"harness: normalised params serialize differently\n{mismatch}"


def test_output(
    case: Case, fixtures_root: Path, ignore_list: dict[str, Any], packages: Packages
) -> None:
    package = _package(case, packages, ignore_list)
    parsed = wire.parse(case)
    if "error" in case.data:
        _check_error(case, package, parsed)
    else:
        _check_result(case, package, parsed)


def _check_result(case: Case, package: ModuleType, parsed: dict[str, Any]) -> None:
    shape = case.operation_model().output_shape
    expected = expected_value(case.data["result"], shape)
    # botocore's parse, in the same notation (its JSON parser keeps "NaN" as a
    # string, its rest parsers decode a blob payload to str).
    parsed_expected = expected_value(wire.fixed_up(parsed), shape)
    _assert_same(
        parsed_expected,
        expected,
        "harness: botocore parses another result",
        same_zone=False,
    )
    if shape is None:
        return  # nothing generated to check; botocore's part was checked above
    cls = getattr(package, shape.name)
    result = special_floats(case.data["result"], shape)
    _assert_same(
        _with_events(_from_dict(cls, result, "result")),
        expected,
        "to_dict() != result",
    )
    if case.operation_model().has_event_stream_output:
        parsed = wire.parse(case)  # botocore's stream was read above; read anew
    _assert_same(
        _with_events(_from_dict(cls, parsed, "parsed")),
        parsed_expected,
        "to_dict() != botocore's parsed response",
    )


def _with_events(obj: Any) -> dict[str, Any]:
    """``obj.to_dict()``, with each event stream read through the generated
    classes: the list of its events' ``to_dict()``, as the runner lists
    botocore's events."""
    data: dict[str, Any] = obj.to_dict()
    for item in dataclasses.fields(obj):
        stream = getattr(obj, item.name)
        if type(stream).__name__ == "EventStream" and hasattr(stream, "raw"):
            key = next(k for k, v in data.items() if v is stream.raw)
            data[key] = [event.to_dict() for event in stream]
    return data


def _check_error(case: Case, package: ModuleType, parsed: dict[str, Any]) -> None:
    """As botocore's runner: the parsed error is ``Error`` (code, message) plus
    the modeled members; then the generated error class must read them back.

    botocore finds the error shape among ALL the model's shapes; the package has
    classes only for the errors the operation declares, so for any other code
    ``error_from_client_error`` must find nothing (rather than a wrong class).
    """
    operation = case.operation_model()
    error_shape = wire.error_shape_of(parsed, operation.service_model)
    members = expected_value(case.data["error"], error_shape)
    code = {
        "Code": case.data.get("errorCode", ""),
        "Message": case.data.get("errorMessage", ""),
    }
    _assert_same(
        expected_value(wire.fixed_up(parsed), error_shape),
        {"Error": code, **members},
        "harness: botocore parses another error",
        same_zone=False,
    )
    errors = importlib.import_module(f"{package.__name__}.errors")
    response: Any = parsed
    found = errors.error_from_client_error(ClientError(response, case.operation_name))
    declared = {shape.name for shape in operation.error_shapes}
    if error_shape is None or error_shape.name not in declared:
        assert found is None, f"error_from_client_error gave {found!r} for {code}"
        return
    _assert_modeled_error(errors, error_shape, parsed, members, case, found)


def _assert_modeled_error(
    errors: ModuleType,
    error_shape: botocore.model.StructureShape,
    parsed: dict[str, Any],
    members: dict[str, Any],
    case: Case,
    found: Any,
) -> None:
    cls = getattr(errors, error_shape.name)
    error = cls.from_response(parsed, case.operation_name)
    _assert_same(error.to_dict(), members, "from_response().to_dict() != error")
    assert error.response == parsed, "the ClientError part lost the parsed response"
    assert (
        type(found) is cls
    ), f"error_from_client_error gave {type(found).__name__}, not {cls.__name__}"
    _assert_same(found.to_dict(), members, "error_from_client_error().to_dict()")
