"""The documentation stays true: the site builds offline, and what it shows exists.

Oracles: mkdocs itself (``--strict`` turns every broken link, anchor, missing
page or unresolved ``::: module`` into a failure), the Makefile's own targets,
Python's import system for ``python -m`` modules, the file system for paths,
``RULES`` for the API-diff table, and the interpreter for the README's example.
"""

from __future__ import annotations

import importlib.util
import os
import re
import shlex
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

from mkdocs.config import load_config

from codegen.apidiff.rules import markdown_table
from tests.support import REPO, run_codegen

DOCS = REPO / "docs"
README = REPO / "README.md"
PAGES = [README, REPO / "CONTRIBUTING.md", *sorted(DOCS.rglob("*.md"))]

# A proxy nobody listens on: a plugin that reached for the network would fail
# the build instead of quietly depending on it.
OFFLINE = {
    "HTTP_PROXY": "http://127.0.0.1:9",
    "HTTPS_PROXY": "http://127.0.0.1:9",
    "ALL_PROXY": "http://127.0.0.1:9",
    "NO_PROXY": "",
    "NO_MKDOCS_2_WARNING": "1",
}

# Plugins that work without the network (search indexes locally; offline
# makes the site browsable from file://; mkdocstrings reads source files).
OFFLINE_PLUGINS = {"search", "offline", "mkdocstrings"}

FENCE = re.compile(r"^```(\w*)\n(.*?)^```", re.M | re.S)
INLINE = re.compile(r"(?<!`)`([^`\n]+)`(?!`)")
REPO_PATH = re.compile(
    r"^(?:codegen|tests|tools|templates|generated|benchmarks|docs)/[\w./<>*-]*$"
)


def _text_without_fences(text: str) -> str:
    return FENCE.sub("", text)


def _commands(text: str) -> Iterator[str]:
    """Shell commands shown in a page: shell blocks, ``$`` lines, inline code."""
    for lang, body in FENCE.findall(text):
        for line in body.splitlines():
            line = line.strip()
            if lang in ("sh", "bash", "shell"):
                yield line.split(" #", 1)[0].strip()
            elif line.startswith("$ "):
                yield line[2:].split(" #", 1)[0].strip()
    for code in INLINE.findall(_text_without_fences(text)):
        yield code.strip()


def _words(command: str) -> list[str]:
    """The command's words after any leading ``VAR=value`` assignments."""
    words = shlex.split(command)
    while words and re.fullmatch(r"[A-Z_]+=\S*", words[0]):
        words.pop(0)
    return words


def _make_targets() -> set[str]:
    makefile = (REPO / "Makefile").read_text(encoding="utf-8")
    return set(re.findall(r"^([\w-]+):", makefile, re.M))


def test_site_builds_strict_and_offline(tmp_path: Path) -> None:
    config = load_config(str(REPO / "mkdocs.yml"))
    assert config.theme["font"] is False, "web fonts would need the network"
    assert set(config.plugins) <= OFFLINE_PLUGINS | {
        f"material/{name}" for name in OFFLINE_PLUGINS
    }
    site = tmp_path / "site"
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", site],
        cwd=REPO,
        env={**os.environ, **OFFLINE},
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    # The reference pages hold the generated package's docstrings, not just
    # their headings, and the architecture page its diagram.
    client = (site / "reference" / "client.html").read_text(encoding="utf-8")
    assert "start_email_contact" in client
    assert "before any network I/O" in client
    shapes = (site / "reference" / "shapes.html").read_text(encoding="utf-8")
    assert "StartEmailContactRequest" in shapes
    architecture = (site / "architecture.html").read_text(encoding="utf-8")
    assert 'class="mermaid"' in architecture
    contributing = (site / "contributing.html").read_text(encoding="utf-8")
    assert "Recipe: add a shape kind" in contributing


def test_every_make_target_and_python_module_shown_exists() -> None:
    targets = _make_targets()
    shown = 0
    for page in PAGES:
        for command in _commands(page.read_text(encoding="utf-8")):
            words = _words(command)
            where = f"{page.relative_to(REPO)}: {command}"
            if words[:1] == ["make"]:
                shown += 1
                for target in words[1:]:
                    if not target.startswith("-") and "=" not in target:
                        assert target in targets, where
            elif len(words) >= 3 and words[0].endswith(("python", "python3")):
                if words[1] != "-m":
                    continue
                shown += 1
                module = words[2]
                assert importlib.util.find_spec(module) is not None, where
                if module == "pytest":
                    for arg in words[3:]:
                        if arg.startswith("tests/"):
                            assert (REPO / arg.split("::")[0]).exists(), where
    assert shown > 20  # the parser still finds the commands


def test_every_repository_path_shown_exists() -> None:
    for page in PAGES:
        for code in INLINE.findall(_text_without_fences(page.read_text("utf-8"))):
            if not REPO_PATH.match(code):
                continue
            # ``<version>`` and ``*`` stand for any name; ``...`` for "below".
            path = code.split("::")[0].removesuffix("...")
            pattern = re.sub(r"<[^>]+>", "*", path)
            matches = list(REPO.glob(pattern.rstrip("/"))) if "*" in pattern else []
            exists = (REPO / pattern).exists() or matches
            assert exists, f"{page.relative_to(REPO)}: `{code}` does not exist"


def test_readme_is_the_front_door() -> None:
    lines = README.read_text(encoding="utf-8").splitlines()
    assert len(lines) <= 250


def test_readme_example_prints_what_the_readme_says(tmp_path: Path) -> None:
    blocks = FENCE.findall(README.read_text(encoding="utf-8"))
    langs = [lang for lang, _ in blocks]
    example = langs.index("python")
    assert langs[example + 1] == "text"
    script = tmp_path / "example.py"
    script.write_text(blocks[example][1], encoding="utf-8")
    result = subprocess.run(
        [sys.executable, str(script)],
        cwd=REPO,
        env={
            **os.environ,
            **OFFLINE,
            "PYTHONPATH": str(REPO),
            # Dummy credentials, and no instance-metadata lookup: botocore
            # resolves credentials when it creates a client, and the example
            # must fail validation before anything could be sent.
            "AWS_ACCESS_KEY_ID": "testing",
            "AWS_SECRET_ACCESS_KEY": "testing",
            "AWS_EC2_METADATA_DISABLED": "true",
            "AWS_CONFIG_FILE": str(tmp_path / "none"),
            "AWS_SHARED_CREDENTIALS_FILE": str(tmp_path / "none"),
        },
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout == blocks[example + 1][1]


def test_api_diff_rules_table_is_printed_from_rules() -> None:
    page = (DOCS / "api-diff.md").read_text(encoding="utf-8")
    assert markdown_table() in page


# A marked example and the output it prints: ``<!-- run against moto ... -->``.
MOTO_EXAMPLE = re.compile(
    r"^<!-- run against moto[^>]*-->\n```python\n(.*?)^```\n+```text\n(.*?)^```",
    re.M | re.S,
)
# Runs a script with moto's server on 127.0.0.1 behind AWS_ENDPOINT_URL, which
# botocore reads when it creates a client: the examples show no endpoint.
MOTO_DRIVER = """\
import os, runpy, sys
from moto.server import ThreadedMotoServer
server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
server.start()
host, port = server.get_host_and_port()
os.environ["AWS_ENDPOINT_URL"] = f"http://{host}:{port}"
try:
    runpy.run_path(sys.argv[1], run_name="__main__")
finally:
    server.stop()
"""


def test_boto3_examples_print_what_the_docs_say(tmp_path: Path) -> None:
    """docs/generated-api.md's boto3 examples, each against a fresh moto server,
    with the package generated by the command the page shows."""
    page = (DOCS / "generated-api.md").read_text(encoding="utf-8")
    examples = MOTO_EXAMPLE.findall(page)
    assert len(examples) == 3
    commands = [
        _words(command)
        for command in _commands(page)
        if command.startswith("python -m codegen --service connect")
    ]
    assert len(commands) == 1
    generated = run_codegen(*commands[0][3:], cwd=tmp_path)
    assert generated.returncode == 0, generated.stderr
    driver = tmp_path / "driver.py"
    driver.write_text(MOTO_DRIVER, encoding="utf-8")
    for index, (code, expected) in enumerate(examples):
        script = tmp_path / f"example{index}.py"
        script.write_text(code, encoding="utf-8")
        result = subprocess.run(
            [sys.executable, str(driver), str(script)],
            cwd=tmp_path,
            env={
                **os.environ,
                **OFFLINE,
                "NO_PROXY": "127.0.0.1",
                "PYTHONPATH": str(tmp_path),
                "AWS_ACCESS_KEY_ID": "testing",
                "AWS_SECRET_ACCESS_KEY": "testing",
                "AWS_EC2_METADATA_DISABLED": "true",
                "AWS_CONFIG_FILE": str(tmp_path / "none"),
                "AWS_SHARED_CREDENTIALS_FILE": str(tmp_path / "none"),
            },
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
        assert result.returncode == 0, result.stderr
        assert result.stdout == expected
