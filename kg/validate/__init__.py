"""Stage 4, validation: a document's graph against the SHACL shapes (``shapes/``), by the
compiled engine of :mod:`kg.validate.shacl` or by pySHACL, and the readable report."""

from kg.validate.validation import Validation, validate

__all__ = ["Validation", "validate"]
