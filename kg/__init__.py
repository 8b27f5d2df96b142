"""fupin-kg: knowledge graphs from Chinese poverty-alleviation reporting.

The package reads as the data flow, one stage per module::

    read -> normalise -> document/segment -> extract/* -> graph -> validate -> serialise/store

``kg.cli`` is a thin layer on top; nothing below imports it.
"""

__version__ = "0.1.0"
