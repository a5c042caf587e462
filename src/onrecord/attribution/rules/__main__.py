"""``python -m onrecord.attribution.rules``: list every attribution rule (``--markdown`` for docs/rules.md)."""

from onrecord.attribution.rules import main

raise SystemExit(main())
