"""The Standards publication's method: scoring (``scoring``), the checklist rows (``checklist``) and
the checks of data/standards.yaml (``checks``). Pure functions of plain data."""

from kgo.methods.standards.checklist import CHECKLIST_COLUMNS, RECORD_COLUMNS, checklist_rows, evidence_text
from kgo.methods.standards.checks import validate_standards
from kgo.methods.standards.scoring import (
    ID_PREFIX,
    AreaScore,
    ReferenceCases,
    Result,
    changed_answers,
    client_rules,
    display_code,
    evidence_of,
    example_answers,
    reference_cases,
    score,
)

__all__ = ["CHECKLIST_COLUMNS", "ID_PREFIX", "RECORD_COLUMNS", "AreaScore", "ReferenceCases", "Result",
           "changed_answers", "checklist_rows", "client_rules", "display_code", "evidence_of", "evidence_text",
           "example_answers", "reference_cases", "score", "validate_standards"]
