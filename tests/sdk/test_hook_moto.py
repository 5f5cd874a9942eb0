"""``enable_validation`` on a plain boto3 client against a Connect nobody here
wrote: moto's ``ThreadedMotoServer`` on 127.0.0.1, over real botocore HTTP.

The package is generated for the Connect operations moto implements. The server
runs in a process of its own (``tests/oracles/moto.py``) and requests are counted
where they arrive, by moto's own recorder (``/moto-api/recorder/``): valid calls
go through, invalid ones never reach it.
"""

from __future__ import annotations

import contextlib
import uuid
import warnings
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import boto3  # type: ignore[import-untyped]
import pytest
from botocore.client import BaseClient
from botocore.config import Config
from botocore.exceptions import ClientError, ParamValidationError

from tests.oracles.moto import Moto, moto_connect_package, running_moto

PACKAGE = "hookconnect"
REGION = "us-east-1"
ARN = "arn:aws:connect:us-east-1:123456789012:instance/x"


@pytest.fixture(scope="module")
def connect(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ModuleType]:
    """The package generated for moto's operations, importable as ``hookconnect``."""
    with moto_connect_package(tmp_path_factory.mktemp("hookpkg"), PACKAGE) as package:
        yield package


@pytest.fixture(scope="module")
def moto_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Moto]:
    with running_moto(tmp_path_factory.mktemp("hookmoto")) as moto:
        yield moto


@pytest.fixture
def boto3_client(
    moto_server: Moto, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> BaseClient:
    """A plain boto3 client on the moto server; the request log emptied."""
    for name in ("AWS_CONFIG_FILE", "AWS_SHARED_CREDENTIALS_FILE"):
        monkeypatch.setenv(name, str(tmp_path / "none"))
    monkeypatch.setenv("AWS_EC2_METADATA_DISABLED", "true")
    monkeypatch.setenv("NO_PROXY", "127.0.0.1")
    moto_server.reset()
    client: BaseClient = boto3.client(
        "connect",
        region_name=REGION,
        endpoint_url=moto_server.endpoint,
        aws_access_key_id="testing",
        aws_secret_access_key="testing",
        config=Config(retries={"mode": "standard", "max_attempts": 1}),
    )
    return client


def test_valid_calls_go_through(
    connect: ModuleType, boto3_client: Any, moto_server: Moto
) -> None:
    """create -> describe -> list -> tag -> untag -> delete, each reaching moto."""
    connect.enable_validation(boto3_client)
    created = boto3_client.create_instance(
        IdentityManagementType="CONNECT_MANAGED",
        InstanceAlias=f"hook{uuid.uuid4().hex[:8]}",
        InboundCallsEnabled=True,
        OutboundCallsEnabled=False,
    )
    instance_id, arn = created["Id"], created["Arn"]
    described = boto3_client.describe_instance(InstanceId=instance_id)
    assert described["Instance"]["Id"] == instance_id
    listed = boto3_client.list_instances(MaxResults=10)
    assert instance_id in {s["Id"] for s in listed["InstanceSummaryList"]}
    boto3_client.tag_resource(resourceArn=arn, tags={"team": "blue"})
    boto3_client.untag_resource(resourceArn=arn, tagKeys=["team"])
    assert boto3_client.list_tags_for_resource(resourceArn=arn)["tags"] == {}
    boto3_client.delete_instance(InstanceId=instance_id)
    recorded = moto_server.requests()
    assert len(recorded) == 7
    assert all(r["headers"]["Authorization"].startswith("AWS4-") for r in recorded)


# Each call breaks one model constraint botocore's own validator does not check
# (a maximum, a pattern, an enum): without the hook, each is sent.
INVALID: list[tuple[str, dict[str, Any], str]] = [
    ("create_instance",
     {"IdentityManagementType": "CONNECT_MANAGED", "InstanceAlias": "d-secret1",
      "InboundCallsEnabled": True, "OutboundCallsEnabled": True}, "InstanceAlias"),
    ("create_instance",
     {"IdentityManagementType": "NOT_A_TYPE",
      "InboundCallsEnabled": True, "OutboundCallsEnabled": True},
     "IdentityManagementType"),
    ("list_instances", {"MaxResults": 11}, "MaxResults"),
    ("describe_instance", {"InstanceId": "i" * 101}, "InstanceId"),
    ("tag_resource", {"resourceArn": ARN, "tags": {"aws:reserved": "v"}}, "tags"),
    ("associate_analytics_data_set",
     {"InstanceId": "i", "DataSetId": "x" * 256}, "DataSetId"),
    ("list_analytics_data_associations",
     {"InstanceId": "i", "MaxResults": 1001}, "MaxResults"),
]  # fmt: skip
IDS = [f"{case[0]}-{case[2]}" for case in INVALID]


@pytest.mark.parametrize(("method", "params", "member"), INVALID, ids=IDS)
def test_invalid_calls_never_reach_the_server(
    connect: ModuleType,
    boto3_client: Any,
    moto_server: Moto,
    method: str,
    params: dict[str, Any],
    member: str,
) -> None:
    connect.enable_validation(boto3_client)
    with pytest.raises(ParamValidationError) as caught:
        getattr(boto3_client, method)(**params)
    assert isinstance(caught.value, connect.ValidationError)
    paths = [violation.path for violation in caught.value.errors]
    assert paths and all(path.startswith(member) for path in paths), paths
    assert "secret" not in str(caught.value)
    assert moto_server.requests() == []
    # Without the hook the same call is sent (moto answers, or refuses it).
    connect.disable_validation(boto3_client)
    with contextlib.suppress(ClientError):
        getattr(boto3_client, method)(**params)
    assert len(moto_server.requests()) == 1


@pytest.mark.parametrize("mode", ["warn", "log"])
def test_warn_and_log_let_the_call_reach_the_server(
    connect: ModuleType,
    boto3_client: Any,
    moto_server: Moto,
    mode: str,
    caplog: pytest.LogCaptureFixture,
) -> None:
    connect.enable_validation(boto3_client, mode=mode)
    with (
        warnings.catch_warnings(record=True) as caught,
        caplog.at_level("WARNING", logger=PACKAGE),
    ):
        warnings.simplefilter("always")
        listed = boto3_client.list_instances(MaxResults=11)
    assert "InstanceSummaryList" in listed
    records = [r for r in caplog.records if r.name == PACKAGE]
    reports = [str(w.message) for w in caught] + [r.getMessage() for r in records]
    assert len(reports) == 1
    assert "ListInstances: 1 validation error: MaxResults: " in reports[0]
    assert [w.category for w in caught] == (
        [connect.ParameterValidationWarning] if mode == "warn" else []
    )
    assert len(moto_server.requests()) == 1
