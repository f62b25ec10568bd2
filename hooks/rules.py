"""Checks of datasets that a JSON Schema cannot express, registered with ``data_loader.rule``.

Each publication's module holds its own pure checks; this module only connects them to the loader.
"""

from __future__ import annotations

import importlib

# Modules that define validation rules; each registers its rules when imported.
_RULE_MODULES = ("hooks.rules_core", "hooks.reference_data", "hooks.valorization", "hooks.standards")

for _module in _RULE_MODULES:
    importlib.import_module(_module)
