"""``python -m <package> validate ...``: see ``_validate_cli``."""

from ._validate_cli import main

raise SystemExit(main())
