"""``python -m <package> validate ...``: see ``_validate_cli``."""

from ._validate_cli import main

# Guarded, so that tools importing every module of the package (type checkers,
# vendoring probes) do not run the command.
if __name__ == "__main__":
    raise SystemExit(main())
