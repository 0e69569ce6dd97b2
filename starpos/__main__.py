import sys

from starpos.cli import main

sys.exit(main())
