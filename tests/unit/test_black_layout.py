# ruff: noqa: E501  (the cases are long lines by design)
"""``black_layout.lay_out``: long generated lines laid out as black lays them out.

black is the oracle. Each case is a statement the templates write on one line,
too long for 88 columns: ``lay_out`` must give exactly black's output for it
(black, handed that, changes nothing and stops after one pass). For whole
packages, black must leave the laid-out modules as they are, and ``lay_out``
must never change what a module means (same syntax tree). The generator's
output is black's either way; a rule that splits items one per line with a
trailing comma where black would not would change it (black keeps such a
split), which these cases rule out.
"""

from __future__ import annotations

import ast

import pytest

from codegen.generate import format_cache
from codegen.generate.black_layout import lay_out
from codegen.generate.format_cache import FormatCache, Unformatted
from codegen.generate.render import Renderer
from codegen.model.build import build_service
from codegen.model.loader import load_model
from tests.support import black_alone

# (indentation, statement): each too long for one line.
CASES = [
    (
        8,
        'email_address = _c.email_address.read(email_address, _rt.join(path, "EmailAddress"), reader, required=True)',
    ),
    (
        8,
        "set_email_address(instance, agent_first_callback_after_contact_work_config_value)",
    ),
    (
        12,
        'message = _c.message.read(message, _rt.join(path, "Message"), reader) if "Message" in mapping else None',
    ),
    (
        8,
        'reason = _c.invalid_request_exception_reason.read(mapping["Reason"], _rt.join(path, "Reason"), reader) if "Reason" in mapping else None',
    ),
    (
        12,
        "if not (type(after_contact_work_time_limit) is int and 0 <= after_contact_work_time_limit <= 2147483647):",
    ),
    (
        12,
        "if not (type(approximate_total_count) is int and -9223372036854775808 <= approximate_total_count <= 9223372036854775807):",
    ),
    (
        12,
        "if not _c.agent_status_search_condition_list.dict_ok(or_conditions, depth, strict):",
    ),
    (
        8,
        "return (type(self.channel) is str and self.channel in _c.channel.values) and (type(self.config) is AfterContactWorkConfig and self.config._is_valid()) and (self.agent_first_callback_after_contact_work_config is None or (type(self.agent_first_callback_after_contact_work_config) is AfterContactWorkConfig and self.agent_first_callback_after_contact_work_config._is_valid()))",
    ),
    (
        8,
        "return self.after_contact_work_time_limit is None or (type(self.after_contact_work_time_limit) is int and 0 <= self.after_contact_work_time_limit <= 2147483647)",
    ),
    (
        8,
        "return (self.customer is None or (type(self.customer) is ParticipantCapabilities and self.customer._is_valid())) and (self.agent is None or (type(self.agent) is ParticipantCapabilities and self.agent._is_valid()))",
    ),
    (
        8,
        "return _c.batch_create_data_table_value_success_result_list.accepts(self.successful) and _c.batch_create_data_table_value_failure_result_list.accepts(self.failed)",
    ),
    (
        8,
        "return self.criteria is None or _c.ai_agent_search_criteria_list.accepts(self.criteria)",
    ),
    (
        8,
        "return (type(self.evaluation_form_id) is str and 1 <= len(self.evaluation_form_id) <= 500) and type(self.evaluation_form_arn) is str",
    ),
    (
        12,
        'data["AgentFirstCallbackAfterContactWorkConfig"] = self.agent_first_callback_after_contact_work_config.to_dict()',
    ),
    (
        12,
        'data["AfterContactWorkStartTimestamp"] = self.after_contact_work_start_timestamp',
    ),
    (
        12,
        "agent_first_callback_after_contact_work_config = AfterContactWorkConfig._read_checked(agent_first_callback_after_contact_work_config, depth, strict)",
    ),
    (
        4,
        "def activate_evaluation_form(self, request: shapes.ActivateEvaluationFormRequest) -> shapes.ActivateEvaluationFormResponse:",
    ),
    (
        4,
        "async def activate_evaluation_form(self, request: shapes.ActivateEvaluationFormRequest) -> shapes.ActivateEvaluationFormResponse:",
    ),
    (
        0,
        'class ActivateEvaluationFormResponse(_rt.Shape["ActivateEvaluationFormResponseTypeDef"]):',
    ),
    (
        4,
        "from .assign_contact_category_action_definition import AssignContactCategoryActionDefinition",
    ),
    (
        4,
        '_wire_names: ClassVar[frozenset[str]] = frozenset({"EvaluationFormId", "EvaluationFormVersion", "InstanceId"})',
    ),
    (
        4,
        "manual_assignment_queue_configs: list[RoutingProfileManualAssignmentQueueConfig] | None = None",
    ),
    (
        4,
        "auto_evaluation_configuration: EvaluationFormAutoEvaluationConfiguration | None = None",
    ),
    (
        4,
        "ManualAssignmentQueueConfigs: NotRequired[Sequence[RoutingProfileManualAssignmentQueueConfigTypeDef]]",
    ),
    (
        0,
        "action_summary: _rt.Structure[shapes.ActionSummary] = _rt.Structure(lambda: shapes.ActionSummary)",
    ),
    (
        0,
        "additional_email_recipients: _rt.Structure[shapes.AdditionalEmailRecipients] = _rt.Structure(lambda: shapes.AdditionalEmailRecipients)",
    ),
    (
        0,
        "activate_evaluation_form_request: _rt.Structure[shapes.ActivateEvaluationFormRequest] = _rt.Structure(lambda: shapes.ActivateEvaluationFormRequest)",
    ),
    (
        0,
        "real_time_contact_analysis_matched_details: _rt.Map[str, shapes.RealTimeContactAnalysisCategoryDetails] = _rt.Map(real_time_contact_analysis_category_name, real_time_contact_analysis_category_details, max_length=150)",
    ),
    (
        8,
        'response = await self._call("disassociate_traffic_distribution_group_user", params)',
    ),
    (
        8,
        'pages = self._client.get_paginator("list_security_profile_applications").paginate(**params, PaginationConfig=pagination_config(page_size, max_items, starting_token))',
    ),
    (
        8,
        'pages = self._client.get_paginator("list_routing_profile_manual_assignment_queues").paginate(**params, PaginationConfig=pagination_config(page_size, max_items, starting_token))',
    ),
    (
        12,
        "raise RuntimeError(\"AsyncConnectClient is not open: use it in 'async with' for a while\")",
    ),
]


def _module(indent: int, statement: str) -> str:
    """``statement`` at ``indent``, inside enough blocks to be a module."""
    openers = ["class C:", "def f(self):", "if x:"]
    lines = [" " * (4 * level) + opener for level, opener in enumerate(openers)]
    text = "\n".join(lines[: indent // 4])
    text = (text + "\n" if text else "") + " " * indent + statement + "\n"
    if statement.endswith(":"):
        text += " " * (indent + 4) + "pass\n"
    return text


@pytest.mark.parametrize(("indent", "statement"), CASES)
def test_a_long_statement_is_laid_out_as_black_lays_it_out(
    indent: int, statement: str
) -> None:
    text = _module(indent, statement)
    assert indent + len(statement) > 88  # the case is one black splits
    laid = lay_out(text)
    assert laid != text
    assert laid == black_alone(text)


def test_a_dict_entry_of_a_dict_written_one_entry_per_line() -> None:
    text = (
        "def f(self):\n"
        "    data: ResponseTypeDef = {\n"
        '        "Successful": _c.batch_create_data_table_value_success_result_list.dump(self.successful),\n'
        '        "Failed": self.failed,\n'
        "    }\n"
    )
    laid = lay_out(text)
    assert laid != text
    assert laid == black_alone(text)


def test_what_it_does_not_know_is_left_toblack_alone() -> None:
    """A long string, a long line in a docstring (even one that parses as
    code), a long line inside a call's brackets: kept as they are."""
    docstring_line = "x = call(" + ", ".join(f"argument_{i}" for i in range(12)) + ")"
    text = (
        "def f():\n"
        f'    """Doc.\n\n    {docstring_line}\n    """\n'
        f'    message = "{"a" * 100}"\n'
        "    call(\n"
        f"        {docstring_line.replace(' = ', '=')},\n"
        "    )\n"
    )
    assert lay_out(text) == text


def test_it_never_changes_what_a_line_means() -> None:
    """A single-element subscript must not gain the comma a call would take."""
    text = "def f():\n    return variable_with_a_long_name[some_index_with_a_long_name_that_goes_on_and_on_and_on_forever]\n"
    assert ast.dump(ast.parse(lay_out(text))) == ast.dump(ast.parse(text))


@pytest.fixture(scope="module")
def rendered() -> dict[str, str]:
    """The committed package's modules as the templates write them."""
    service = build_service(load_model("connect"), ["StartEmailContact"])
    return Renderer(formatter=Unformatted()).render(service)


def test_black_leaves_every_laid_out_module_of_the_package_as_it_is(
    rendered: dict[str, str],
) -> None:
    """Every module is formatted in black's one pass, none needs a second,
    and into what black alone makes of the module as rendered."""
    modules = {name: text for name, text in rendered.items() if name.endswith(".py")}
    assert len(modules) > 20
    for name, text in modules.items():
        laid = lay_out(text)
        assert black_alone(laid) == laid, name
        assert black_alone(text) == laid, name
        assert ast.dump(ast.parse(laid)) == ast.dump(ast.parse(text)), name


def test_a_layout_black_cannot_parse_falls_back_to_the_text(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The layout is a shortcut: were it ever to break a module, black still
    formats the module as rendered."""
    monkeypatch.setattr(format_cache, "lay_out", lambda text: "def broken(:\n")
    text = _module(8, CASES[0][1])
    assert FormatCache(None, processes=1).format(text) == black_alone(text)
