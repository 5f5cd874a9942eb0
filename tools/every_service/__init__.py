"""The every-service run: every botocore service generated, imported, round-tripped.

``python -m tools.every_service`` (``make every-service``) runs all of it with
black; ``tests/conformance/every_service`` runs it without black in CI. One job
per module: ``options`` (the command line), ``runner`` (the pool of workers, one
task per service), ``generation`` (one service's package), ``round_trip`` (the
checks of one operation), ``strategies`` (what is drawn), ``exclusions`` (what is
left out, and why), ``results`` and ``report`` (what is handed back and printed);
``typecheck`` is the separate mypy run. Modules import each other relatively, and
the pool's worker processes import them by name.
"""
