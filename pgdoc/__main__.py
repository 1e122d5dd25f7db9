import sys

from pgdoc.cli import main

sys.exit(main())
