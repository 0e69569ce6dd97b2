from __future__ import annotations

import sys
from pathlib import Path

# The printer tests share helpers (tests/ is not a package).
sys.path.insert(0, str(Path(__file__).parent))
