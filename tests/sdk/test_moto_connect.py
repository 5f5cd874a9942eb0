"""The generated client against a Connect nobody here wrote: moto's server.

A package is generated for the Connect operations moto implements and its typed
client talks to ``moto.server.ThreadedMotoServer`` on 127.0.0.1 (in a process of
its own: ``tests/oracles/moto.py``) over real botocore HTTP (signing,
serialization and parsing are botocore's; the service behaviour is moto's).
Requests are counted on the server side, by moto's own request recorder
(``/moto-api/recorder/``), so "validation errors never reach the server" is
observed where it matters. botocore's own paginator, called directly, is the
oracle for the pages the typed paginator reads.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterator
from types import ModuleType
from typing import Any

import pytest
from botocore.config import Config
from botocore.exceptions import ClientError

from tests.oracles.moto import Moto, moto_connect_package, running_moto

PACKAGE = "motoconnect"
REGION = "us-east-1"
ACCOUNT = "123456789012"  # moto's default account


@pytest.fixture(scope="module")
def connect(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ModuleType]:
    """The package generated for moto's operations, importable as ``motoconnect``."""
    with moto_connect_package(tmp_path_factory.mktemp("motopkg"), PACKAGE) as package:
        yield package


@pytest.fixture(scope="module")
def moto_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Moto]:
    """moto's server on 127.0.0.1, recording requests; this process's botocore
    kept off anything but it: dummy credentials, no instance metadata, no
    proxy, no config files of the user."""
    folder = tmp_path_factory.mktemp("moto")
    patch = pytest.MonkeyPatch()
    patch.setenv("AWS_EC2_METADATA_DISABLED", "true")
    patch.setenv("AWS_CONFIG_FILE", str(folder / "no-config"))
    patch.setenv("AWS_SHARED_CREDENTIALS_FILE", str(folder / "no-credentials"))
    patch.setenv("NO_PROXY", "127.0.0.1")
    patch.setenv("no_proxy", "127.0.0.1")
    try:
        with running_moto(folder) as moto:
            yield moto
    finally:
        patch.undo()


@pytest.fixture(scope="module")
def typed_client(connect: ModuleType, moto_server: Moto) -> Any:
    """The typed client, pointed at the moto server (one botocore client: its
    model takes a second or two to load)."""
    return connect.ConnectClient.from_session(
        region_name=REGION,
        endpoint_url=moto_server.endpoint,
        aws_access_key_id="testing",
        aws_secret_access_key="testing",
        config=Config(retries={"mode": "standard", "max_attempts": 1}),
    )


@pytest.fixture
def client(typed_client: Any, moto_server: Moto) -> Any:
    """The typed client, with the server's request log emptied for this test."""
    moto_server.reset()
    return typed_client


def pages_by_hand(fetch: Callable[[str | None], Any]) -> Iterator[Any]:
    """Every page of a listing, following ``next_token`` by hand.

    For listings botocore has no paginator for (ListAnalyticsDataAssociations),
    so the typed client has no ``paginate_<operation>`` for them.
    """
    token: str | None = None
    while True:
        page = fetch(token)
        yield page
        token = page.next_token
        if token is None:
            return


def create_instance(connect: ModuleType, client: Any, alias: str) -> Any:
    return client.create_instance(
        connect.CreateInstanceRequest(
            identity_management_type="CONNECT_MANAGED",
            instance_alias=alias,
            inbound_calls_enabled=True,
            outbound_calls_enabled=False,
        )
    )


def test_instance_lifecycle(connect: ModuleType, client: Any) -> None:
    """create -> describe -> list in pages of 2 -> tag/untag -> delete -> gone."""
    run = uuid.uuid4().hex[:8]
    aliases = [f"moto{run}{index}" for index in range(5)]
    created = [create_instance(connect, client, alias) for alias in aliases]
    assert all(isinstance(c, connect.CreateInstanceResponse) for c in created)
    ids = [c.id for c in created]
    assert len(set(ids)) == 5

    response = client.describe_instance(
        connect.DescribeInstanceRequest(instance_id=ids[0])
    )
    described = response.instance
    assert isinstance(described, connect.Instance)
    assert (described.id, described.arn) == (ids[0], created[0].arn)
    assert described.instance_alias == aliases[0]
    assert described.identity_management_type == "CONNECT_MANAGED"
    assert described.instance_status == "ACTIVE"
    assert (described.inbound_calls_enabled, described.outbound_calls_enabled) == (
        True,
        False,
    )
    assert described.created_time.tzinfo is not None
    # Oracle: what botocore's parser makes of the same reply, member for member.
    plain = client.botocore_client.describe_instance(InstanceId=ids[0])
    del plain["ResponseMetadata"]
    assert response.to_dict() == plain

    # The typed paginator (botocore's paginator underneath), two a page.
    pages = list(
        client.paginate_list_instances(connect.ListInstancesRequest(), page_size=2)
    )
    assert all(isinstance(page, connect.ListInstancesResponse) for page in pages)
    assert len(pages) >= 3  # five instances at most two a page: pages were followed
    assert all(len(page.instance_summary_list) <= 2 for page in pages)
    seen = [s.id for page in pages for s in page.instance_summary_list]
    assert len(seen) == len(set(seen)), "an instance was listed twice"
    assert set(ids) <= set(seen)
    # Oracle: botocore's own paginator over the same server, summary for summary.
    paginator = client.botocore_client.get_paginator("list_instances")
    oracle = [
        summary
        for page in paginator.paginate(PaginationConfig={"PageSize": 2})
        for summary in page["InstanceSummaryList"]
    ]
    typed = [s.to_dict() for page in pages for s in page.instance_summary_list]
    assert typed == oracle

    arn = created[0].arn
    client.tag_resource(
        connect.TagResourceRequest(
            resource_arn=arn, tags={"team": "blue", "a b/c=d": "ünï ✓"}
        )
    )
    tags = client.list_tags_for_resource(
        connect.ListTagsForResourceRequest(resource_arn=arn)
    ).tags
    assert tags == {"team": "blue", "a b/c=d": "ünï ✓"}
    client.untag_resource(
        connect.UntagResourceRequest(resource_arn=arn, tag_keys=["a b/c=d"])
    )
    tags = client.list_tags_for_resource(
        connect.ListTagsForResourceRequest(resource_arn=arn)
    ).tags
    assert tags == {"team": "blue"}

    for instance_id in ids:
        assert (
            client.delete_instance(
                connect.DeleteInstanceRequest(instance_id=instance_id)
            )
            is None
        )
    with pytest.raises(connect.ResourceNotFoundException) as caught:
        client.describe_instance(connect.DescribeInstanceRequest(instance_id=ids[0]))
    error = caught.value
    assert isinstance(error, connect.ConnectError)
    assert isinstance(error, ClientError)
    assert error.response["Error"]["Code"] == "ResourceNotFoundException"
    assert error.response["ResponseMetadata"]["HTTPStatusCode"] == 404
    assert ids[0] in str(error)
    remaining = {
        s.id
        for page in client.paginate_list_instances(connect.ListInstancesRequest())
        for s in page.instance_summary_list
    }
    assert not remaining & set(ids)


def test_analytics_data_set_associations(connect: ModuleType, client: Any) -> None:
    """associate three -> list in pages of 2 -> disassociate one -> list again."""
    instance_id = create_instance(connect, client, f"moto{uuid.uuid4().hex[:8]}").id
    data_sets = ["ds-a", "ds-b", "ds-c"]
    for data_set in data_sets:
        result = client.associate_analytics_data_set(
            connect.AssociateAnalyticsDataSetRequest(
                instance_id=instance_id, data_set_id=data_set
            )
        )
        assert isinstance(result, connect.AssociateAnalyticsDataSetResponse)
        assert result.data_set_id == data_set
        assert result.target_account_id == ACCOUNT

    def listed() -> list[Any]:
        pages = pages_by_hand(
            lambda token: client.list_analytics_data_associations(
                connect.ListAnalyticsDataAssociationsRequest(
                    instance_id=instance_id, max_results=2, next_token=token
                )
            )
        )
        return [result for page in pages for result in page.results]

    results = listed()
    assert all(isinstance(r, connect.AnalyticsDataAssociationResult) for r in results)
    assert [r.data_set_id for r in results] == data_sets
    assert {r.resource_share_status for r in results} == {"ACTIVE"}

    client.disassociate_analytics_data_set(
        connect.DisassociateAnalyticsDataSetRequest(
            instance_id=instance_id, data_set_id="ds-b"
        )
    )
    assert [r.data_set_id for r in listed()] == ["ds-a", "ds-c"]
    with pytest.raises(connect.ResourceNotFoundException):
        client.disassociate_analytics_data_set(
            connect.DisassociateAnalyticsDataSetRequest(
                instance_id=instance_id, data_set_id="ds-b"
            )
        )
    client.delete_instance(connect.DeleteInstanceRequest(instance_id=instance_id))


def test_requests_reach_moto_over_http(
    connect: ModuleType, client: Any, moto_server: Moto
) -> None:
    """The count is taken where the requests arrive, from a real socket."""
    client.list_instances(connect.ListInstancesRequest(max_results=1))
    recorded = moto_server.requests()
    assert len(recorded) == 1
    assert recorded[0]["method"] == "GET"
    assert recorded[0]["url"].startswith(f"{moto_server.endpoint}/instance?")
    assert "maxResults=1" in recorded[0]["url"]
    assert recorded[0]["headers"]["Authorization"].startswith("AWS4-HMAC-SHA256")
    # The log is where the fixture put it, not in the working directory.
    assert moto_server.recording.is_file()
    reply = client.botocore_client.list_instances()["ResponseMetadata"]
    assert reply["HTTPHeaders"]["server"].startswith("Werkzeug/")


# Each request breaks one model constraint (botocore's own validator checks only the
# minimums among them: never a maximum, pattern or enum); "secret" is in a sensitive
# value, which no message may show.
INVALID: list[tuple[str, str, dict[str, Any], str]] = [
    ("create_instance", "CreateInstanceRequest",
     {"identity_management_type": "CONNECT_MANAGED", "instance_alias": "d-secret1",
      "inbound_calls_enabled": True, "outbound_calls_enabled": True}, "InstanceAlias"),
    ("create_instance", "CreateInstanceRequest",
     {"identity_management_type": "NOT_A_TYPE",
      "inbound_calls_enabled": True, "outbound_calls_enabled": True},
     "IdentityManagementType"),
    ("list_instances", "ListInstancesRequest", {"max_results": 11}, "MaxResults"),
    ("list_instances", "ListInstancesRequest", {"max_results": 0}, "MaxResults"),
    ("tag_resource", "TagResourceRequest",
     {"resource_arn": "arn:aws:connect:us-east-1:123456789012:instance/x",
      "tags": {"aws:reserved": "v"}}, "tags"),
    ("untag_resource", "UntagResourceRequest",
     {"resource_arn": "arn:aws:connect:us-east-1:123456789012:instance/x",
      "tag_keys": []}, "tagKeys"),
    ("describe_instance", "DescribeInstanceRequest", {"instance_id": ""},
     "InstanceId"),
    ("associate_analytics_data_set", "AssociateAnalyticsDataSetRequest",
     {"instance_id": "i", "data_set_id": "x" * 256}, "DataSetId"),
    ("list_analytics_data_associations", "ListAnalyticsDataAssociationsRequest",
     {"instance_id": "i", "max_results": 1001}, "MaxResults"),
]  # fmt: skip


@pytest.mark.parametrize(
    ("method", "request_type", "values", "member"),
    INVALID,
    ids=[f"{case[0]}-{case[3]}" for case in INVALID],
)
def test_validation_errors_never_reach_the_server(
    connect: ModuleType,
    client: Any,
    moto_server: Moto,
    method: str,
    request_type: str,
    values: dict[str, Any],
    member: str,
) -> None:
    request = getattr(connect, request_type)(**values)
    with pytest.raises(connect.ValidationError) as caught:
        getattr(client, method)(request)
    paths = [violation.path for violation in caught.value.errors]
    assert paths and all(path.startswith(member) for path in paths), paths
    assert "secret" not in str(caught.value)
    assert moto_server.requests() == []
    # The same client, with a valid request, does reach it (the count is live).
    client.list_instances(connect.ListInstancesRequest(max_results=1))
    assert len(moto_server.requests()) == 1
