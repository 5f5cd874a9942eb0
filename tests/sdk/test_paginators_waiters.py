"""Typed paginators and waiters on botocore's own machinery (issue 13, point 3).

The oracles are botocore's: its Stubber serves the pages and polled states,
its own paginator (called directly on the same stubbed replies) says what
``PageSize``, ``MaxItems`` and ``StartingToken`` mean, and its waiter decides
success, failure and ``WaiterError``. The typed methods must agree with all of
them, page for page and token for token.
"""

from __future__ import annotations

import copy
import importlib
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import botocore.session
import pytest
from botocore.client import BaseClient
from botocore.exceptions import ClientError, ParamValidationError, WaiterError
from botocore.stub import Stubber

from codegen.model.build import build_service
from codegen.model.loader import load_model
from tests.support import run_codegen

PAGES: list[dict[str, Any]] = [
    {
        "InstanceSummaryList": [
            {"Id": "i-1", "InstanceAlias": "one"},
            {"Id": "i-2", "InstanceAlias": "two"},
        ],
        "NextToken": "token-1",
    },
    {
        "InstanceSummaryList": [
            {"Id": "i-3", "InstanceAlias": "three"},
            {"Id": "i-4", "InstanceAlias": "four"},
        ],
        "NextToken": "token-2",
    },
    {"InstanceSummaryList": [{"Id": "i-5", "InstanceAlias": "five"}]},
]


def _generate(
    root: Path, package: str, service: str, operations: list[str]
) -> ModuleType:
    arguments = [f"--operation={name}" for name in operations]
    result = run_codegen(
        "--service", service, *arguments, "--output", str(root / package)
    )
    assert result.returncode == 0, result.stderr
    return importlib.import_module(package)


@pytest.fixture(scope="module")
def packages(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Any]]:
    """``connect`` (ListInstances) and ``dynamodb`` (DescribeTable, ListTables)."""
    root = tmp_path_factory.mktemp("pagingpkg")
    sys.path.insert(0, str(root))
    try:
        yield {
            "connect": _generate(root, "pagingconnect", "connect", ["ListInstances"]),
            "dynamodb": _generate(
                root, "pagingdynamodb", "dynamodb", ["DescribeTable", "ListTables"]
            ),
        }
    finally:
        sys.path.remove(str(root))
        for name in [m for m in sys.modules if m.startswith("paging")]:
            del sys.modules[name]


def _botocore_client(service: str) -> BaseClient:
    return botocore.session.get_session().create_client(
        service,
        region_name="us-east-1",
        aws_access_key_id="AKIDEXAMPLE",
        aws_secret_access_key="secret",
    )


def _stub_pages(stubber: Stubber, page_size: int | None, count: int) -> None:
    """The first ``count`` pages, each expecting the token botocore must send."""
    token: str | None = None
    for page in PAGES[:count]:
        expected: dict[str, Any] = {}
        if page_size is not None:
            expected["MaxResults"] = page_size
        if token is not None:
            expected["NextToken"] = token
        # A copy: botocore's MaxItems truncation edits the page it was given.
        stubber.add_response("list_instances", copy.deepcopy(page), expected)
        token = page.get("NextToken")


def _typed(
    connect: ModuleType, count: int, page_size: int | None = None, **config: Any
) -> tuple[list[Any], str | None]:
    """The typed paginator's pages and its resume token, against ``count`` pages."""
    botocore_client = _botocore_client("connect")
    client = connect.ConnectClient(botocore_client)
    with Stubber(botocore_client) as stubber:
        _stub_pages(stubber, page_size, count)
        pages = client.paginate_list_instances(
            connect.ListInstancesRequest(), page_size=page_size, **config
        )
        read = list(pages)
        stubber.assert_no_pending_responses()
    return read, pages.resume_token


def _oracle(
    count: int, page_size: int | None = None, **config: Any
) -> tuple[list[dict[str, Any]], Any]:
    """botocore's own paginator over the same stubbed pages (and its token: a
    string, whatever botocore's type stubs say)."""
    botocore_client = _botocore_client("connect")
    settings = {"PageSize": page_size} if page_size is not None else {}
    names = {"max_items": "MaxItems", "starting_token": "StartingToken"}
    settings.update({names[key]: value for key, value in config.items()})
    with Stubber(botocore_client) as stubber:
        _stub_pages(stubber, page_size, count)
        pages = botocore_client.get_paginator("list_instances").paginate(
            PaginationConfig=settings
        )
        read = [
            {k: v for k, v in page.items() if k != "ResponseMetadata"} for page in pages
        ]
        stubber.assert_no_pending_responses()
    return read, pages.resume_token


def _ids(pages: list[Any]) -> list[str]:
    return [summary.id for page in pages for summary in page.instance_summary_list]


def test_every_page_every_item_once(packages: dict[str, Any]) -> None:
    """Three pages of two: every instance once, in order, pages as botocore's."""
    connect = packages["connect"]
    pages, resume = _typed(connect, 3, page_size=2)
    assert all(isinstance(page, connect.ListInstancesResponse) for page in pages)
    assert _ids(pages) == ["i-1", "i-2", "i-3", "i-4", "i-5"]
    oracle, oracle_resume = _oracle(3, page_size=2)
    assert [page.to_dict() for page in pages] == oracle
    assert resume is oracle_resume is None


@pytest.mark.parametrize("max_items", [1, 3, 4, 5, 9])
def test_max_items_and_starting_token_as_botocore_defines_them(
    packages: dict[str, Any], max_items: int
) -> None:
    """``max_items`` truncates where botocore does; its resume token continues
    exactly where botocore's own continuation does, with no item twice."""
    connect = packages["connect"]
    needed = len(botocore_pages_for(max_items))
    pages, resume = _typed(connect, needed, max_items=max_items)
    oracle, oracle_resume = _oracle(needed, max_items=max_items)
    assert [page.to_dict() for page in pages] == oracle
    assert resume == oracle_resume
    assert len(_ids(pages)) == min(max_items, 5)
    if resume is None:
        return
    # The rest, from the resume token: botocore first asks again for the page
    # it stopped in (its token is that page's), then goes on.
    start = _page_of_item(max_items)
    rest_botocore = _botocore_client("connect")
    with Stubber(rest_botocore) as stubber:
        for index, page in enumerate(PAGES[start:], start):
            expected = {"NextToken": PAGES[index - 1]["NextToken"]} if index else {}
            stubber.add_response("list_instances", copy.deepcopy(page), expected)
        rest = list(
            connect.ConnectClient(rest_botocore).paginate_list_instances(
                connect.ListInstancesRequest(), starting_token=resume
            )
        )
        stubber.assert_no_pending_responses()
    assert _ids(pages) + _ids(rest) == ["i-1", "i-2", "i-3", "i-4", "i-5"]


def botocore_pages_for(max_items: int) -> list[dict[str, Any]]:
    """The pages botocore reads to collect ``max_items`` items (all when fewer)."""
    total = 0
    for index, page in enumerate(PAGES):
        total += len(page["InstanceSummaryList"])
        if total >= max_items:
            return PAGES[: index + 1]
    return PAGES


def _page_of_item(max_items: int) -> int:
    """The index of the page holding item ``max_items + 1`` (where to resume)."""
    return len(botocore_pages_for(max_items + 1)) - 1


def test_request_is_validated_before_the_first_page(packages: dict[str, Any]) -> None:
    """A request breaking the model raises at the call; nothing reaches botocore."""
    connect = packages["connect"]
    botocore_client = _botocore_client("connect")
    with Stubber(botocore_client) as stubber:
        stubber.add_response("list_instances", PAGES[2])
        with pytest.raises(connect.ValidationError) as caught:
            connect.ConnectClient(botocore_client).paginate_list_instances(
                connect.ListInstancesRequest(max_results=1000)
            )
        assert [v.path for v in caught.value.errors] == ["MaxResults"]
        with pytest.raises(AssertionError):
            stubber.assert_no_pending_responses()


def test_modeled_error_on_a_later_page(packages: dict[str, Any]) -> None:
    """An error on page two is the generated class and botocore's, as a call's is."""
    connect = packages["connect"]
    botocore_client = _botocore_client("connect")
    pages = connect.ConnectClient(botocore_client).paginate_list_instances(
        connect.ListInstancesRequest()
    )
    with Stubber(botocore_client) as stubber:
        stubber.add_response("list_instances", PAGES[0])
        stubber.add_client_error(
            "list_instances",
            service_error_code="InternalServiceException",
            service_message="boom",
            http_status_code=500,
        )
        first = next(pages)
        assert [s.id for s in first.instance_summary_list] == ["i-1", "i-2"]
        exceptions: Any = botocore_client.exceptions
        with pytest.raises(exceptions.InternalServiceException) as e:
            next(pages)
    assert isinstance(e.value, connect.InternalServiceException)
    assert isinstance(e.value.__cause__, ClientError)


def test_a_page_that_does_not_fit_the_model(packages: dict[str, Any]) -> None:
    """A page botocore's own validator refuses (the oracle: the Stubber will not
    queue it) raises ``ResponseValidationError`` with botocore's page, as a
    single call's response does; it is no ``ValidationError`` (that is the
    caller's request)."""
    connect = packages["connect"]
    botocore_client = _botocore_client("connect")
    page: dict[str, Any] = {"InstanceSummaryList": [{"Id": "i-1"}]}
    with Stubber(botocore_client) as stubber, pytest.raises(ParamValidationError):
        stubber.add_response("list_instances", {"InstanceSummaryList": [{"Id": 5}]})
    with Stubber(botocore_client) as stubber:
        stubber.add_response("list_instances", page)
        page["InstanceSummaryList"][0]["Id"] = 5  # into the page botocore returns
        pages = connect.ConnectClient(botocore_client).paginate_list_instances(
            connect.ListInstancesRequest()
        )
        with pytest.raises(connect.ResponseValidationError) as raised:
            next(pages)
    error = raised.value
    assert not isinstance(error, connect.ValidationError)
    assert error.response is page
    assert [(v.path, v.rule) for v in error.errors] == [
        ("InstanceSummaryList[0].Id", "type")
    ]
    assert "list_instances" in str(error)


# --- waiters --------------------------------------------------------------------


def _table(status: str) -> dict[str, Any]:
    return {"Table": {"TableName": "books", "TableStatus": status}}


def test_waiter_polls_until_botocore_says_done(packages: dict[str, Any]) -> None:
    """TableExists: CREATING, CREATING, ACTIVE -> returns after three polls."""
    dynamodb = packages["dynamodb"]
    botocore_client = _botocore_client("dynamodb")
    client = dynamodb.DynamoDBClient(botocore_client)
    with Stubber(botocore_client) as stubber:
        for status in ("CREATING", "CREATING", "ACTIVE"):
            stubber.add_response(
                "describe_table", _table(status), {"TableName": "books"}
            )
        result = client.wait_table_exists(
            dynamodb.DescribeTableInput(table_name="books"), delay=0
        )
        stubber.assert_no_pending_responses()
    assert result is None


def test_waiter_runs_out_of_attempts(packages: dict[str, Any]) -> None:
    """``max_attempts`` is botocore's: two polls, then botocore's WaiterError."""
    dynamodb = packages["dynamodb"]
    botocore_client = _botocore_client("dynamodb")
    client = dynamodb.DynamoDBClient(botocore_client)
    with Stubber(botocore_client) as stubber:
        for _ in range(2):
            stubber.add_response("describe_table", _table("CREATING"))
        with pytest.raises(WaiterError) as caught:
            client.wait_table_exists(
                dynamodb.DescribeTableInput(table_name="books"),
                delay=0,
                max_attempts=2,
            )
        stubber.assert_no_pending_responses()
    assert str(caught.value) == "Waiter TableExists failed: Max attempts exceeded"
    last_response: Any = caught.value.last_response
    assert last_response["Table"]["TableStatus"] == "CREATING"


def test_waiter_success_on_an_error_code(packages: dict[str, Any]) -> None:
    """TableNotExists succeeds on botocore's ResourceNotFoundException acceptor."""
    dynamodb = packages["dynamodb"]
    botocore_client = _botocore_client("dynamodb")
    client = dynamodb.DynamoDBClient(botocore_client)
    with Stubber(botocore_client) as stubber:
        stubber.add_response("describe_table", _table("DELETING"))
        stubber.add_client_error(
            "describe_table", service_error_code="ResourceNotFoundException"
        )
        client.wait_table_not_exists(
            dynamodb.DescribeTableInput(table_name="books"), delay=0
        )
        stubber.assert_no_pending_responses()


def test_waiter_validates_first(packages: dict[str, Any]) -> None:
    """An empty table name (botocore's model: at least 1 character) never polls."""
    dynamodb = packages["dynamodb"]
    botocore_client = _botocore_client("dynamodb")
    client = dynamodb.DynamoDBClient(botocore_client)
    with Stubber(botocore_client) as stubber:
        stubber.add_response("describe_table", _table("ACTIVE"))
        with pytest.raises(dynamodb.ValidationError):
            client.wait_table_exists(dynamodb.DescribeTableInput(table_name=""))
        with pytest.raises(AssertionError):
            stubber.assert_no_pending_responses()


# --- which exist ----------------------------------------------------------------


@pytest.mark.parametrize("service", ["dynamodb", "connect", "s3"])
def test_methods_are_botocores_paginators_and_waiters(service: str) -> None:
    """With ``all``: a paginator exactly where botocore can paginate, and every
    waiter botocore has (their operations are all generated)."""
    ir_service = build_service(load_model(service), ["all"])
    botocore_client = _botocore_client(service)
    generated = {op.method_name for op in ir_service.operations}
    assert {p.method_name for p in ir_service.paginators} == {
        "paginate_" + name for name in generated if botocore_client.can_paginate(name)
    }
    assert {w.method_name for w in ir_service.waiters} == {
        "wait_" + name for name in botocore_client.waiter_names
    }


def test_only_for_generated_operations() -> None:
    """ListInstances alone: its paginator; no waiter of another operation."""
    ir_service = build_service(load_model("dynamodb"), ["ListTables"])
    assert [p.method_name for p in ir_service.paginators] == ["paginate_list_tables"]
    assert ir_service.waiters == ()
