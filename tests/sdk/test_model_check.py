"""A request the installed botocore cannot carry fails clearly, before any I/O.

The package is generated from botocore 1.44.8's model; a vendored copy may run
on botocore 1.35.68, whose Connect model lacks ``SegmentAttributeValue``'s
``ValueInteger``/``ValueMap`` (``python -m codegen diff 1.35.68 1.44.8``). With
botocore's own parameter validation off (the typed client's default), botocore's
serializer would drop or choke on such a member; the client raises
``BotocoreModelError`` instead.

Oracles: botocore's own validator and service model (an older model loaded by
botocore's ``Loader`` from ``tests/fixtures/botocore-connect/<version>/``, or the
installed botocore's in a vendored-matrix cell), and botocore's ``Stubber``,
whose unconsumed response shows nothing was sent.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import botocore
import botocore.session
import pytest
from botocore.client import BaseClient
from botocore.config import Config
from botocore.exceptions import ParamValidationError
from botocore.model import StructureShape
from botocore.stub import ANY, Stubber

from generated.connect import (
    BotocoreModelError,
    ConnectClient,
    SegmentAttributeValue,
    StartEmailContactRequest,
    ValidationError,
    enable_validation,
)
from tests.sdk.sample_requests import make_request

RELEASES = Path(__file__).resolve().parents[1] / "fixtures" / "botocore-connect"
METHOD = "start_email_contact"
# Members added to SegmentAttributeValue after 1.35.68 (codegen diff).
NEWER = make_request(
    segment_attributes={
        "connect:ContactExpiry": SegmentAttributeValue(
            value_map={"ExpiryDuration": SegmentAttributeValue(value_integer=135)}
        )
    }
)
NEWER_PATH = "SegmentAttributes.connect:ContactExpiry.ValueMap"


def old_botocore(tmp_path: Path, version: str, *, validate: bool) -> BaseClient:
    """A botocore client reading Connect's model of ``version`` (botocore's
    Loader, through the session's ``data_path``)."""
    folder = tmp_path / "models" / "connect" / "2017-08-08"
    folder.mkdir(parents=True)
    shutil.copy(RELEASES / version / "service-2.json.gz", folder)
    session = botocore.session.get_session()
    session.set_config_variable("data_path", str(tmp_path / "models"))
    return session.create_client(
        "connect",
        region_name="us-east-1",
        aws_access_key_id="AKIDEXAMPLE",
        aws_secret_access_key="secret",
        config=Config(parameter_validation=validate),
    )


@pytest.fixture
def stubbed_1_35_68(tmp_path: Path) -> Iterator[tuple[ConnectClient, Stubber]]:
    """The typed client over botocore with 1.35.68's model, validation off (as
    ``from_session`` makes it), one response queued."""
    plain = old_botocore(tmp_path, "1.35.68", validate=False)
    assert "ValueMap" not in segment_value_members(plain)  # the premise
    with Stubber(plain) as stubber:
        stubber.add_response(METHOD, {"ContactId": "c-1"})
        yield ConnectClient(plain), stubber


def segment_value_members(client: BaseClient) -> set[str]:
    shape = client.meta.service_model.shape_for("SegmentAttributeValue")
    assert isinstance(shape, StructureShape)
    return set(shape.members)


def test_a_member_the_old_model_lacks_is_refused_before_any_io(
    stubbed_1_35_68: tuple[ConnectClient, Stubber],
) -> None:
    client, stubber = stubbed_1_35_68
    with pytest.raises(BotocoreModelError) as caught:
        client.start_email_contact(NEWER)
    error = caught.value
    assert isinstance(error, ValidationError)
    assert [(v.path, v.rule) for v in error.errors] == [(NEWER_PATH, "unknown")]
    message = str(error)
    assert "\n" not in message
    assert NEWER_PATH in message
    assert f"installed botocore {botocore.__version__}" in message
    assert error.botocore_version == botocore.__version__
    # Nothing reached botocore's send: the queued response is still there, and
    # a request of members 1.35.68 knows consumes it.
    with pytest.raises(AssertionError):
        stubber.assert_no_pending_responses()
    assert client.start_email_contact(make_request()).contact_id == "c-1"
    stubber.assert_no_pending_responses()


def test_botocores_own_validator_agrees_the_member_is_unknown(
    tmp_path: Path,
) -> None:
    """The oracle: the same model with botocore's validation on names the same
    member; with it off, botocore's serializer fails on it with no clear word
    (what the check replaces)."""
    params = {**NEWER.to_dict(), "ClientToken": "t"}
    checked = old_botocore(tmp_path / "on", "1.35.68", validate=True)
    with Stubber(checked) as stubber, pytest.raises(ParamValidationError) as caught:
        stubber.add_response(METHOD, {"ContactId": "never"})
        getattr(checked, METHOD)(**params)
    assert (
        'Unknown parameter in SegmentAttributes.connect:ContactExpiry: "ValueMap"'
        in str(caught.value)
    )
    unchecked = old_botocore(tmp_path / "off", "1.35.68", validate=False)
    with Stubber(unchecked) as stubber, pytest.raises(KeyError, match="ValueMap"):
        stubber.add_response(METHOD, {"ContactId": "never"})
        getattr(unchecked, METHOD)(**params)


def test_the_same_request_goes_through_where_the_model_has_the_member() -> None:
    """The installed botocore's model (1.44.8 here, each release in the
    vendored matrix): sent when it knows ``ValueMap``, refused when it does not."""
    plain = botocore.session.get_session().create_client(
        "connect",
        region_name="us-east-1",
        aws_access_key_id="AKIDEXAMPLE",
        aws_secret_access_key="secret",
        config=Config(parameter_validation=False),
    )
    client = ConnectClient(plain)
    with Stubber(plain) as stubber:
        stubber.add_response(
            METHOD, {"ContactId": "c-2"}, {**NEWER.to_dict(), "ClientToken": ANY}
        )
        if "ValueMap" in segment_value_members(plain):
            assert client.start_email_contact(NEWER).contact_id == "c-2"
            stubber.assert_no_pending_responses()
        else:
            with pytest.raises(BotocoreModelError, match=NEWER_PATH):
                client.start_email_contact(NEWER)


def test_an_operation_the_old_model_lacks_is_named(tmp_path: Path) -> None:
    """botocore 1.35.67's model has no StartEmailContact at all."""
    plain = old_botocore(tmp_path, "1.35.67", validate=False)
    assert "StartEmailContact" not in plain.meta.service_model.operation_names
    with pytest.raises(BotocoreModelError) as caught:
        ConnectClient(plain).start_email_contact(make_request())
    message = str(caught.value)
    assert "operation start_email_contact" in message
    assert f"installed botocore {botocore.__version__}" in message


def test_a_request_of_known_members_is_not_refused(
    stubbed_1_35_68: tuple[ConnectClient, Stubber],
) -> None:
    """Every member of the shared sample request is in 1.35.68's model, nested
    lists and maps included."""
    client, stubber = stubbed_1_35_68
    request: StartEmailContactRequest = make_request()
    assert client.start_email_contact(request).contact_id == "c-1"
    stubber.assert_no_pending_responses()


def test_enable_validation_leaves_it_to_botocores_own_check(tmp_path: Path) -> None:
    """On a plain client the hook runs no model check (docs/generated-api.md):
    with botocore's validation on, botocore's own error names the member, its
    exception class, as without the hook."""
    checked = old_botocore(tmp_path, "1.35.68", validate=True)
    enable_validation(checked)
    params = {**NEWER.to_dict(), "ClientToken": "t"}
    with Stubber(checked) as stubber, pytest.raises(ParamValidationError) as caught:
        stubber.add_response(METHOD, {"ContactId": "never"})
        getattr(checked, METHOD)(**params)
    assert not isinstance(caught.value, ValidationError)
    unknown = 'Unknown parameter in SegmentAttributes.connect:ContactExpiry: "ValueMap"'
    assert unknown in str(caught.value)


def test_on_the_release_it_was_generated_from_no_call_is_walked(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """On the model the package was generated from (fed to the installed
    botocore's own ``Loader``, whatever its release), botocore has every
    member the package can set, so the check is done once, not per call:
    ``_Tree.unknown`` is never run."""
    from generated.connect import BOTOCORE_RELEASE, _model_check

    def walked(*arguments: object) -> list[str]:
        raise AssertionError("the request was walked")

    monkeypatch.setattr(_model_check._Tree, "unknown", walked)
    plain = old_botocore(tmp_path, BOTOCORE_RELEASE, validate=False)
    with Stubber(plain) as stubber:
        for _ in range(2):
            stubber.add_response(METHOD, {"ContactId": "c-1"})
        client = ConnectClient(plain)
        for _ in range(2):
            assert client.start_email_contact(NEWER).contact_id == "c-1"
        stubber.assert_no_pending_responses()
