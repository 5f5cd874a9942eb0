"""Entry point for ``python -m codegen.update``."""

import sys

from codegen.update.workflow import main

sys.exit(main())
