"""``python -m supportkit`` runs the command line."""

from __future__ import annotations

import sys

from supportkit.cli import main

sys.exit(main())
