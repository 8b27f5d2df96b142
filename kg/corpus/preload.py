"""Imported by the fork server of ``kg build --jobs``'s pool before it forks the workers
(``multiprocessing``'s ``set_forkserver_preload``): it loads, once, what every worker needs, so
that the workers start with it loaded and share its memory.

Without it each worker loaded jieba's tables, the gazetteer, the shapes and the rest itself:
2–3 s of CPU per worker on an idle machine (1.2 s in ``warm_up``, 1.0–1.7 s in its first
document), all of it spent twice with two workers, and far longer on a loaded machine.
"""

from __future__ import annotations

import contextlib

from kg.corpus.worker import warm_up_fully

# A failure here must not stop the fork server: a worker meets the same error in its own
# document and reports it.
with contextlib.suppress(Exception):
    warm_up_fully()
