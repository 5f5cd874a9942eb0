"""Paginators and waiters refuse a member the installed botocore's model lacks.

The typed ``paginate_*`` and ``wait_*`` hand the request to botocore's own
paginator and waiter, which call the operation with it; a member botocore's
model lacks would be dropped there as in a single call. The oracle is a
botocore client whose model (the installed one, read by botocore's ``Loader``
and trimmed by one member, through the session's ``data_path``) lacks the member;
botocore's ``Stubber`` shows that nothing was sent.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import botocore.loaders
import botocore.session
import pytest
from botocore.client import BaseClient
from botocore.config import Config
from botocore.stub import Stubber

from tests.support import imported, run_codegen


@pytest.fixture(scope="module")
def packages(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Any]]:
    """``connect`` (ListInstances: a paginator) and ``dynamodb`` (DescribeTable:
    waiters), generated from the installed botocore."""
    root = tmp_path_factory.mktemp("checkpkg")
    made = {}
    for package, service, operation in (
        ("checkconnect", "connect", "ListInstances"),
        ("checkdynamodb", "dynamodb", "DescribeTable"),
    ):
        result = run_codegen(
            "--service", service, "--operation", operation,
            "--output", str(root / package),
        )  # fmt: skip
        assert result.returncode == 0, result.stderr
        made[service] = package
    with imported(root, *made.values()) as packages:
        yield dict(zip(made, packages, strict=True))


def trimmed_client(tmp_path: Path, service: str, shape: str, member: str) -> BaseClient:
    """A botocore client over the installed model of ``service`` without
    ``shape.member`` (botocore's parameter validation off, as ``from_session``
    makes it)."""
    loader = botocore.loaders.Loader()
    version = loader.determine_latest_version(service, "service-2")
    model: dict[str, Any] = loader.load_service_model(service, "service-2")
    del model["shapes"][shape]["members"][member]
    folder = tmp_path / "models" / service / version
    folder.mkdir(parents=True)
    (folder / "service-2.json").write_text(json.dumps(model), encoding="utf-8")
    session = botocore.session.get_session()
    session.set_config_variable("data_path", str(tmp_path / "models"))
    return session.create_client(
        service,
        region_name="us-east-1",
        aws_access_key_id="AKIDEXAMPLE",
        aws_secret_access_key="secret",
        config=Config(parameter_validation=False),
    )


def test_a_paginator_refuses_before_the_first_page(
    packages: dict[str, ModuleType], tmp_path: Path
) -> None:
    connect = packages["connect"]
    plain = trimmed_client(tmp_path, "connect", "ListInstancesRequest", "MaxResults")
    client = connect.ConnectClient(plain)
    with Stubber(plain) as stubber:
        stubber.add_response("list_instances", {"InstanceSummaryList": []})
        with pytest.raises(connect.BotocoreModelError) as caught:
            client.paginate_list_instances(connect.ListInstancesRequest(max_results=2))
        assert [v.path for v in caught.value.errors] == ["MaxResults"]
        # Nothing was sent; a request without the member pages as usual.
        with pytest.raises(AssertionError):
            stubber.assert_no_pending_responses()
        pages = list(client.paginate_list_instances(connect.ListInstancesRequest()))
        stubber.assert_no_pending_responses()
    assert [page.instance_summary_list for page in pages] == [[]]


def test_a_waiter_refuses_before_the_first_poll(
    packages: dict[str, ModuleType], tmp_path: Path
) -> None:
    dynamodb = packages["dynamodb"]
    plain = trimmed_client(tmp_path, "dynamodb", "DescribeTableInput", "TableName")
    client = dynamodb.DynamoDBClient(plain)
    with Stubber(plain) as stubber:
        stubber.add_response(
            "describe_table", {"Table": {"TableName": "books", "TableStatus": "ACTIVE"}}
        )
        with pytest.raises(dynamodb.BotocoreModelError) as caught:
            client.wait_table_exists(
                dynamodb.DescribeTableInput(table_name="books"), delay=0
            )
        with pytest.raises(AssertionError):
            stubber.assert_no_pending_responses()
    assert [v.path for v in caught.value.errors] == ["TableName"]
    assert "installed botocore" in str(caught.value)
