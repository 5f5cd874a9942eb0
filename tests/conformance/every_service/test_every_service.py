"""The every-service run in CI: every botocore service, every operation.

``test_every_service`` generates every service of the installed botocore with
all its operations (``build_service(loaded, ["all"])``; the operations the
generator skips must be exactly those of the exclusion table), imports every
module of every package, and round-trips ``EXAMPLES`` Hypothesis examples of
every operation's input: the same checks as ``make every-service``.

No sample is needed: with black replaced by an identity formatter the whole run
took 160 s of wall time (295 s of CPU) on the shared 2-core development machine,
within the ~5-minute CI budget. Black only reformats, the golden tests cover
formatting, and cold black alone would take about half an hour (that is what
``make every-service`` pays, to prove what users get). Should the budget
tighten, set ``SAMPLE``: every service is then still built whole, and ``SAMPLE``
operations per service, chosen deterministically (``runner.sample_operations``:
ordered by a digest of ``service.operation``, so each sample mixes
Create/Describe/List/Update operations and is the same on every run), are
rendered, imported and round-tripped; ``SAMPLE = 20`` took 90 s (7,273
operations).

The other tests check the test's own parts: the exclusion table is not stale,
and the strategies draw what botocore itself accepts, for one operation of each
protocol and for the trickiest shapes (recursive unions, documents, host
labels, streaming blobs, timestamps), independently of the generator.
"""

from __future__ import annotations

import os

import botocore.model
import botocore.serialize
import botocore.session
import botocore.validate
import pytest
from hypothesis import HealthCheck, given, settings

from tools.every_service.exclusions import EXCLUSIONS
from tools.every_service.options import Options
from tools.every_service.report import render
from tools.every_service.runner import available_services, run
from tools.every_service.strategies import input_params

from .summary import SUMMARY

SAMPLE: int | None = None  # operations per service; None for all
EXAMPLES = 3  # Hypothesis examples per operation
JOBS = min(2, os.cpu_count() or 1)


@pytest.mark.slow
def test_every_service() -> None:
    report = run(
        Options(
            sample=SAMPLE,
            examples=EXAMPLES,
            jobs=JOBS,
            formatter="none",
            progress=False,
        )
    )
    lines = render(report)
    print("\n".join(lines))
    SUMMARY.extend(lines)
    assert len(report.results) == len(available_services())
    assert report.ok, "\n".join(
        [failure.line() for failure in report.failures] + [report.summary()]
    )


def _model(service: str) -> botocore.model.ServiceModel:
    return botocore.session.get_session().get_service_model(service)


def test_every_exclusion_applies_to_some_operation() -> None:
    """A rule that excludes nothing is stale and would hide a future regression."""
    session = botocore.session.get_session()
    unused = {rule.name for rule in EXCLUSIONS}
    for service in available_services():
        model = session.get_service_model(service)
        for name in model.operation_names:
            operation = model.operation_model(name)
            unused -= {rule.name for rule in EXCLUSIONS if rule.applies(operation)}
        if not unused:
            break
    assert not unused


# One operation per protocol, and the shapes a generic strategy gets wrong first.
TRICKY = [
    ("ec2", "RunInstances"),  # ec2 protocol, wide structures
    ("sns", "Publish"),  # query, maps of structures
    ("s3", "PutObject"),  # rest-xml, streaming blob payload, headers, timestamps
    ("s3control", "GetAccessPoint"),  # hostLabel member in the endpoint prefix
    ("bedrock-runtime", "Converse"),  # rest-json, recursive unions, documents
    ("dynamodb", "PutItem"),  # json, recursive AttributeValue union
    ("cloudwatch", "GetMetricData"),  # timestamps, doubles
    ("eventbridgev2", "CreateEventBus"),  # smithy-rpc-v2-cbor
]


@pytest.mark.parametrize(("service", "operation_name"), TRICKY)
def test_strategy_draws_what_botocore_accepts(
    service: str, operation_name: str
) -> None:
    """botocore's validator and serializer accept every drawn example.

    Otherwise a failure of the every-service run could be the strategy's fault,
    not the generator's.
    """
    model = _model(service)
    operation = model.operation_model(operation_name)
    serializer = botocore.serialize.create_serializer(
        model.resolved_protocol, include_validation=False
    )
    validator = botocore.validate.ParamValidator()
    shape = operation.input_shape
    assert shape is not None

    # The drawing cost and size follow the model (RunInstances is wide); they
    # are not what this test is about.
    @settings(
        max_examples=25,
        derandomize=True,
        database=None,
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    )
    @given(input_params(operation))
    def accepted(params: dict[str, object]) -> None:
        report = validator.validate(params, shape)
        assert not report.has_errors(), report.generate_report()
        serializer.serialize_to_request(params, operation)

    accepted()
