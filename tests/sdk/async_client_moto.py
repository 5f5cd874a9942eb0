"""``AsyncConnectClient`` over aiobotocore against a Connect nobody here wrote: moto.

Runs only in the environment ``tools/matrix/aio.py`` builds for the moto suite
(``python -m tools.matrix --suite async-moto`` or
``tests/conformance/test_async_suite.py``): aiobotocore, the botocore it allows
and pytest, with a package generated for the Connect operations moto implements
copied in (``generated.connect`` stands for it, ``tests/sdk/conftest.py``).
moto's server runs in the repository's own environment, in a process of its
own, at ``MOTO_ENDPOINT``; it records every request it receives, so "never
reaches the server" is counted where requests arrive. aiobotocore's own
paginator, called directly, is the oracle for the typed async pages.
"""

from __future__ import annotations

import asyncio
import importlib
import json
import os
import urllib.request
import uuid
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any, TypeVar

import pytest
from botocore.config import Config
from botocore.exceptions import ClientError

# Typed loosely: the repository's own generated.connect (the one mypy sees) has
# StartEmailContact only.
connect: Any = importlib.import_module("generated.connect")
ENDPOINT = os.environ.get("MOTO_ENDPOINT", "")
REGION = "us-east-1"
T = TypeVar("T")


@pytest.fixture(autouse=True)
def local_only(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """Dummy credentials, nothing that could reach beyond 127.0.0.1."""
    assert ENDPOINT.startswith("http://127.0.0.1:"), "MOTO_ENDPOINT is not set"
    monkeypatch.setenv("AWS_EC2_METADATA_DISABLED", "true")
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", "testing")
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "testing")
    monkeypatch.setenv("AWS_CONFIG_FILE", str(tmp_path / "config"))
    monkeypatch.setenv("AWS_SHARED_CREDENTIALS_FILE", str(tmp_path / "credentials"))
    for name in ("AWS_PROFILE", "AWS_SESSION_TOKEN", "AWS_ENDPOINT_URL"):
        monkeypatch.delenv(name, raising=False)


def recorder(action: str) -> bytes:
    """moto's request recorder, over HTTP."""
    url = f"{ENDPOINT}/moto-api/recorder/{action}"
    with urllib.request.urlopen(url, timeout=10) as response:
        body: bytes = response.read()
    return body


def recorded() -> list[dict[str, Any]]:
    """Every request moto received since the last reset, in order."""
    lines = recorder("download-recording").decode().splitlines()
    return [json.loads(line) for line in lines if line.strip()]


@pytest.fixture(autouse=True)
def recording() -> None:
    recorder("start-recording")
    recorder("reset-recording")


@asynccontextmanager
async def opened() -> AsyncIterator[Any]:
    client = connect.AsyncConnectClient.from_session(
        region_name=REGION,
        endpoint_url=ENDPOINT,
        config=Config(retries={"mode": "standard", "max_attempts": 1}),
    )
    async with client:
        yield client


def run(scenario: Callable[[Any], Awaitable[T]]) -> T:
    async def main() -> T:
        async with opened() as client:
            return await scenario(client)

    return asyncio.run(main())


async def create(client: Any, alias: str) -> Any:
    return await client.create_instance(
        connect.CreateInstanceRequest(
            identity_management_type="CONNECT_MANAGED",
            instance_alias=alias,
            inbound_calls_enabled=True,
            outbound_calls_enabled=False,
        )
    )


def test_instance_lifecycle() -> None:
    """create (concurrently) -> describe -> list in pages of 2 through the async
    paginator, each instance exactly once -> tag/untag -> delete -> gone."""
    run_id = uuid.uuid4().hex[:8]
    aliases = [f"aio{run_id}{index}" for index in range(5)]

    async def scenario(client: Any) -> None:
        created = await asyncio.gather(*(create(client, a) for a in aliases))
        assert all(isinstance(c, connect.CreateInstanceResponse) for c in created)
        ids = [c.id for c in created]
        assert len(set(ids)) == 5

        described = (
            await client.describe_instance(
                connect.DescribeInstanceRequest(instance_id=ids[0])
            )
        ).instance
        assert isinstance(described, connect.Instance)
        assert (described.id, described.arn) == (ids[0], created[0].arn)
        assert described.instance_alias == aliases[0]
        assert described.instance_status == "ACTIVE"

        recorder("reset-recording")
        pages = [
            page
            async for page in client.paginate_list_instances(
                connect.ListInstancesRequest(), page_size=2
            )
        ]
        assert all(isinstance(p, connect.ListInstancesResponse) for p in pages)
        assert all(len(p.instance_summary_list) <= 2 for p in pages)
        seen = [s.id for page in pages for s in page.instance_summary_list]
        assert len(seen) == len(set(seen)), "an instance was listed twice"
        assert set(ids) <= set(seen)
        assert len(pages) >= 3  # five or more instances, two a page
        # One request a page, each asking for two.
        sent = recorded()
        assert len(sent) == len(pages)
        assert all("maxResults=2" in request["url"] for request in sent)
        # Oracle: aiobotocore's own paginator, summary for summary.
        paginator = client.aiobotocore_client.get_paginator("list_instances")
        oracle = [
            summary
            async for page in paginator.paginate(PaginationConfig={"PageSize": 2})
            for summary in page["InstanceSummaryList"]
        ]
        typed = [s.to_dict() for page in pages for s in page.instance_summary_list]
        assert typed == oracle

        # max_items stops early with a resume token; starting_token resumes.
        first = client.paginate_list_instances(
            connect.ListInstancesRequest(), page_size=2, max_items=3
        )
        head = [s.id async for page in first for s in page.instance_summary_list]
        assert len(head) == 3
        assert first.resume_token is not None
        rest = client.paginate_list_instances(
            connect.ListInstancesRequest(),
            page_size=2,
            starting_token=first.resume_token,
        )
        tail = [s.id async for page in rest for s in page.instance_summary_list]
        assert head + tail == seen

        arn = created[0].arn
        await client.tag_resource(
            connect.TagResourceRequest(
                resource_arn=arn, tags={"team": "blue", "a b/c=d": "ünï ✓"}
            )
        )
        tags = (
            await client.list_tags_for_resource(
                connect.ListTagsForResourceRequest(resource_arn=arn)
            )
        ).tags
        assert tags == {"team": "blue", "a b/c=d": "ünï ✓"}
        await client.untag_resource(
            connect.UntagResourceRequest(resource_arn=arn, tag_keys=["a b/c=d"])
        )
        tags = (
            await client.list_tags_for_resource(
                connect.ListTagsForResourceRequest(resource_arn=arn)
            )
        ).tags
        assert tags == {"team": "blue"}

        deleted = await asyncio.gather(
            *(
                client.delete_instance(connect.DeleteInstanceRequest(instance_id=i))
                for i in ids
            )
        )
        assert deleted == [None] * 5
        with pytest.raises(connect.ResourceNotFoundException) as caught:
            await client.describe_instance(
                connect.DescribeInstanceRequest(instance_id=ids[0])
            )
        error = caught.value
        assert isinstance(error, connect.ConnectError)
        assert isinstance(error, ClientError)
        assert error.response["ResponseMetadata"]["HTTPStatusCode"] == 404
        remaining = {
            s.id
            async for page in client.paginate_list_instances(
                connect.ListInstancesRequest()
            )
            for s in page.instance_summary_list
        }
        assert not remaining & set(ids)

    run(scenario)


def test_invalid_paging_request_never_reaches_the_server() -> None:
    """The paginator validates when it is made, before anything is sent."""

    async def scenario(client: Any) -> int:
        with pytest.raises(connect.ValidationError) as caught:
            client.paginate_list_instances(connect.ListInstancesRequest(max_results=11))
        assert [v.path for v in caught.value.errors] == ["MaxResults"]
        with pytest.raises(connect.ValidationError):
            await client.tag_resource(
                connect.TagResourceRequest(
                    resource_arn="arn:aws:connect:us-east-1:123456789012:instance/x",
                    tags={"aws:reserved": "v"},
                )
            )
        assert recorded() == []
        # The same client does reach it (the count is live).
        pages = client.paginate_list_instances(
            connect.ListInstancesRequest(max_results=1)
        )
        return len([page async for page in pages])

    count = run(scenario)
    assert count >= 1
    assert len(recorded()) == count


def test_table_waiters() -> None:
    """DynamoDB's waiters through aiobotocore's: TableExists after CreateTable,
    TableNotExists after DeleteTable (one DescribeTable each: moto's tables
    change state at once), and botocore's own ``WaiterError`` after exactly
    ``max_attempts`` polls of a table that never appears."""
    dynamodb: Any = importlib.import_module("motodynamodb")
    waiter_error = importlib.import_module("botocore.exceptions").WaiterError
    table = f"aio{uuid.uuid4().hex[:8]}"
    describe = dynamodb.DescribeTableInput(table_name=table)

    async def scenario() -> None:
        async with dynamodb.AsyncDynamoDBClient.from_session(
            region_name=REGION,
            endpoint_url=ENDPOINT,
            config=Config(retries={"mode": "standard", "max_attempts": 1}),
        ) as client:
            await client.create_table(
                dynamodb.CreateTableInput(
                    table_name=table,
                    attribute_definitions=[
                        dynamodb.AttributeDefinition(
                            attribute_name="id", attribute_type="S"
                        )
                    ],
                    key_schema=[
                        dynamodb.KeySchemaElement(attribute_name="id", key_type="HASH")
                    ],
                    billing_mode="PAY_PER_REQUEST",
                )
            )
            recorder("reset-recording")
            assert await client.wait_table_exists(describe, delay=1) is None
            assert len(recorded()) == 1
            await client.delete_table(dynamodb.DeleteTableInput(table_name=table))
            recorder("reset-recording")
            await client.wait_table_not_exists(describe, delay=1)
            assert len(recorded()) == 1

            recorder("reset-recording")
            with pytest.raises(waiter_error) as caught:
                await client.wait_table_exists(describe, delay=1, max_attempts=2)
            assert "Max attempts exceeded" in str(caught.value)
            assert len(recorded()) == 2
            # Validated before the first poll (the model: at least 1 character).
            with pytest.raises(dynamodb.ValidationError):
                await client.wait_table_exists(
                    dynamodb.DescribeTableInput(table_name=""),
                    delay=1,
                    max_attempts=1,
                )
            assert len(recorded()) == 2

    asyncio.run(scenario())
